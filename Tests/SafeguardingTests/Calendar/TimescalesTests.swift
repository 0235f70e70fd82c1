import Foundation
import Testing
@testable import Safeguarding

struct TimescalesTests {
    let calendar = WorkingCalendar()

    @Test func defaultsMatchTheProcedures() {
        let defaults = Timescales()
        let expected: [SafeguardingStep: Timescale] = [
            .writtenReferralAfterPhoneReport: .workingDays(1),
            .referralDecision: .workingDays(1),
            .referrerChasesFeedback: .workingDays(7),
            .strategyDiscussionImmediateRisk: .sameDay,
            .strategyDiscussion: .workingDays(1),
            .informationRequestAnswer: .workingHours(4),
            .informationRequestChase: .workingHours(2),
            .strategyMeeting: .workingDays(3),
            .strategyMeetingMinutes: .workingDays(1),
            .assessment: .workingDays(42),
            .initialChildProtectionConference: .workingDays(15),
            .outlineChildProtectionPlan: .workingDays(5),
            .conferenceRecord: .workingDays(20),
            .firstCoreGroup: .workingDays(10),
            .laterCoreGroup: .weeks(6),
            .firstReviewConference: .months(3),
            .laterReviewConference: .months(6),
            .childSeenAlone: .workingDays(10),
            .childSeenAtHome: .weeks(4),
            .returnInterview: .hours(72),
            .operationEncompassNotification: .beforeNextSchoolDay,
            .earlyInterventionFirstContact: .sameWorkingDay,
            .whatMattersConversation: .workingDays(2),
            .exploitationAssessmentReview: .weeks(12),
        ]
        #expect(expected.count == SafeguardingStep.allCases.count)
        for step in SafeguardingStep.allCases {
            #expect(defaults[step] == expected[step], "\(step.key)")
        }
        #expect(defaults.missingChildStrategyMeeting == MissingEpisodeThreshold(episodes: 3, withinDays: 30))
    }

    @Test func everyStepHasAStableKey() {
        #expect(SafeguardingStep.referralDecision.key == "timescale.referralDecision")
        #expect(Set(SafeguardingStep.allCases.map(\.key)).count == SafeguardingStep.allCases.count)
    }

    @Test func timescalesCanBeOverridden() {
        var local = Timescales()
        local[.strategyMeeting] = .workingDays(2)
        local.returnInterview = .hours(48)
        #expect(local.strategyMeeting == .workingDays(2))
        #expect(local[.returnInterview] == .hours(48))
        let tighter = WorkingCalendar(timescales: local)
        #expect(tighter.deadline(for: .strategyMeeting, from: londonTime(2025, 11, 10, 10)).due == londonTime(2025, 11, 12, 10))
        #expect(calendar.deadline(for: .strategyMeeting, from: londonTime(2025, 11, 10, 10)).due == londonTime(2025, 11, 13, 10))
    }

    @Test func workingDayStepsUseTheWorkingCalendar() {
        let friday = londonTime(2025, 11, 7, 14, 30)
        #expect(calendar.deadline(for: .referralDecision, from: friday).due == londonTime(2025, 11, 10, 14, 30))
        #expect(calendar.deadline(for: .referrerChasesFeedback, from: friday).due == londonTime(2025, 11, 18, 14, 30))
        #expect(calendar.deadline(for: .whatMattersConversation, from: friday).due == londonTime(2025, 11, 11, 14, 30))
        #expect(calendar.deadline(for: .assessment, from: londonTime(2025, 12, 1, 10)).due == londonTime(2026, 2, 2, 10))
    }

    @Test func returnInterviewIsSeventyTwoElapsedHoursEvenAcrossClockChange() {
        let returned = utcTime(2025, 3, 29, 12)
        #expect(calendar.deadline(for: .returnInterview, from: returned).due == utcTime(2025, 4, 1, 12))
    }

