import FluentKit
import SQLKit

/// The child protection process (F11–F15): one table per statutory record, each with
/// the child, when it was opened, when its soonest open clock falls due (null once
/// nothing is left to do, so the team queue reads only open work), and the record.
///
/// The record itself is kept as a JSON document of the domain value: its lists
/// (invitees, shared information, actions, attendance, scores) are read and written
/// whole with their record and never queried across records except by the measures.
/// A care and support plan is unique per child in the database too.
struct AddChildProtection: AsyncMigration {
    var name: String { "2026-11-23-08-add-child-protection" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for table in ChildProtectionTable.allCases {
            try await database.schema(table.rawValue)
                .id()
                .field("child_id", .uuid, .required, .references("children", "id"))
                .field("opened_at", .datetime, .required)
                .field("next_due_at", .datetime)
                .field("details", .string, .required)
                .create()
            if table == .plans {
                try await sql.create(index: "\(table.rawValue)_child").unique().on(table.rawValue).column("child_id").run()
            } else {
                try await sql.create(index: "\(table.rawValue)_child").on(table.rawValue).column("child_id").run()
            }
            try await sql.create(index: "\(table.rawValue)_next_due").on(table.rawValue).column("next_due_at").run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ChildProtectionTable.allCases.reversed() {
            try await database.schema(table.rawValue).delete()
        }
    }
}
