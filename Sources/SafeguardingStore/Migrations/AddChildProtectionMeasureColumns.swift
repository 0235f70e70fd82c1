import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Typed columns for what the performance framework and the returns count from the child
/// protection records (issue 17): until now the measures read every child's whole record
/// as JSON on each request. The columns are added, every record already held is carried
/// over from its document, and a table of core group attendance by agency and role is
/// filled from the held meetings, on SQLite and PostgreSQL alike.
struct AddChildProtectionMeasureColumns: AsyncMigration {
    var name: String { "2026-12-07-01-add-child-protection-measure-columns" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for (table, columns) in ChildProtectionMeasureColumns.added.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            // One column a statement: SQLite adds columns one at a time.
            for (column, type) in columns {
                try await database.schema(table.rawValue).field(.definition(name: .key(FieldKey(stringLiteral: column)), dataType: type.fluent,
                    constraints: [])).update()
            }
        }
        try await database.schema(CoreGroupAttendanceRows.table)
            .field("meeting_id", .uuid, .required, .references(ChildProtectionTable.coreGroups.rawValue, "id"))
            .field("member_id", .uuid, .required)
            .field("child_id", .uuid, .required)
            .field("held_at", .datetime, .required)
            .field("agency_id", .uuid, .required)
            .field("role", .string, .required)
            .field("attended", .bool)
            .field("report_submitted", .bool, .required)
            .compositeIdentifier(over: "meeting_id", "member_id")
            .create()
        for (table, column) in [(ChildProtectionTable.meetings.rawValue, "held_at"), (ChildProtectionTable.meetings.rawValue, "minutes_circulated_at"),
            (ChildProtectionTable.conferences.rawValue, "held_at"), (ChildProtectionTable.register.rawValue, "registered_at"),
            (ChildProtectionTable.assessments.rawValue, "completed_at"), (CoreGroupAttendanceRows.table, "held_at")]
        {
            try await sql.create(index: "\(table)_\(column)").on(table).column(column).run()
        }
        try await Self.carryOver(on: database, calendar: WorkingCalendar())
    }

    /// Fills the columns of every record from its document, a page at a time.
    static func carryOver(on database: any Database, calendar: WorkingCalendar, pageSize: Int = 1_000) async throws {
        let sql = database as! any SQLDatabase
        for table in ChildProtectionTable.allCases where ChildProtectionMeasureColumns.added[table] != nil {
            var after: UUID?
            while true {
                var query = sql.select().columns("id", "details").from(table.rawValue).orderBy("id").limit(pageSize)
                if let after { query = query.where("id", .greaterThan, after) }
                let rows = try await query.all()
                for row in rows {
                    let id = try row.decode(column: "id", as: UUID.self)
                    let details = Data(try row.decode(column: "details", as: String.self).utf8)
                    guard let columns = try ChildProtectionMeasureColumns.of(details, in: table, calendar: calendar) else { continue }
                    var update = sql.update(table.rawValue)
                    for (column, value) in columns.values { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
                    try await update.where("id", .equal, id).run()
                    if table == .coreGroups {
                        try await CoreGroupAttendanceRows.replace(
                            for: try JSONDecoder().decode(CoreGroupMeeting.self, from: details), on: sql)
                    }
                }
                guard rows.count == pageSize, let last = rows.last else { break }
                after = try last.decode(column: "id", as: UUID.self)
            }
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CoreGroupAttendanceRows.table).delete()
        for (table, columns) in ChildProtectionMeasureColumns.added {
            for (column, _) in columns { try await database.schema(table.rawValue).deleteField(FieldKey(stringLiteral: column)).update() }
        }
    }
}

extension ChildProtectionMeasureColumns.ColumnType {
    var fluent: DatabaseSchema.DataType {
        switch self {
        case .datetime: .datetime
        case .bool: .bool
        case .int: .int
        case .text: .string
        }
    }
}
