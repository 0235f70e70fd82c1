import FluentKit
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore
import Testing

@Suite("Child protection records are stored whole, one table per record, one plan per child")
struct ChildProtectionRepositoryTests {
    let calendar = WorkingCalendar()
    let worker = UUID()

    func child(_ store: Store, _ given: String) async throws -> UUID {
        let child = Child(givenName: given, surname: "Jones", dateOfBirth: nil, sex: .female, address: "14 Heol Caerleon", postcode: "NP19 7BX")
        try await ChildRepository(store.database).create(child)
        return child.id
    }

    @Test("a child's whole record reads back as it was written, including lists and dates")
    func roundTrip() async throws {
        try await withTestDatabase { store in
            let cerys = try await child(store, "Cerys")
            let now = Date(timeIntervalSince1970: 1_795_000_000.125)
            let repository = ChildProtectionRepository(store.database)
            let discussion = StrategyDiscussion(
                childID: cerys, immediateRisk: true, requestedAt: now, dueAt: now, heldAt: now,
                invitees: [Invitee(agencyID: UUID(), name: "Dr Shah", suggested: true, attended: false)],
                information: [SharedInformation(agencyID: UUID(), summary: "Bruising")], outcome: .strategyMeeting,
                actions: [AgreedAction(description: "Visit", owner: "Sian", dueAt: now)])
            try await repository.save(discussion)
            var assessment = AssessmentRules.start(childID: cerys, at: now, calendar: calendar)
            assessment.missingReasons[.childsViews] = "Four months old"
            try await repository.save(assessment)
            let entry = RegisterEntry(childID: cerys, categories: [.neglect], registeredAt: now, registeredByConference: UUID())
            try await repository.save(entry)
            let record = try await repository.record(of: cerys)
            #expect(record.discussions == [discussion])
            #expect(record.assessments == [assessment])
            #expect(record.register == [entry])
            #expect(try await repository.isOnRegister(cerys))
        }
    }

    @Test("saving again replaces the record; nothing is duplicated")
    func upsert() async throws {
        try await withTestDatabase { store in
            let cerys = try await child(store, "Cerys")
            let repository = ChildProtectionRepository(store.database)
            var meeting = StrategyMeeting(childID: cerys, discussionID: UUID(), requestedAt: Date(), dueAt: Date())
            try await repository.save(meeting)
            meeting.heldAt = Date()
            meeting.outcome = .section47Enquiry
            try await repository.save(meeting)
            let record = try await repository.record(of: cerys)
            #expect(record.meetings.count == 1)
            #expect(record.meetings[0].outcome == .section47Enquiry)
        }
    }

    @Test("the database itself refuses a second plan for one child, and a sibling has their own")
    func onePlanPerChild() async throws {
        try await withTestDatabase { store in
            let cerys = try await child(store, "Cerys")
            let osian = try await child(store, "Osian")
            let repository = ChildProtectionRepository(store.database)
            try await repository.save(CareAndSupportPlan(childID: cerys, createdAt: Date()))
            try await repository.save(CareAndSupportPlan(childID: osian, createdAt: Date()))
            await #expect(throws: (any Error).self) {
                try await repository.save(CareAndSupportPlan(childID: cerys, createdAt: Date()))
            }
            #expect(try await repository.record(of: osian).plan?.childID == osian)
        }
    }

    @Test("only children with a clock running are listed for the team queue")
    func openClocks() async throws {
        try await withTestDatabase { store in
            let cerys = try await child(store, "Cerys")
            let osian = try await child(store, "Osian")
            let repository = ChildProtectionRepository(store.database)
            try await repository.save(AssessmentRules.start(childID: cerys, at: Date(), calendar: calendar))
            var done = AssessmentRules.start(childID: osian, at: Date(), calendar: calendar)
            done.completedAt = Date()
            try await repository.save(done)
            #expect(try await repository.childrenWithOpenClocks() == [cerys])
            #expect(Set(try await repository.allChildren()) == [cerys, osian])
            #expect(try await repository.records(of: [osian, cerys]).map(\.childID) == [osian, cerys])
        }
    }

    @Test("a change and its audit entry are written together or not at all")
    func transactional() async throws {
        try await withTestDatabase { store in
            let cerys = try await child(store, "Cerys")
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await store.transaction { db in
                    try await ChildProtectionRepository(db).save(
                        AssessmentRules.start(childID: cerys, at: Date(), calendar: calendar))
                    _ = try await AuditTrail.append(
                        AuditEvent(actorUserID: worker, actorName: "Ffion Davies", agencyID: nil, roles: [.socialWorker],
                            action: .assessmentStarted, childID: cerys), on: db)
                    throw Refused()
                }
            }
            #expect(try await ChildProtectionRepository(store.database).record(of: cerys).assessments.isEmpty)
        }
    }
}
