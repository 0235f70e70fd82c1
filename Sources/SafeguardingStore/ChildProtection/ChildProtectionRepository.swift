import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Reads and writes the child protection records of children. Nothing here checks
/// access or writes the audit trail: the caller asks the ``AccessPolicy`` first and
/// writes the audit entry in the same transaction, as for the child's record.
public struct ChildProtectionRepository: Sendable {
    let database: any Database
    /// Counts the working days from a strategy discussion to its meeting, for the measures.
    let calendar: WorkingCalendar

    public init(_ database: any Database, calendar: WorkingCalendar = WorkingCalendar()) {
        self.database = database
        self.calendar = calendar
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    // MARK: Writing, one function per record

    public func save(_ discussion: StrategyDiscussion) async throws {
        try await upsert(.discussions, discussion, childID: discussion.childID, openedAt: discussion.requestedAt,
            nextDue: ChildProtectionCase(childID: discussion.childID, discussions: [discussion]).openClocks.first?.dueAt)
    }

    public func save(_ meeting: StrategyMeeting) async throws {
        try await upsert(.meetings, meeting, childID: meeting.childID, openedAt: meeting.requestedAt,
            nextDue: ChildProtectionCase(childID: meeting.childID, meetings: [meeting]).openClocks.first?.dueAt,
            columns: .of(meeting, calendar: calendar))
    }

    public func save(_ enquiry: SectionFortySevenEnquiry) async throws {
        try await upsert(.enquiries, enquiry, childID: enquiry.childID, openedAt: enquiry.startedAt,
            nextDue: enquiry.isOpen ? enquiry.initialConferenceDueAt : nil)
    }

    public func save(_ conference: ChildProtectionConference) async throws {
        try await upsert(.conferences, conference, childID: conference.childID, openedAt: conference.dueAt,
            nextDue: ChildProtectionCase(childID: conference.childID, conferences: [conference]).openClocks.first?.dueAt,
            columns: .of(conference))
    }

    public func save(_ entry: RegisterEntry) async throws {
        try await upsert(.register, entry, childID: entry.childID, openedAt: entry.registeredAt,
            nextDue: entry.isCurrent ? [entry.seenAloneDueAt, entry.seenAtHomeDueAt].compactMap { $0 }.min() : nil,
            columns: .of(entry))
    }

    public func save(_ meeting: CoreGroupMeeting) async throws {
        try await upsert(.coreGroups, meeting, childID: meeting.childID, openedAt: meeting.dueAt,
            nextDue: meeting.isHeld ? nil : meeting.dueAt, columns: .of(meeting))
        try await CoreGroupAttendanceRows.replace(for: meeting, on: sql)
    }

    public func save(_ assessment: Assessment) async throws {
        try await upsert(.assessments, assessment, childID: assessment.childID, openedAt: assessment.startedAt,
            nextDue: assessment.isComplete ? nil : assessment.dueAt, columns: .of(assessment))
    }

    public func save(_ plan: CareAndSupportPlan) async throws {
        try await upsert(.plans, plan, childID: plan.childID, openedAt: plan.createdAt,
            nextDue: ChildProtectionCase(childID: plan.childID, plan: plan).openClocks.first?.dueAt)
    }

    // MARK: Reading

    /// Everything in one child's child protection record.
    public func record(of childID: UUID) async throws -> ChildProtectionCase {
        try await records(of: [childID]).first ?? ChildProtectionCase(childID: childID)
    }

    /// Whether the child is on the child protection register now: one small read, because
    /// every view of the child's record shows it as a banner.
    public func isOnRegister(_ childID: UUID) async throws -> Bool {
        try await registeredSince(childID) != nil
    }

    /// When the child's current registration began, or `nil` when the child is not on
    /// the register: the flag at the top of every page about the child says since when.
    public func registeredSince(_ childID: UUID) async throws -> Date? {
        let rows = try await sql.select().column("details").from(ChildProtectionTable.register.rawValue)
            .where("child_id", .equal, childID).all()
        return try rows.map { row in
            try JSONDecoder().decode(RegisterEntry.self, from: Data(try row.decode(column: "details", as: String.self).utf8))
        }.filter(\.isCurrent).map(\.registeredAt).min()
    }

    /// The records of many children at once, in the order asked.
    public func records(of childIDs: [UUID]) async throws -> [ChildProtectionCase] {
        guard !childIDs.isEmpty else { return [] }
        var cases = Dictionary(uniqueKeysWithValues: childIDs.map { ($0, ChildProtectionCase(childID: $0)) })
        // One statement for the eight tables: the record and the master log open it for
        // every child, most of whom have none of it, and each table read on its own was a
        // round trip of its own.
        var query = SQLQueryString("")
        for (index, table) in ChildProtectionTable.allCases.enumerated() {
            if index > 0 { query.appendLiteral(" UNION ALL ") }
            query.appendLiteral("SELECT ")
            query.appendInterpolation(literal: table.rawValue)
            query.appendLiteral(" AS source, child_id, opened_at, details FROM ")
            query.appendInterpolation(ident: table.rawValue)
            query.appendLiteral(" WHERE child_id IN (")
            query.appendInterpolation(binds: childIDs)
            query.appendLiteral(")")
        }
        query.appendLiteral(" ORDER BY opened_at")
        for row in try await sql.raw(query).all() {
            guard let table = ChildProtectionTable(rawValue: try row.decode(column: "source", as: String.self)) else { continue }
            let childID = try row.decode(column: "child_id", as: UUID.self)
            let details = Data(try row.decode(column: "details", as: String.self).utf8)
            try Self.add(details, from: table, to: &cases[childID, default: ChildProtectionCase(childID: childID)])
        }
        return childIDs.compactMap { cases[$0] }
    }

    /// The children with any clock still running, for the team queue.
    public func childrenWithOpenClocks(limit: Int = 1_000) async throws -> [UUID] {
        var ids: Set<UUID> = []
        for table in ChildProtectionTable.allCases {
            let rows = try await sql.select().distinct().column("child_id").from(table.rawValue)
                .where("next_due_at", .isNot, SQLLiteral.null).limit(limit).all()
            for row in rows { ids.insert(try row.decode(column: "child_id", as: UUID.self)) }
        }
        return Array(ids)
    }

    /// Every child with any child protection record, for the measures.
    public func allChildren() async throws -> [UUID] {
        var ids: Set<UUID> = []
        for table in ChildProtectionTable.allCases {
            let rows = try await sql.select().distinct().column("child_id").from(table.rawValue).all()
            for row in rows { ids.insert(try row.decode(column: "child_id", as: UUID.self)) }
        }
        return Array(ids)
    }

    // MARK: Private

    static func add(_ details: Data, from table: ChildProtectionTable, to record: inout ChildProtectionCase) throws {
        let decoder = JSONDecoder()
        switch table {
        case .discussions: record.discussions.append(try decoder.decode(StrategyDiscussion.self, from: details))
        case .meetings: record.meetings.append(try decoder.decode(StrategyMeeting.self, from: details))
        case .enquiries: record.enquiries.append(try decoder.decode(SectionFortySevenEnquiry.self, from: details))
        case .conferences: record.conferences.append(try decoder.decode(ChildProtectionConference.self, from: details))
        case .register: record.register.append(try decoder.decode(RegisterEntry.self, from: details))
        case .coreGroups: record.coreGroups.append(try decoder.decode(CoreGroupMeeting.self, from: details))
        case .assessments: record.assessments.append(try decoder.decode(Assessment.self, from: details))
        case .plans: record.plan = try decoder.decode(CareAndSupportPlan.self, from: details)
        }
    }

    private func upsert<T: Encodable & Identifiable>(
        _ table: ChildProtectionTable, _ value: T, childID: UUID, openedAt: Date, nextDue: Date?,
        columns: ChildProtectionMeasureColumns = .init(values: [])
    ) async throws where T.ID == UUID {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let details = String(decoding: try encoder.encode(value), as: UTF8.self)
        let measured = columns.values.map(\.column)
        try await sql.insert(into: table.rawValue)
            .columns(["id", "child_id", "opened_at", "next_due_at", "details"] + measured)
            .values([SQLBind(value.id), SQLBind(childID), SQLBind(openedAt), SQLBind(nextDue), SQLBind(details)]
                + columns.values.map { SQLBind($0.value) })
            .onConflict(with: ["id"]) { conflict in
                var conflict = conflict.set(excludedValueOf: "next_due_at").set(excludedValueOf: "details")
                for column in measured { conflict = conflict.set(excludedValueOf: column) }
                return conflict
            }
            .run()
    }
}
