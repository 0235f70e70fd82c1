import FluentKit
import Foundation
import SQLKit
import Safeguarding
@testable import SafeguardingStore
import Testing

/// The measures counted by the database agree with the domain's definition of each, on
/// the same records, and records made before the typed columns are carried over.
@Suite("Child protection measures from typed columns (issue 17, item 1)")
struct ChildProtectionMeasureColumnsTests {
    let calendar = WorkingCalendar()
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    func day(_ n: Double) -> Date { start.addingTimeInterval(n * 86_400) }

    /// Three children's meetings, conferences and core groups: held late and on time, not
    /// held, minutes late, on time and overdue, members who came, did not, or are unknown.
    func records(_ store: Store) async throws -> [UUID] {
        let (police, health, school) = (UUID(), UUID(), UUID())
        var children: [UUID] = []
        let repository = ChildProtectionRepository(store.database, calendar: calendar)
        for (index, given) in ["Cerys", "Dylan", "Ffion"].enumerated() {
            let child = Child(givenName: given, surname: "Jones", dateOfBirth: nil, sex: .female, address: "1 Stryd", postcode: "NP19 7BX")
            try await ChildRepository(store.database).create(child)
            children.append(child.id)
            let offset = Double(index * 20)
            try await repository.save(StrategyMeeting(childID: child.id, discussionID: UUID(), requestedAt: day(offset),
                dueAt: day(offset + 3), heldAt: day(offset + Double(2 + index * 2)), minutesDueAt: day(offset + 10),
                minutesCirculatedAt: index == 2 ? nil : day(offset + Double(8 + index * 4))))
            try await repository.save(StrategyMeeting(childID: child.id, discussionID: UUID(), requestedAt: day(offset + 1),
                dueAt: day(offset + 4)))
            try await repository.save(ChildProtectionConference(childID: child.id, kind: .initial, dueAt: day(offset + 15),
                heldAt: day(offset + Double(14 + index))))
            try await repository.save(ChildProtectionConference(childID: child.id, kind: .review, dueAt: day(offset + 100),
                heldAt: index == 0 ? day(offset + 99) : nil))
            let entry = RegisterEntry(childID: child.id, categories: [.neglect], registeredAt: day(offset + 15), registeredByConference: UUID())
            try await repository.save(entry)
            try await repository.save(CoreGroupMeeting(childID: child.id, registerEntryID: entry.id, dueAt: day(offset + 25),
                heldAt: day(offset + 24), members: [
                    CoreGroupMember(agencyID: police, role: .policeOfficer, name: "PC Hughes", attended: index != 1, reportSubmitted: true),
                    CoreGroupMember(agencyID: health, role: .generalPractitioner, name: "Dr Shah", attended: index == 2 ? nil : false),
                    CoreGroupMember(agencyID: school, role: .teacher, name: "Mrs Evans", attended: true, reportSubmitted: index == 0),
                ]))
            try await repository.save(CoreGroupMeeting(childID: child.id, registerEntryID: entry.id, dueAt: day(offset + 45),
                members: [CoreGroupMember(agencyID: health, role: .generalPractitioner, name: "Dr Shah")]))
        }
        return children
    }

    func expectAgreement(_ store: Store, _ children: [UUID]) async throws {
        let repository = ChildProtectionRepository(store.database, calendar: calendar)
        let cases = try await repository.records(of: children)
        let now = day(60)
        for period in [nil, day(0)..<day(30), day(20)..<day(45), day(200)..<day(300)] as [Range<Date>?] {
            let counted = try await repository.measures(during: period, now: now)
            let defined = ChildProtectionMeasures.compute(from: cases, now: now, calendar: calendar, during: period)
            #expect(counted == defined, "the database and the definition differ for \(String(describing: period))")
        }
        let all = try await repository.measures(during: nil, now: now)
        #expect(all.strategyMeetingsHeld == 3 && all.strategyMeetingsLate == 2 && all.minutesOverdue == 1)
        #expect(all.coreGroupAttendance.map(\.invited) == [3, 3, 3] && all.initialConferencesOnTime == 2)
    }

    @Test("every measure the database counts is the domain's, for the whole record and for periods")
    func agreesWithTheDefinition() async throws {
        try await withTestDatabase { store in
            try await expectAgreement(store, try await records(store))
        }
    }

    @Test("records written before the columns are carried over from their documents")
    func carriedOver() async throws {
        try await withTestDatabase { store in
            let children = try await records(store)
            // As the records stood before the migration: documents only.
            for (table, columns) in ChildProtectionMeasureColumns.added {
                for (column, _) in columns {
                    try await store.sql.update(table.rawValue).set(SQLIdentifier(column), to: SQLLiteral.null).run()
                }
            }
            try await store.sql.delete(from: CoreGroupAttendanceRows.table).run()
            let emptied = try await ChildProtectionRepository(store.database).measures(during: nil, now: day(60))
            #expect(emptied.strategyMeetingsHeld == 0 && emptied.coreGroupAttendance.isEmpty, "the columns were emptied")
            try await AddChildProtectionMeasureColumns.carryOver(on: store.database, calendar: calendar, pageSize: 2)
            try await expectAgreement(store, children)
        }
    }
}
