import FluentKit
import SQLKit

/// Contextual safeguarding (F20) and children in care: the adults, places and peer groups
/// of children's networks, the links between them and children, the safety checks of
/// places, and each child's periods of being looked after with their placements.
///
/// What is counted or filtered on is in typed columns: a node's kind and place kind (how
/// many B&Bs), a link's ends and their kinds (a network is walked from them), its words,
/// source agency, dates and reliability; a check's place, day and result; a period's
/// legal status and dates; a placement's type, place and dates. The document keeps the
/// whole value for reading back.
///
/// A link's ends carry no foreign key: an end is a child's record or a node, as its kind
/// column says.
struct AddNetworkAndCare: AsyncMigration {
    var name: String { "2026-12-04-03-add-network-and-care" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await database.schema("network_nodes")
            .id()
            .field("kind", .string, .required)
            .field("place_kind", .string)
            .field("name", .string, .required)
            .field("search_name", .string, .required)
            .field("postcode", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("recorded_on", .string, .required)
            .field("document", .string, .required)
            .create()
        try await sql.create(index: "network_nodes_name").on("network_nodes").column("search_name").run()
        try await sql.create(index: "network_nodes_postcode").on("network_nodes").column("postcode").run()
        try await database.schema("network_links")
            .id()
            .field("from_id", .uuid, .required)
            .field("from_kind", .string, .required)
            .field("to_id", .uuid, .required)
            .field("to_kind", .string, .required)
            .field("link_kind", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("recorded_on", .string, .required)
            .field("reliability", .string, .required)
            .field("ended_on", .string)
            .create()
        try await sql.create(index: "network_links_from").on("network_links").column("from_id").run()
        try await sql.create(index: "network_links_to").on("network_links").column("to_id").column("from_kind").run()
        try await database.schema("safety_checks")
            .id()
            .field("place_id", .uuid, .required, .references("network_nodes", "id"))
            .field("checked_on", .string, .required)
            .field("checked_by_id", .uuid, .required, .references("users", "id"))
            .field("result", .string, .required)
            .field("document", .string, .required)
            .create()
        try await sql.create(index: "safety_checks_place").on("safety_checks").column("place_id").column("checked_on").run()
        try await database.schema("looked_after_periods")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("legal_status", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("document", .string, .required)
            .create()
        try await sql.create(index: "looked_after_periods_child").on("looked_after_periods").column("child_id").run()
        try await sql.create(index: "looked_after_periods_start").on("looked_after_periods").column("starts_on").run()
        try await database.schema("placements")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("period_id", .uuid, .required, .references("looked_after_periods", "id"))
            .field("placement_type", .string, .required)
            .field("provider", .string, .required)
            .field("place_id", .uuid, .required, .references("network_nodes", "id"))
            .field("starts_on", .string, .required)
            .field("ends_on", .string)
            .field("document", .string, .required)
            .create()
        try await sql.create(index: "placements_child").on("placements").column("child_id").run()
        try await sql.create(index: "placements_place").on("placements").column("place_id").run()
        try await sql.create(index: "placements_type").on("placements").column("placement_type").column("ends_on").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["placements", "looked_after_periods", "safety_checks", "network_links", "network_nodes"] {
            try await database.schema(table).delete()
        }
    }
}
