import FluentKit
import SQLKit

/// The places and peer groups a MACE meeting considers, and what it decided about each.
/// The day decided and the number of actions are typed, for the framework's counts of
/// contexts considered; the decision itself is read whole.
struct AddMACEContexts: AsyncMigration {
    var name: String { "2026-12-05-01-add-mace-contexts" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("mace_context_items")
            .field("meeting_id", .uuid, .required, .references("mace_meetings", "id"))
            .field("node_id", .uuid, .required, .references("network_nodes", "id"))
            .field("node_kind", .string, .required)
            .field("added_by_chair", .bool, .required)
            .field("decided_on", .string)
            .field("action_count", .int, .required)
            .field("document", .string)
            .compositeIdentifier(over: "meeting_id", "node_id")
            .create()
        // "The latest decision about this flat": read when the next meeting decides again.
        try await sql.create(index: "mace_context_items_node").on("mace_context_items").column("node_id").column("decided_on").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("mace_context_items").delete()
    }
}
