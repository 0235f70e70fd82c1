import Foundation
import Safeguarding
import Testing

@Suite("The team queue's clocks and the child protection measures")
struct ClocksAndMeasuresTests {
    let calendar = WorkingCalendar()
    let child = UUID()
    let health = UUID()
    let school = UUID()
    let now = londonTime(2027, 2, 10, 15)

    @Test("every open clock on a child's record is listed, soonest first; closed ones, and core groups of an ended registration, are not")
    func openClocks() {
        let discussion = StrategyDiscussion(
            childID: child, immediateRisk: false, requestedAt: now, dueAt: now.addingTimeInterval(5_000),
            actions: [AgreedAction(description: "Check school", owner: "Mr Pugh", dueAt: now.addingTimeInterval(100))])
        var meeting = StrategyMeeting(childID: child, discussionID: discussion.id, requestedAt: now, dueAt: now)
        meeting.heldAt = now
        meeting.minutesDueAt = now.addingTimeInterval(200)
        let enquiry = SectionFortySevenEnquiry(
            childID: child, strategyDiscussionID: discussion.id, startedAt: now,
            initialConferenceDueAt: now.addingTimeInterval(300), investigatingWorkers: ["Sian"])
        let entry = RegisterEntry(childID: child, categories: [.neglect], registeredAt: now, registeredByConference: UUID())
        let coreGroup = CoreGroupMeeting(childID: child, registerEntryID: entry.id, dueAt: now.addingTimeInterval(400))
        let orphan = CoreGroupMeeting(childID: child, registerEntryID: UUID(), dueAt: now)
        let review = ChildProtectionConference(childID: child, kind: .review, dueAt: now.addingTimeInterval(500))
        let assessment = Assessment(childID: child, startedAt: now, dueAt: now.addingTimeInterval(600))
        var done = Assessment(childID: child, startedAt: now, dueAt: now)
        done.completedAt = now
        let record = ChildProtectionCase(
            childID: child, discussions: [discussion], meetings: [meeting], enquiries: [enquiry], conferences: [review],
            register: [entry], coreGroups: [coreGroup, orphan], assessments: [assessment, done])
        #expect(record.openClocks.map(\.kind) == [
            .action, .minutes, .initialConference, .coreGroup, .reviewConference, .assessment, .strategyDiscussion,
        ])
    }

    @Test("an action marked done leaves the queue, wherever it was agreed, and only once")
    func actionsDone() throws {
        let fromMeeting = AgreedAction(description: "Medical", owner: "Dr Shah", dueAt: now)
        let fromPlan = AgreedAction(description: "Nursery place", owner: "Sian", dueAt: now)
        var record = ChildProtectionCase(
            childID: child,
            meetings: [StrategyMeeting(childID: child, discussionID: UUID(), requestedAt: now, dueAt: now, heldAt: now,
                actions: [fromMeeting])],
            plan: CareAndSupportPlan(childID: child, createdAt: now, actions: [fromPlan]))
        #expect(record.openClocks.filter { $0.kind == .action }.count == 2)
        guard case .meeting(let meeting) = try record.completeAction(fromMeeting.id, at: now) else {
            Issue.record("the meeting should have changed")
            return
        }
        #expect(meeting.actions[0].completedAt == now)
        guard case .plan = try record.completeAction(fromPlan.id, at: now) else {
            Issue.record("the plan should have changed")
            return
        }
        #expect(record.openClocks.filter { $0.kind == .action }.isEmpty)
        #expect(throws: ChildProtectionError.alreadyRecorded) { try record.completeAction(fromPlan.id, at: now) }
        #expect(throws: ChildProtectionError.actionNotFound) { try record.completeAction(UUID(), at: now) }
    }

    @Test("an enquiry's conference clock is shown once, by the conference when it is scheduled")
    func conferenceClockOnce() {
        let enquiry = SectionFortySevenEnquiry(
            childID: child, strategyDiscussionID: UUID(), startedAt: now, initialConferenceDueAt: now,
            investigatingWorkers: ["Sian"])
        let conference = ConferenceRules.scheduleInitial(for: enquiry)
        let record = ChildProtectionCase(childID: child, enquiries: [enquiry], conferences: [conference])
        #expect(record.openClocks.map(\.subjectID) == [conference.id])
    }

    @Test("measures count late meetings and minutes, conference timeliness and core group attendance by agency")
    func measures() {
        var onTime = StrategyMeeting(childID: child, discussionID: UUID(), requestedAt: londonTime(2027, 2, 1, 10),
            dueAt: londonTime(2027, 2, 4, 10))
        onTime.heldAt = londonTime(2027, 2, 3, 10)
        onTime.minutesDueAt = londonTime(2027, 2, 4, 10)
        onTime.minutesCirculatedAt = londonTime(2027, 2, 4, 9)
        var late = onTime
        late.id = UUID()
        late.heldAt = londonTime(2027, 2, 8, 10)
        late.minutesDueAt = londonTime(2027, 2, 9, 10)
        late.minutesCirculatedAt = londonTime(2027, 2, 9, 11)
        var unsent = onTime
        unsent.id = UUID()
        unsent.minutesCirculatedAt = nil
        var icpc = ChildProtectionConference(childID: child, kind: .initial, dueAt: londonTime(2027, 2, 5, 10))
        icpc.heldAt = londonTime(2027, 2, 5, 11)
        var coreGroup = CoreGroupMeeting(childID: child, registerEntryID: UUID(), dueAt: now)
        coreGroup.heldAt = now
        coreGroup.members = [
            CoreGroupMember(agencyID: health, role: .generalPractitioner, name: "Dr Shah", attended: false, reportSubmitted: true),
            CoreGroupMember(agencyID: school, role: .teacher, name: "Mr Pugh", attended: true),
            CoreGroupMember(agencyID: health, role: .healthVisitor, name: "Nia", attended: true),
        ]
        let notHeld = CoreGroupMeeting(childID: child, registerEntryID: UUID(), dueAt: now, members: coreGroup.members)
        let measures = ChildProtectionMeasures.compute(
            from: [ChildProtectionCase(childID: child, meetings: [onTime, late, unsent], conferences: [icpc],
                coreGroups: [coreGroup, notHeld])],
            now: now, calendar: calendar)
        #expect(measures.strategyMeetingsHeld == 3)
        #expect(measures.strategyMeetingsLate == 1)
        // 2, 5 and 2 working days from 1 February.
        #expect(measures.strategyMeetingMeanWorkingDays == 3)
        #expect(measures.minutesCirculated == 2)
        #expect(measures.minutesCirculatedLate == 1)
        #expect(measures.minutesOverdue == 1)
        #expect(measures.initialConferencesHeld == 1)
        #expect(measures.initialConferencesOnTime == 0)
        let byAgency = Dictionary(uniqueKeysWithValues: measures.coreGroupAttendance.map { ($0.agencyID, $0) })
        #expect(byAgency[health]?.invited == 2)
        #expect(byAgency[health]?.attended == 1)
        #expect(byAgency[health]?.reportsSubmitted == 1)
        #expect(byAgency[school]?.attended == 1)
        let gp = measures.coreGroupAttendanceByRole.first { $0.role == .generalPractitioner }
        #expect(gp?.invited == 1)
        #expect(gp?.attended == 0)

        // A period counts only what happened in it: from 6 to 9 February 09:30, the late
        // meeting (held 8 February) and nothing sent; minutes overdue stand as they are now.
        let week = ChildProtectionMeasures.compute(
            from: [ChildProtectionCase(childID: child, meetings: [onTime, late, unsent], conferences: [icpc],
                coreGroups: [coreGroup, notHeld])],
            now: now, calendar: calendar, during: londonTime(2027, 2, 6)..<londonTime(2027, 2, 9, 9, 30))
        #expect(week.strategyMeetingsHeld == 1)
        #expect(week.strategyMeetingsLate == 1)
        #expect(week.minutesCirculated == 0)
        #expect(week.minutesOverdue == 1)
        #expect(week.initialConferencesHeld == 0)
        #expect(week.coreGroupAttendance.isEmpty)
    }
}
