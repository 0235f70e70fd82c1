import Foundation
import Testing
@testable import Safeguarding

@Suite("A missing person PPN becomes the child's missing episode (F18)")
struct MissingEpisodePoliceNoticeTests {
    let child = UUID(), police = UUID(), officer = UUID()

    func notice(
        _ type: PoliceNoticeType = .missingPerson, grade: RiskLevel? = .high, at incident: Date?, linked: Bool = true,
        submitted: Date
    ) -> Referral {
        let details = PoliceNoticeDetails(
            occurrenceNumber: "GW-2026/4411", noticeType: type, incidentAt: incident, incidentLocation: "Newport bus station",
            officerRiskGrade: grade)
        return Referral(
            status: .submitted, referrerUserID: officer, referrerAgencyID: police, childID: linked ? child : nil,
            form: ReferralForm(kind: .policeProtectionNotice, policeNotice: details), createdAt: submitted,
            submittedAt: submitted)
    }

    @Test("reported by the officer's agency when the incident happened, where the child was last seen")
    func toldByTheNotice() throws {
        let incident = londonTime(2026, 12, 4, 19), submitted = londonTime(2026, 12, 4, 21)
        let referral = notice(at: incident, submitted: submitted)
        let episode = try #require(MissingEpisode.told(by: referral, earlier: [], now: londonTime(2026, 12, 4, 22)))
        #expect(episode.childID == child && episode.referralID == referral.id)
        #expect(episode.reportedByAgencyID == police && episode.reportedByUserID == officer)
        #expect(episode.reportedAt == incident && episode.lastSeenAt == incident)
        #expect(episode.lastSeenWhere == "Newport bus station")
        #expect(episode.riskGrade == .high && episode.isMissingNow)
    }

    @Test("the officer's standard grade is low risk; no grade is medium, never lower")
    func grades() throws {
        let at = londonTime(2026, 12, 4, 19), now = londonTime(2026, 12, 4, 22)
        #expect(MissingEpisode.told(by: notice(grade: .standard, at: at, submitted: at), earlier: [], now: now)?.riskGrade == .low)
        #expect(MissingEpisode.told(by: notice(grade: .medium, at: at, submitted: at), earlier: [], now: now)?.riskGrade == .medium)
        #expect(MissingEpisode.told(by: notice(grade: nil, at: at, submitted: at), earlier: [], now: now)?.riskGrade == .medium)
    }

    @Test("an incident time after now is capped at now; no incident time is the notice's submission")
    func reportedTimes() throws {
        let now = londonTime(2026, 12, 4, 22), submitted = londonTime(2026, 12, 4, 21)
        let ahead = try #require(MissingEpisode.told(by: notice(at: londonTime(2026, 12, 5, 9), submitted: submitted), earlier: [], now: now))
        #expect(ahead.reportedAt == now && ahead.lastSeenAt == now)
        let untimed = try #require(MissingEpisode.told(by: notice(at: nil, submitted: submitted), earlier: [], now: now))
        #expect(untimed.reportedAt == submitted && untimed.lastSeenAt == nil)
    }

    @Test("no episode from another kind of notice, an unlinked notice, or one already told")
    func notTold() throws {
        let at = londonTime(2026, 12, 4, 19), now = londonTime(2026, 12, 4, 22)
        #expect(MissingEpisode.told(by: notice(.domesticAbuse, at: at, submitted: at), earlier: [], now: now) == nil)
        #expect(MissingEpisode.told(by: notice(at: at, linked: false, submitted: at), earlier: [], now: now) == nil)
        let referral = notice(at: at, submitted: at)
        let first = try #require(MissingEpisode.told(by: referral, earlier: [], now: now))
        #expect(MissingEpisode.told(by: referral, earlier: [first], now: now) == nil)
    }
}
