import FluentKit
import SQLKit

/// Children, their families, the agencies involved with them, and who may open a
/// restricted record.
struct CreateChildren: AsyncMigration {
    var name: String { "2026-11-23-02-create-children" }

    func prepare(on database: any Database) async throws {
        try await database.schema("children")
            .id()
            .field("given_name", .string, .required)
            .field("middle_names", .string, .required)
            .field("surname", .string, .required)
            .field("known_as", .string, .required)
            .field("search_name", .string, .required)
            .field("date_of_birth", .string)
            .field("sex", .string, .required)
            .field("nhs_number", .string)
            .field("upn", .string)
            .field("police_reference", .string)
            .field("social_care_id", .string)
            .field("address", .string, .required)
            .field("postcode", .string, .required)
            .field("preferred_language", .string, .required)
            .field("ethnicity", .string, .required)
            .field("school", .string, .required)
            .field("is_restricted", .bool, .required)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .create()
        try await database.schema("family_members")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("name", .string, .required)
            .field("relationship", .string, .required)
            .field("date_of_birth", .string)
            .field("holds_parental_responsibility", .bool, .required)
            .field("lives_with_child", .bool, .required)
            .field("related_child_id", .uuid, .references("children", "id"))
            .create()
        try await database.schema("agency_involvements")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("involvement", .string, .required)
            .field("named_worker", .string, .required)
            .field("since", .string)
            .field("until", .string)
            .create()
        try await database.schema("access_grants")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("granted_by", .uuid, .required, .references("users", "id"))
            .field("granted_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .create()
        try await database.schema("break_glass_views")
            .id()
            .field("child_id", .uuid, .required, .references("children", "id"))
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("reason", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
        try await database.schema("alerts")
            .id()
            .field("kind", .string, .required)
            .field("child_id", .uuid, .references("children", "id"))
            .field("raised_by", .uuid, .required, .references("users", "id"))
            .field("reason", .string, .required)
            .field("raised_at", .datetime, .required)
            .field("acknowledged_by", .uuid, .references("users", "id"))
            .field("acknowledged_at", .datetime)
            .create()
        let sql = database as! any SQLDatabase
        let indexes: [(String, String, [String])] = [
            ("children_search_name", "children", ["search_name"]),
            ("children_nhs_number", "children", ["nhs_number"]),
            ("children_upn", "children", ["upn"]),
            ("children_date_of_birth", "children", ["date_of_birth"]),
            ("family_members_child", "family_members", ["child_id"]),
            ("agency_involvements_child", "agency_involvements", ["child_id"]),
            ("access_grants_child", "access_grants", ["child_id"]),
            ("break_glass_views_child", "break_glass_views", ["child_id", "user_id"]),
            ("alerts_raised_at", "alerts", ["raised_at"]),
        ]
        for (name, table, columns) in indexes {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["alerts", "break_glass_views", "access_grants", "agency_involvements", "family_members", "children"] {
            try await database.schema(table).delete()
        }
    }
}
