import Foundation
import Safeguarding
import Testing

@Suite("Strategy discussions and meetings")
struct StrategyRulesTests {
    let calendar = WorkingCalendar()
    let child = UUID()
    let worker = UUID()
    let health = UUID()
    let school = UUID()
    let now = londonTime(2027, 2, 10, 15)

    var open: StrategyDiscussion {
        StrategyDiscussion(childID: child, immediateRisk: false, requestedAt: now, dueAt: now)
    }

    @Test("invitees are suggested from the child's current agency involvements, once per worker")
    func suggestedInvitees() {
        let involvements = [
            AgencyInvolvement(agencyID: health, involvement: .generalPractice, namedWorker: "Dr Shah"),
            AgencyInvolvement(agencyID: health, involvement: .healthVisitor, namedWorker: "Dr Shah"),
            AgencyInvolvement(agencyID: school, involvement: .school, namedWorker: "Mr Pugh"),
            AgencyInvolvement(agencyID: UUID(), involvement: .familySupport, until: testDay(2026, 1, 1)),
        ]
        let invitees = StrategyRules.suggestedInvitees(from: involvements)
        #expect(invitees.map(\.name) == ["Dr Shah", "Mr Pugh"])
        #expect(invitees.allSatisfy { $0.suggested })
    }

    @Test("a discussion deciding on a Section 47 enquiry convenes no meeting")
    func noMeetingUnlessDecided() throws {
        let result = try StrategyRules.recordDiscussion(
            open, heldAt: now, invitees: [Invitee(agencyID: health, name: "Dr Shah")], information: [
                SharedInformation(agencyID: health, summary: "Bruising seen at clinic")
            ], outcome: .section47Enquiry, actions: [], by: worker, now: now, calendar: calendar)
        #expect(result.meeting == nil)
        #expect(result.discussion.outcome == .section47Enquiry)
        #expect(result.discussion.information.first?.summary == "Bruising seen at clinic")
    }

    @Test("the meeting invites everyone invited to the discussion")
    func meetingInvitesDiscussionInvitees() throws {
        let result = try StrategyRules.recordDiscussion(
            open, heldAt: now, invitees: [Invitee(agencyID: health, name: "Dr Shah"), Invitee(agencyID: school, name: "Mr Pugh")],
            information: [], outcome: .strategyMeeting, actions: [], by: worker, now: now, calendar: calendar)
        #expect(result.meeting?.invitees.map(\.name) == ["Dr Shah", "Mr Pugh"])
    }

    @Test("a discussion cannot be recorded as held in the future, without invitees, or twice")
    func discussionRules() throws {
        #expect(throws: ChildProtectionError.heldInTheFuture) {
            try StrategyRules.recordDiscussion(
                open, heldAt: now.addingTimeInterval(3_600), invitees: [Invitee(agencyID: health, name: "A")],
                information: [], outcome: .noFurtherAction, actions: [], by: worker, now: now, calendar: calendar)
        }
        #expect(throws: ChildProtectionError.noInvitees) {
            try StrategyRules.recordDiscussion(
                open, heldAt: now, invitees: [], information: [], outcome: .noFurtherAction, actions: [], by: worker,
                now: now, calendar: calendar)
        }
        let done = try StrategyRules.recordDiscussion(
            open, heldAt: now, invitees: [Invitee(agencyID: health, name: "A")], information: [],
            outcome: .noFurtherAction, actions: [], by: worker, now: now, calendar: calendar)
        #expect(throws: ChildProtectionError.alreadyRecorded) {
            try StrategyRules.recordDiscussion(
                done.discussion, heldAt: now, invitees: [Invitee(agencyID: health, name: "A")], information: [],
                outcome: .noFurtherAction, actions: [], by: worker, now: now, calendar: calendar)
        }
    }

    @Test("every action needs an owner")
    func actionsNeedOwners() {
        #expect(throws: ChildProtectionError.actionIncomplete) {
            try StrategyRules.recordDiscussion(
                open, heldAt: now, invitees: [Invitee(agencyID: health, name: "A")], information: [],
                outcome: .section47Enquiry, actions: [AgreedAction(description: "Visit the school", owner: " ", dueAt: now)],
                by: worker, now: now, calendar: calendar)
        }
    }

    @Test("a meeting cannot convene another meeting")
    func meetingCannotConveneMeeting() {
        let meeting = StrategyMeeting(childID: child, discussionID: UUID(), requestedAt: now, dueAt: now)
        #expect(throws: ChildProtectionError.meetingCannotConveneAMeeting) {
            try StrategyRules.recordMeeting(
                meeting, heldAt: now, invitees: [Invitee(agencyID: health, name: "A")], information: [],
                outcome: .strategyMeeting, actions: [], by: worker, now: now, calendar: calendar)
        }
    }

    @Test("minutes go to every invitee, including those who did not attend, and only after the meeting")
    func minutesToEveryInvitee() throws {
        let gp = Invitee(agencyID: health, name: "Dr Shah", attended: false)
        let teacher = Invitee(agencyID: school, name: "Mr Pugh", attended: true)
        let meeting = StrategyMeeting(childID: child, discussionID: UUID(), requestedAt: now, dueAt: now)
        #expect(throws: ChildProtectionError.meetingNotHeld) {
            try StrategyRules.circulateMinutes(meeting, to: [], at: now)
        }
        let held = try StrategyRules.recordMeeting(
            meeting, heldAt: now, invitees: [gp, teacher], information: [], outcome: .section47Enquiry, actions: [],
            by: worker, now: now, calendar: calendar)
        #expect(throws: ChildProtectionError.minutesNotSentToEveryInvitee) {
            try StrategyRules.circulateMinutes(held, to: [teacher.id], at: now)
        }
        let sent = try StrategyRules.circulateMinutes(held, to: [teacher.id, gp.id], at: now)
        #expect(sent.minutesSentTo == [gp.id, teacher.id])
        #expect(sent.minutesCirculatedLate == false)
    }

    @Test("minutes sent after their deadline count as late; a meeting after its deadline as held late")
    func lateness() throws {
        let meeting = StrategyMeeting(childID: child, discussionID: UUID(), requestedAt: now, dueAt: now.addingTimeInterval(-60))
        let invitee = Invitee(agencyID: health, name: "Dr Shah")
        let held = try StrategyRules.recordMeeting(
            meeting, heldAt: now, invitees: [invitee], information: [], outcome: .section47Enquiry, actions: [],
            by: worker, now: now, calendar: calendar)
        #expect(held.heldLate == true)
        let late = try StrategyRules.circulateMinutes(held, to: [invitee.id], at: held.minutesDueAt!.addingTimeInterval(1))
        #expect(late.minutesCirculatedLate == true)
    }
}