    @Test func weeksAndMonthsKeepLocalClockTime() {
        let coreGroup = londonTime(2025, 3, 10, 10)
        #expect(calendar.deadline(for: .laterCoreGroup, from: coreGroup).due == londonTime(2025, 4, 21, 10))
        #expect(calendar.deadline(for: .childSeenAtHome, from: coreGroup).due == londonTime(2025, 4, 7, 10))
        #expect(calendar.deadline(for: .exploitationAssessmentReview, from: coreGroup).due == londonTime(2025, 6, 2, 10))
        #expect(calendar.deadline(for: .firstReviewConference, from: londonTime(2025, 1, 15, 10)).due == londonTime(2025, 4, 15, 10))
        #expect(calendar.deadline(for: .laterReviewConference, from: londonTime(2025, 4, 15, 10)).due == londonTime(2025, 10, 15, 10))
        // A month from 30 November ends on the last day of February, not in March.
        #expect(calendar.dueDate(for: .months(3), from: londonTime(2025, 11, 30, 10)) == londonTime(2026, 2, 28, 10))
        #expect(calendar.dueDate(for: .calendarDays(2), from: londonTime(2025, 3, 29, 10)) == londonTime(2025, 3, 31, 10))
    }

    @Test func immediateRiskIsDueBeforeMidnightEvenAtWeekends() {
        let saturdayNight = londonTime(2025, 11, 8, 21)
        #expect(calendar.deadline(for: .strategyDiscussionImmediateRisk, from: saturdayNight).due == londonTime(2025, 11, 9, 0))
        #expect(calendar.deadline(for: .strategyDiscussion, from: saturdayNight).due == londonTime(2025, 11, 11, 9))
    }

    @Test func earlyInterventionFirstContactIsByCloseOfBusiness() {
        #expect(calendar.deadline(for: .earlyInterventionFirstContact, from: londonTime(2025, 11, 10, 11)).due == londonTime(2025, 11, 10, 17))
        #expect(calendar.deadline(for: .earlyInterventionFirstContact, from: londonTime(2025, 11, 10, 17, 30)).due == londonTime(2025, 11, 11, 17))
        #expect(calendar.deadline(for: .earlyInterventionFirstContact, from: londonTime(2025, 11, 8, 11)).due == londonTime(2025, 11, 10, 17))
    }
}

struct MissingEpisodeThresholdTests {
    let threshold = MissingEpisodeThreshold()

    @Test func highRiskAlwaysNeedsAStrategyMeeting() {
        #expect(threshold.requiresStrategyMeeting(isHighRisk: true, episodeStartDays: []))
    }

    @Test func threeEpisodesWithinThirtyDays() {
        #expect(threshold.requiresStrategyMeeting(isHighRisk: false, episodeStartDays: [testDay(2025, 6, 30), testDay(2025, 6, 1), testDay(2025, 6, 15)]))
        #expect(!threshold.requiresStrategyMeeting(isHighRisk: false, episodeStartDays: [testDay(2025, 6, 1), testDay(2025, 6, 15), testDay(2025, 7, 1)]))
        #expect(!threshold.requiresStrategyMeeting(isHighRisk: false, episodeStartDays: [testDay(2025, 6, 1), testDay(2025, 6, 15)]))
        // A qualifying window later in the history still counts.
        #expect(threshold.requiresStrategyMeeting(isHighRisk: false, episodeStartDays: [
            testDay(2025, 1, 1), testDay(2025, 3, 1), testDay(2025, 5, 1), testDay(2025, 5, 2), testDay(2025, 5, 3),
        ]))
        // Two episodes on one day are still two episodes.
        #expect(threshold.requiresStrategyMeeting(isHighRisk: false, episodeStartDays: [testDay(2025, 5, 1), testDay(2025, 5, 1), testDay(2025, 5, 2)]))
    }

    @Test func thresholdIsConfigurable() {
        let stricter = MissingEpisodeThreshold(episodes: 2, withinDays: 7, highRiskAlwaysTriggers: true)
        #expect(stricter.requiresStrategyMeeting(isHighRisk: false, episodeStartDays: [testDay(2025, 5, 1), testDay(2025, 5, 7)]))
        #expect(!stricter.requiresStrategyMeeting(isHighRisk: false, episodeStartDays: [testDay(2025, 5, 1), testDay(2025, 5, 8)]))
    }
}
