import Foundation
import Safeguarding
import Testing

@Suite("Section 47 enquiries, conferences, the register and core groups")
struct ProcessRulesTests {
    let calendar = WorkingCalendar()
    let child = UUID()
    let worker = UUID()
    let manager = UUID()
    let now = londonTime(2027, 2, 10, 15)

    var discussion: StrategyDiscussion {
        StrategyDiscussion(
            childID: child, immediateRisk: false, requestedAt: now, dueAt: now, heldAt: now, outcome: .section47Enquiry)
    }

    @Test("an enquiry starts only when the discussion or its meeting decided on one")
    func enquiryNeedsDecision() throws {
        var undecided = discussion
        undecided.outcome = .strategyMeeting
        #expect(throws: ChildProtectionError.enquiryNotDecided) {
            try SectionFortySevenRules.start(after: undecided, workers: ["Sian"], at: now, calendar: calendar)
        }
        var meeting = StrategyMeeting(childID: child, discussionID: undecided.id, requestedAt: now, dueAt: now)
        meeting.outcome = .section47Enquiry
        let enquiry = try SectionFortySevenRules.start(
            after: undecided, meeting: meeting, workers: ["Sian"], at: now, calendar: calendar)
        #expect(enquiry.strategyDiscussionID == undecided.id)
    }

    @Test("an enquiry names its investigating workers")
    func workersRequired() throws {
        #expect(throws: ChildProtectionError.investigatingWorkerMissing) {
            try SectionFortySevenRules.start(after: discussion, workers: [" "], at: now, calendar: calendar)
        }
        let enquiry = try SectionFortySevenRules.start(
            after: discussion, workers: ["Sian Morgan", " DC Lewis "], at: now, calendar: calendar)
        #expect(enquiry.investigatingWorkers == ["Sian Morgan", "DC Lewis"])
    }

    @Test("an outcome needs a manager's recorded oversight; a challenge alone is not oversight")
    func oversightBeforeOutcome() throws {
        var enquiry = try SectionFortySevenRules.start(after: discussion, workers: ["Sian Morgan"], at: now, calendar: calendar)
        #expect(throws: ChildProtectionError.oversightNoteMissing) {
            try SectionFortySevenRules.addOversight(enquiry, by: manager, kind: .challenge, note: "", at: now)
        }
        enquiry = try SectionFortySevenRules.addOversight(
            enquiry, by: manager, kind: .challenge, note: "Has the child been seen alone?", at: now)
        #expect(throws: ChildProtectionError.managerOversightMissing) {
            try SectionFortySevenRules.recordOutcome(enquiry, .initialConference, reasons: "", at: now)
        }
        enquiry = try SectionFortySevenRules.addOversight(enquiry, by: manager, kind: .oversight, note: "Agree ICPC", at: now)
        let closed = try SectionFortySevenRules.recordOutcome(enquiry, .initialConference, reasons: "Harm substantiated", at: now)
        #expect(closed.outcome == .initialConference)
        #expect(closed.oversight.map(\.kind) == [.challenge, .oversight])
        #expect(throws: ChildProtectionError.alreadyRecorded) {
            try SectionFortySevenRules.recordOutcome(closed, .noFurtherAction, reasons: "", at: now)
        }
    }

    func heldConference(_ kind: ConferenceKind = .initial, register: Bool, categories: [AbuseCategory]) throws
        -> ChildProtectionConference
    {
        try ConferenceRules.recordDecision(
            ChildProtectionConference(childID: child, kind: kind, dueAt: now), heldAt: now, register: register,
            categories: categories, reportsFrom: [], by: worker, now: now, calendar: calendar)
    }

    @Test("registration needs a category of abuse, and no registration has none")
    func registrationCategories() throws {
        #expect(throws: ChildProtectionError.categoryMissing) { try heldConference(register: true, categories: []) }
        #expect(throws: ChildProtectionError.categoryWithoutRegistration) {
            try heldConference(register: false, categories: [.neglect])
        }
        let held = try heldConference(register: true, categories: [.neglect, .emotional, .neglect])
        #expect(held.categories == [.emotional, .neglect])
        #expect(held.heldOnTime == true)
    }

    @Test("an initial conference that registers starts a register entry; a review that does not removes it")
    func registerLifecycle() throws {
        let initial = try heldConference(register: true, categories: [.physical])
        let entry = try #require(try ConferenceRules.applyToRegister(initial, entries: []))
        #expect(entry.isCurrent)
        #expect(entry.categories == [.physical])
        #expect(throws: ChildProtectionError.alreadyRegistered) {
            try ConferenceRules.applyToRegister(initial, entries: [entry])
        }
        let review = try heldConference(.review, register: false, categories: [])
        let ended = try #require(try ConferenceRules.applyToRegister(review, entries: [entry]))
        #expect(!ended.isCurrent)
        #expect(ended.deregisteredByConference == review.id)
        let again = try #require(try ConferenceRules.applyToRegister(initial, entries: [ended]))
        #expect(ConferenceRules.isReRegistration([ended, again]))
        #expect(!ConferenceRules.isReRegistration([entry]))
    }

    @Test("a review that keeps the child registered may change the category")
    func reviewChangesCategory() throws {
        let entry = RegisterEntry(childID: child, categories: [.physical], registeredAt: now, registeredByConference: UUID())
        let review = try heldConference(.review, register: true, categories: [.neglect])
        #expect(try ConferenceRules.applyToRegister(review, entries: [entry])?.categories == [.neglect])
    }

    @Test("the outline plan and the record each go out once, after the conference, and their clocks stop")
    func documentsSent() throws {
        let planned = ChildProtectionConference(childID: child, kind: .initial, dueAt: now)
        #expect(throws: ChildProtectionError.meetingNotHeld) { try ConferenceRules.documentSent(planned, .record, at: now) }
        let held = try heldConference(register: true, categories: [.neglect])
        #expect(ChildProtectionCase(childID: child, conferences: [held]).openClocks.map(\.kind) == [.outlinePlan, .conferenceRecord])
        let outline = try ConferenceRules.documentSent(held, .outlinePlan, at: now)
        #expect(throws: ChildProtectionError.alreadyRecorded) { try ConferenceRules.documentSent(outline, .outlinePlan, at: now) }
        let both = try ConferenceRules.documentSent(outline, .record, at: now)
        #expect(ChildProtectionCase(childID: child, conferences: [both]).openClocks.isEmpty)
    }

    @Test("a conference is recorded once, and not in advance")
    func conferenceOnce() throws {
        let held = try heldConference(register: false, categories: [])
        #expect(throws: ChildProtectionError.alreadyRecorded) {
            try ConferenceRules.recordDecision(
                held, heldAt: now, register: false, categories: [], reportsFrom: [], by: worker, now: now, calendar: calendar)
        }
        #expect(throws: ChildProtectionError.heldInTheFuture) {
            try ConferenceRules.recordDecision(
                ChildProtectionConference(childID: child, kind: .initial, dueAt: now), heldAt: now.addingTimeInterval(60),
                register: false, categories: [], reportsFrom: [], by: worker, now: now, calendar: calendar)
        }
    }

    @Test("core group members are suggested from involvements with their roles, the GP included")
    func coreGroupMembers() {
        let members = CoreGroupRules.suggestedMembers(from: [
            AgencyInvolvement(agencyID: UUID(), involvement: .generalPractice, namedWorker: "Dr Shah"),
            AgencyInvolvement(agencyID: UUID(), involvement: .school, namedWorker: "Mr Pugh"),
        ])
        #expect(members.map(\.role) == [.generalPractitioner, .teacher])
    }

    @Test("a core group records everyone's attendance, and must have invited a known GP")
    func coreGroupAttendance() throws {
        let meeting = CoreGroupMeeting(childID: child, registerEntryID: UUID(), dueAt: now)
        let teacher = CoreGroupMember(agencyID: UUID(), role: .teacher, name: "Mr Pugh", attended: true)
        let unknown = CoreGroupMember(agencyID: UUID(), role: .healthVisitor, name: "Nia")
        #expect(throws: ChildProtectionError.attendanceNotRecorded) {
            try CoreGroupRules.record(meeting, heldAt: now, members: [teacher, unknown], childHasGP: false, by: worker, now: now)
        }
        #expect(throws: ChildProtectionError.generalPractitionerNotInvited) {
            try CoreGroupRules.record(meeting, heldAt: now, members: [teacher], childHasGP: true, by: worker, now: now)
        }
        let gp = CoreGroupMember(agencyID: UUID(), role: .generalPractitioner, name: "Dr Shah", attended: false, reportSubmitted: true)
        let held = try CoreGroupRules.record(meeting, heldAt: now, members: [teacher, gp], childHasGP: true, by: worker, now: now)
        #expect(held.isHeld)
        let next = try #require(CoreGroupRules.scheduleNext(after: held, calendar: calendar))
        #expect(next.members.allSatisfy { $0.attended == nil && !$0.reportSubmitted })
        #expect(next.members.map(\.role) == [.teacher, .generalPractitioner])
    }
}
