import FluentKit
import SQLKit

/// Schools become a kind of agency of their own, apart from the council's education
/// service, so that Operation Encompass offers schools only. The education agencies
/// that take no part in screening are the schools; the one at the hub is the service.
/// An administrator can correct a kind on the agency's page.
struct SeparateSchools: AsyncMigration {
    var name: String { "2026-12-03-02-separate-schools" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.update("agencies").set("kind", to: "school")
            .where("kind", .equal, "education").where("is_hub_member", .equal, false).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.update("agencies").set("kind", to: "education").where("kind", .equal, "school").run()
    }
}
