import FluentKit
import SQLKit

/// Multi-agency child exploitation meetings (F17). Who came for which agency is counted
/// by the performance framework, so attendance has its own rows; the rest is read whole.
struct AddMACEMeetings: AsyncMigration {
    var name: String { "2026-12-04-04-add-mace-meetings" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("mace_meetings")
            .id()
            .field("held_on", .string, .required)
            .field("chair_id", .uuid, .required, .references("users", "id"))
            .field("closed_at", .datetime)
            .field("document", .string, .required)
            .create()
        try await sql.create(index: "mace_meetings_day").on("mace_meetings").column("held_on").run()
        try await database.schema("mace_attendance")
            .field("meeting_id", .uuid, .required, .references("mace_meetings", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("present", .bool, .required)
            .compositeIdentifier(over: "meeting_id", "agency_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mace_attendance").delete()
        try await database.schema("mace_meetings").delete()
    }
}
