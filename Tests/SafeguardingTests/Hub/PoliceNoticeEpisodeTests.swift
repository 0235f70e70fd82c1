import Foundation
import Safeguarding
import Testing

@Suite("Two police notices about one incident are one episode")
struct PoliceNoticeEpisodeTests {
    let incident = Date(timeIntervalSince1970: 1_795_000_000)

    func notice(_ occurrence: String, _ type: PoliceNoticeType = .custodyDetention, hoursLater: Double = 0) -> PoliceNoticeDetails {
        PoliceNoticeDetails(occurrenceNumber: occurrence, noticeType: type, incidentAt: incident.addingTimeInterval(hoursLater * 3600))
    }

    @Test("the same occurrence number, however it is typed, is the same incident")
    func sameOccurrence() {
        #expect(PoliceNoticeEpisode.sameIncident(notice("GW-2026/4471"), notice("gw 2026 4471", .childConcern, hoursLater: 30)))
    }

    @Test("different occurrence numbers are different incidents, even at the same time")
    func differentOccurrence() {
        #expect(!PoliceNoticeEpisode.sameIncident(notice("GW-2026/4471"), notice("GW-2026/4472")))
    }

    @Test("without an occurrence number, the same kind of notice within three hours is the same incident")
    func byTime() {
        #expect(PoliceNoticeEpisode.sameIncident(notice(""), notice("GW-1", hoursLater: 2.5)))
        #expect(!PoliceNoticeEpisode.sameIncident(notice(""), notice("GW-1", hoursLater: 3.5)))
        #expect(!PoliceNoticeEpisode.sameIncident(notice(""), notice("", .domesticAbuse, hoursLater: 1)))
    }
}
