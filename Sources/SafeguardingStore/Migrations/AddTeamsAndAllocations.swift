import FluentKit
import SQLKit

/// Teams, who works in each, and the allocation of children's cases to a team and a
/// worker (issue 17, item 5), in typed columns the caseloads and the inspection lists
/// count. A child has at most one allocation standing, which the database holds too.
struct AddTeamsAndAllocations: AsyncMigration {
    var name: String { "2026-12-07-02-add-teams-and-allocations" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("teams")
            .id()
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("name", .string, .required)
            .field("welsh_name", .string, .required)
            .create()
        try await database.schema("team_members")
            .field("user_id", .uuid, .identifier(auto: false), .references("users", "id"))
            .field("team_id", .uuid, .required, .references("teams", "id"))
            .create()
        try await database.schema("case_allocations")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("team_id", .uuid, .required, .references("teams", "id"))
            .field("worker_user_id", .uuid, .references("users", "id"))
            .field("allocated_at", .datetime, .required)
            .field("allocated_by_user_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("ended_at", .datetime)
            .create()
        try await sql.create(index: "team_members_team").on("team_members").column("team_id").run()
        try await sql.create(index: "case_allocations_child").on("case_allocations").column("child_id").run()
        try await sql.create(index: "case_allocations_team").on("case_allocations").column("team_id").column("ended_at").run()
        try await sql.create(index: "case_allocations_worker").on("case_allocations").column("worker_user_id").column("ended_at").run()
        // One allocation standing per child, whatever the application does.
        try await sql.raw("CREATE UNIQUE INDEX case_allocations_current ON case_allocations (child_id) WHERE ended_at IS NULL").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("case_allocations").delete()
        try await database.schema("team_members").delete()
        try await database.schema("teams").delete()
    }
}
