import Foundation
import Safeguarding
import Testing

/// Every child protection clock, counted across Christmas 2026 (Friday 25 and Monday
/// 28 December are bank holidays, with 1 January 2027 a Friday) and Easter 2027
/// (Good Friday 26 March, Easter Monday 29 March).
@Suite("Child protection timescales in working days across bank holidays")
struct ChildProtectionTimescaleTests {
    let calendar = WorkingCalendar()
    let child = UUID()
    let worker = UUID()

    func discussion(decidedAt: Date, immediateRisk: Bool = false) -> StrategyDiscussion {
        StrategyRules.openDiscussion(
            childID: child, referralID: nil, immediateRisk: immediateRisk, decidedAt: decidedAt, involvements: [],
            calendar: calendar)
    }

    func invitees() -> [Invitee] { [Invitee(agencyID: UUID(), name: "PC Evans")] }

    @Test("a strategy discussion is due 1 working day after the decision: Christmas Eve to the Tuesday after")
    func strategyDiscussionAcrossChristmas() {
        #expect(discussion(decidedAt: londonTime(2026, 12, 24, 16)).dueAt == londonTime(2026, 12, 29, 16))
    }

    @Test("for immediate risk the strategy discussion is due by the end of the same day, holiday or not")
    func strategyDiscussionImmediateRisk() {
        #expect(discussion(decidedAt: londonTime(2026, 12, 24, 16), immediateRisk: true).dueAt == londonTime(2026, 12, 25))
    }

    @Test("a strategy meeting is due 3 working days after the discussion that convened it")
    func strategyMeetingAcrossChristmas() throws {
        let held = londonTime(2026, 12, 23, 11)
        let (_, meeting) = try StrategyRules.recordDiscussion(
            discussion(decidedAt: londonTime(2026, 12, 22, 15)), heldAt: held, invitees: invitees(), information: [],
            outcome: .strategyMeeting, actions: [], by: worker, now: held, calendar: calendar)
        #expect(meeting?.dueAt == londonTime(2026, 12, 30, 11))
        #expect(meeting?.requestedAt == held)
    }

    @Test("minutes are due 1 working day after the meeting")
    func minutesAcrossChristmas() throws {
        let held = londonTime(2026, 12, 24, 14)
        let meeting = StrategyMeeting(childID: child, discussionID: UUID(), requestedAt: held, dueAt: held)
        let recorded = try StrategyRules.recordMeeting(
            meeting, heldAt: held, invitees: invitees(), information: [], outcome: .section47Enquiry, actions: [],
            by: worker, now: held, calendar: calendar)
        #expect(recorded.minutesDueAt == londonTime(2026, 12, 29, 14))
    }

    @Test("the initial conference is due 15 working days from the strategy discussion, not from the enquiry")
    func initialConferenceFromDiscussion() throws {
        var held = discussion(decidedAt: londonTime(2026, 12, 4, 9))
        held.heldAt = londonTime(2026, 12, 7, 10)
        held.outcome = .section47Enquiry
        let enquiry = try SectionFortySevenRules.start(
            after: held, workers: ["Sian Morgan"], at: londonTime(2026, 12, 10, 9), calendar: calendar)
        #expect(enquiry.initialConferenceDueAt == londonTime(2026, 12, 30, 10))
        #expect(ConferenceRules.scheduleInitial(for: enquiry).dueAt == londonTime(2026, 12, 30, 10))
    }

