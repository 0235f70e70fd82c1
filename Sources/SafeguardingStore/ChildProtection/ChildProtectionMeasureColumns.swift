import Foundation
import SQLKit
import Safeguarding

/// What the measures and returns count from each child protection record, kept in typed
/// columns beside the record's document so the database can count and average them:
/// when a meeting was asked for and held and whether late, when its minutes were due
/// and sent, a conference's kind and whether on time, a core group's attendance by
/// agency and role. One place says what each record contributes, for every write and
/// for the migration that carried the records made before the columns.
struct ChildProtectionMeasureColumns: Sendable {
    var values: [(column: String, value: any Encodable & Sendable)]

    static func of(_ meeting: StrategyMeeting, calendar: WorkingCalendar) -> Self {
        Self(values: [
            ("requested_at", meeting.requestedAt), ("due_at", meeting.dueAt), ("held_at", meeting.heldAt),
            ("held_late", meeting.heldLate),
            ("working_days_to_hold", meeting.heldAt.map { calendar.workingDays(from: meeting.requestedAt, to: $0) }),
            ("minutes_due_at", meeting.minutesDueAt), ("minutes_circulated_at", meeting.minutesCirculatedAt),
            ("minutes_late", meeting.minutesCirculatedLate),
        ])
    }

    static func of(_ conference: ChildProtectionConference) -> Self {
        Self(values: [
            ("conference_kind", conference.kind.rawValue), ("due_at", conference.dueAt), ("held_at", conference.heldAt),
            ("held_on_time", conference.heldOnTime),
        ])
    }

    static func of(_ meeting: CoreGroupMeeting) -> Self {
        Self(values: [
            ("due_at", meeting.dueAt), ("held_at", meeting.heldAt), ("held_on_time", meeting.heldAt.map { $0 <= meeting.dueAt }),
        ])
    }

    static func of(_ entry: RegisterEntry) -> Self {
        Self(values: [("registered_at", entry.registeredAt), ("deregistered_at", entry.deregisteredAt)])
    }

    static func of(_ assessment: Assessment) -> Self {
        Self(values: [
            ("started_at", assessment.startedAt), ("due_at", assessment.dueAt), ("completed_at", assessment.completedAt),
            ("completed_on_time", assessment.completedAt.map { $0 <= assessment.dueAt }),
        ])
    }

    /// The columns each table gains, with their types, in the order written.
    static let added: [ChildProtectionTable: [(String, ColumnType)]] = [
        .meetings: [("requested_at", .datetime), ("due_at", .datetime), ("held_at", .datetime), ("held_late", .bool),
            ("working_days_to_hold", .int), ("minutes_due_at", .datetime), ("minutes_circulated_at", .datetime),
            ("minutes_late", .bool)],
        .conferences: [("conference_kind", .text), ("due_at", .datetime), ("held_at", .datetime), ("held_on_time", .bool)],
        .coreGroups: [("due_at", .datetime), ("held_at", .datetime), ("held_on_time", .bool)],
        .register: [("registered_at", .datetime), ("deregistered_at", .datetime)],
        .assessments: [("started_at", .datetime), ("due_at", .datetime), ("completed_at", .datetime), ("completed_on_time", .bool)],
    ]

    enum ColumnType { case datetime, bool, int, text }

    /// The columns of a record's document, or nil for a table that measures nothing yet.
    static func of(_ details: Data, in table: ChildProtectionTable, calendar: WorkingCalendar) throws -> Self? {
        let decoder = JSONDecoder()
        switch table {
        case .meetings: return of(try decoder.decode(StrategyMeeting.self, from: details), calendar: calendar)
        case .conferences: return of(try decoder.decode(ChildProtectionConference.self, from: details))
        case .coreGroups: return of(try decoder.decode(CoreGroupMeeting.self, from: details))
        case .register: return of(try decoder.decode(RegisterEntry.self, from: details))
        case .assessments: return of(try decoder.decode(Assessment.self, from: details))
        case .discussions, .enquiries, .plans: return nil
        }
    }
}

/// One line per member of a held core group: who was invited, from which agency and in
/// which role, whether they came and sent a report. Written with the meeting.
enum CoreGroupAttendanceRows {
    static let table = "core_group_attendance"

    static func replace(for meeting: CoreGroupMeeting, on sql: any SQLDatabase) async throws {
        try await sql.delete(from: table).where("meeting_id", .equal, meeting.id).run()
        guard let heldAt = meeting.heldAt, !meeting.members.isEmpty else { return }
        var insert = sql.insert(into: table)
            .columns("meeting_id", "member_id", "child_id", "held_at", "agency_id", "role", "attended", "report_submitted")
        for member in meeting.members {
            insert = insert.values(
                SQLBind(meeting.id), SQLBind(member.id), SQLBind(meeting.childID), SQLBind(heldAt), SQLBind(member.agencyID),
                SQLBind(member.role.rawValue), SQLBind(member.attended), SQLBind(member.reportSubmitted))
        }
        try await insert.run()
    }
}
