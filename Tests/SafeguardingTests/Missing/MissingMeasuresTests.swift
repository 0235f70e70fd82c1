import Foundation
import Safeguarding
import Testing

@Suite("Missing measures: episodes, repeat missing, and return interviews within 72 hours")
struct MissingMeasuresTests {
    let agency = UUID(), user = UUID()
    let start = Date(timeIntervalSince1970: 1_790_000_000)

    func episode(_ child: UUID, reportedHoursIn hours: Double, returnedAfter back: Double?, offeredAfter offer: Double?,
        held: Bool = true) -> MissingEpisode {
        let reported = start.addingTimeInterval(hours * 3_600)
        var episode = MissingEpisode(
            childID: child, reportedAt: reported, reportedByAgencyID: agency, reportedByUserID: user, riskGrade: .medium)
        if let back { episode.locatedAt = reported.addingTimeInterval(back * 3_600) }
        if let back, let offer {
            let offered = reported.addingTimeInterval((back + offer) * 3_600)
            episode.returnInterview = ReturnInterview(
                offeredAt: offered, outcome: held ? .held : .declined, at: offered, byName: "Sam", independent: true,
                childSaid: "…")
        }
        return episode
    }

    @Test("an interview counts once decided; the one not offered in 72 hours is named")
    func counts() {
        let ana = UUID(), ben = UUID()
        let inTime = episode(ana, reportedHoursIn: 1, returnedAfter: 5, offeredAfter: 24)
        let late = episode(ana, reportedHoursIn: 100, returnedAfter: 5, offeredAfter: 80)
        let declined = episode(ben, reportedHoursIn: 10, returnedAfter: 2, offeredAfter: 10, held: false)
        let stillMissing = episode(ben, reportedHoursIn: 200, returnedAfter: nil, offeredAfter: nil)
        let waiting = episode(UUID(), reportedHoursIn: 300, returnedAfter: 1, offeredAfter: nil)
        let outside = episode(ana, reportedHoursIn: 10_000, returnedAfter: 1, offeredAfter: 1)
        let now = start.addingTimeInterval(320 * 3_600)
        let measures = MissingMeasures.compute(
            from: [inTime, late, declined, stillMissing, waiting, outside], during: start..<start.addingTimeInterval(1_000 * 3_600),
            now: now)
        #expect(measures.episodes == 5 && measures.children == 3 && measures.repeatChildren == 2)
        // The one back 19 hours ago with nothing offered is not yet decided: its 72 hours run.
        #expect(measures.interviewsDue == 3)
        #expect(measures.offeredInTime == 2 && measures.heldInTime == 1)
        #expect(measures.missed == [late.id])
        #expect(measures.offeredInTimeRate == 2.0 / 3.0)
    }
}