    @Test("an assessment is due 42 working days from its start, across Easter")
    func assessmentAcrossEaster() {
        #expect(AssessmentRules.start(childID: child, at: londonTime(2027, 3, 1, 10), calendar: calendar).dueAt
            == londonTime(2027, 4, 30, 10))
    }

    @Test("after a conference the outline plan is due in 5 working days and the record in 20")
    func conferenceRecordAndOutlinePlan() throws {
        let held = londonTime(2026, 12, 14, 10)
        let conference = ChildProtectionConference(childID: child, kind: .initial, dueAt: held)
        let recorded = try ConferenceRules.recordDecision(
            conference, heldAt: held, register: true, categories: [.neglect], reportsFrom: [], by: worker, now: held,
            calendar: calendar)
        #expect(recorded.outlinePlanDueAt == londonTime(2026, 12, 21, 10))
        #expect(recorded.recordDueAt == londonTime(2027, 1, 14, 10))
    }

    @Test("the first core group is due 10 working days after the ICPC, over Christmas and New Year")
    func firstCoreGroup() throws {
        let held = londonTime(2026, 12, 22, 13)
        var conference = ChildProtectionConference(childID: child, kind: .initial, dueAt: held)
        conference.heldAt = held
        let entry = RegisterEntry(childID: child, categories: [.emotional], registeredAt: held, registeredByConference: conference.id)
        let first = CoreGroupRules.scheduleFirst(after: conference, entry: entry, involvements: [], calendar: calendar)
        #expect(first?.dueAt == londonTime(2027, 1, 8, 13))
    }

    @Test("later core groups are at most 6 weeks apart")
    func laterCoreGroup() {
        var meeting = CoreGroupMeeting(childID: child, registerEntryID: UUID(), dueAt: londonTime(2027, 1, 8, 13))
        meeting.heldAt = londonTime(2027, 1, 8, 13)
        #expect(CoreGroupRules.scheduleNext(after: meeting, calendar: calendar)?.dueAt == londonTime(2027, 2, 19, 13))
    }

    @Test("the first review is 3 months after the ICPC, later reviews 6 months after the last")
    func reviewConferences() {
        var initial = ChildProtectionConference(childID: child, kind: .initial, dueAt: londonTime(2026, 12, 22, 13))
        initial.heldAt = londonTime(2026, 12, 22, 13)
        var first = ConferenceRules.scheduleReview(after: initial, calendar: calendar)
        #expect(first?.dueAt == londonTime(2027, 3, 22, 13))
        #expect(first?.kind == .review)
        first?.heldAt = londonTime(2027, 3, 22, 13)
        #expect(ConferenceRules.scheduleReview(after: first!, calendar: calendar)?.dueAt == londonTime(2027, 9, 22, 13))
    }

    @Test("a conference not yet held schedules no review")
    func noReviewBeforeHeld() {
        let initial = ChildProtectionConference(childID: child, kind: .initial, dueAt: londonTime(2026, 12, 22, 13))
        #expect(ConferenceRules.scheduleReview(after: initial, calendar: calendar) == nil)
    }

    @Test("a registered child is seen alone every 10 working days and at home every 4 weeks, from registration then each visit")
    func visitingClocks() throws {
        let registered = londonTime(2026, 12, 16, 11)
        let entry = VisitRules.startClocks(
            RegisterEntry(childID: child, categories: [.neglect], registeredAt: registered, registeredByConference: UUID()),
            calendar: calendar)
        // 10 working days from Wednesday 16 December, over Christmas and New Year's Day.
        #expect(entry.seenAloneDueAt == londonTime(2027, 1, 4, 11))
        #expect(entry.seenAtHomeDueAt == londonTime(2027, 1, 13, 11))
        let visit = ChildVisit(at: londonTime(2026, 12, 23, 15), seenAlone: true, atHome: false, by: worker)
        let visited = try VisitRules.record(visit, on: entry, now: londonTime(2026, 12, 23, 16), calendar: calendar)
        #expect(visited.seenAloneDueAt == londonTime(2027, 1, 11, 15))
        #expect(visited.seenAtHomeDueAt == entry.seenAtHomeDueAt, "a visit away from home does not restart the home clock")
        let clocks = ChildProtectionCase(childID: child, register: [visited]).openClocks.map(\.kind)
        #expect(clocks == [.childSeenAlone, .childSeenAtHome])
    }

    @Test("visits are recorded only while registered, and not in advance")
    func visitRules() {
        var ended = RegisterEntry(childID: child, categories: [.neglect], registeredAt: londonTime(2027, 1, 4), registeredByConference: UUID())
        let visit = ChildVisit(at: londonTime(2027, 1, 6), seenAlone: true, atHome: true, by: worker)
        #expect(throws: ChildProtectionError.heldInTheFuture) {
            try VisitRules.record(visit, on: ended, now: londonTime(2027, 1, 5), calendar: calendar)
        }
        ended.deregisteredAt = londonTime(2027, 1, 5)
        #expect(throws: ChildProtectionError.notRegistered) {
            try VisitRules.record(visit, on: ended, now: londonTime(2027, 1, 7), calendar: calendar)
        }
        #expect(ChildProtectionCase(childID: child, register: [ended]).openClocks.isEmpty)
    }

    @Test("a hub's own timescales are used: a 2-day strategy meeting")
    func configuredTimescale() throws {
        var timescales = Timescales()
        timescales.strategyMeeting = .workingDays(2)
        let local = WorkingCalendar(timescales: timescales)
        let held = londonTime(2026, 12, 23, 11)
        let (_, meeting) = try StrategyRules.recordDiscussion(
            StrategyDiscussion(childID: child, immediateRisk: false, requestedAt: held, dueAt: held), heldAt: held,
            invitees: invitees(), information: [], outcome: .strategyMeeting, actions: [], by: worker, now: held,
            calendar: local)
        #expect(meeting?.dueAt == londonTime(2026, 12, 29, 11))
    }
}
