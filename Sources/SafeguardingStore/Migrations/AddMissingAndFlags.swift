import FluentKit
import SQLKit

/// Missing episodes with their return interviews (F18), the profile kept ready for a
/// child in care who goes missing, and the flags an agency raises by hand (F19).
///
/// What the measures count (when a child was reported, the grade, when located, when the
/// return interview was due and offered, whether it was held and by someone independent,
/// whether a strategy meeting became due) is in typed columns; what is only read whole
/// (what the child said, the push and pull factors) stays in the document.
struct AddMissingAndFlags: AsyncMigration {
    var name: String { "2026-12-04-02-add-missing-and-flags" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("missing_episodes")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("reported_at", .datetime, .required)
            .field("reporting_agency_id", .uuid, .required, .references("agencies", "id"))
            .field("risk_grade", .string, .required)
            .field("located_at", .datetime)
            .field("interview_due_at", .datetime)
            .field("interview_offered_at", .datetime)
            .field("interview_outcome", .string)
            .field("interview_independent", .bool)
            .field("strategy_meeting_due", .bool, .required)
            .field("document", .string, .required)
            .create()
        try await sql.create(index: "missing_episodes_child").on("missing_episodes").column("child_id").column("reported_at").run()
        try await sql.create(index: "missing_episodes_interview_due").on("missing_episodes").column("interview_due_at").run()
        try await sql.create(index: "missing_episodes_located").on("missing_episodes").column("located_at").run()
        try await database.schema("missing_profiles")
            .field("child_id", .uuid, .identifier(auto: false), .references("children", "id"))
            .field("updated_at", .datetime, .required)
            .field("document", .string, .required)
            .create()
        try await database.schema("raised_flags")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("kind", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("ended_on", .string)
            .field("document", .string, .required)
            .create()
        try await sql.create(index: "raised_flags_child").on("raised_flags").column("child_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["raised_flags", "missing_profiles", "missing_episodes"] {
            try await database.schema(table).delete()
        }
    }
}
