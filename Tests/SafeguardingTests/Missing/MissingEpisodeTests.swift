import Foundation
import Testing
@testable import Safeguarding

@Suite("Missing episodes: the return interview's 72 hours and the strategy meeting (F18)")
struct MissingEpisodeTests {
    let child = UUID(), police = UUID(), officer = UUID()

    func episode(_ reported: Date, _ grade: MissingRiskGrade = .medium, located: Date? = nil) -> MissingEpisode {
        MissingEpisode(childID: child, reportedAt: reported, reportedByAgencyID: police, reportedByUserID: officer,
            riskGrade: grade, locatedAt: located)
    }

    @Test("the interview is due 72 hours after the child returns; offered by then is in time, after is not")
    func returnInterviewClock() {
        let returned = londonTime(2026, 12, 4, 23, 30)
        var missing = episode(londonTime(2026, 12, 4, 18), located: nil)
        #expect(missing.isMissingNow && missing.returnInterviewDueAt == nil)
        #expect(missing.returnInterviewOfferedInTime(now: returned) == nil)
        missing.locatedAt = returned
        #expect(!missing.isMissingNow)
        #expect(missing.returnInterviewDueAt == londonTime(2026, 12, 7, 23, 30))
        #expect(missing.returnInterviewOfferedInTime(now: londonTime(2026, 12, 6)) == nil, "still time")
        #expect(missing.returnInterviewOfferedInTime(now: londonTime(2026, 12, 8)) == false, "72 hours passed, none offered")
        missing.returnInterview = ReturnInterview(
            offeredAt: londonTime(2026, 12, 7, 23, 30), outcome: .declined, at: londonTime(2026, 12, 7, 23, 30),
            byName: "Lowri Hughes", independent: true)
        #expect(missing.returnInterviewOfferedInTime(now: londonTime(2026, 12, 9)) == true, "offered on the hour is in time, even declined")
        missing.returnInterview?.offeredAt = londonTime(2026, 12, 7, 23, 31)
        #expect(missing.returnInterviewOfferedInTime(now: londonTime(2026, 12, 9)) == false)
    }

    @Test("a missing-child strategy meeting is due on high risk, or on the third episode in 30 days")
    func strategyMeeting() {
        let rules = MissingRules()
        let now = londonTime(2026, 12, 4, 20)
        #expect(rules.strategyMeetingDue(for: episode(now, .high), earlier: []))
        #expect(!rules.strategyMeetingDue(for: episode(now, .medium), earlier: []))
        let first = episode(londonTime(2026, 11, 5, 21)), second = episode(londonTime(2026, 11, 20, 22))
        #expect(rules.strategyMeetingDue(for: episode(now), earlier: [first, second]))
        // 30 days back from 4 December 20:00 is 4 November 20:00: an episode before that is not counted.
        let older = episode(londonTime(2026, 11, 4, 19))
        #expect(!rules.strategyMeetingDue(for: episode(now), earlier: [older, second]))
        // Another child's episodes are not this child's.
        var someoneElse = first
        someoneElse.childID = UUID()
        #expect(!rules.strategyMeetingDue(for: episode(now), earlier: [someoneElse, second]))
        // Configurable: two episodes in 14 days.
        #expect(MissingRules(repeatEpisodes: 2, repeatWindowDays: 14).strategyMeetingDue(for: episode(now), earlier: [second]))
        #expect(!MissingRules(repeatEpisodes: 2, repeatWindowDays: 14).strategyMeetingDue(for: episode(now), earlier: [first]))
        #expect(MissingRiskGrade.high > .medium && MissingRiskGrade.noApparentRisk < .low)
    }
}
