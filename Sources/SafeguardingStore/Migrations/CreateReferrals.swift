import FluentKit
import SQLKit

/// Referrals, what is added to them after submission, the hub's decisions, and the
/// outbox of notices to referrers.
///
/// The columns the hub queries and reports on (status, clock, child's identifiers,
/// outcome, quality) are typed columns with indexes; the narrative of the form, which
/// is read but never searched, is kept as the JSON document the referrer submitted.
struct CreateReferrals: AsyncMigration {
    var name: String { "2026-11-23-04-create-referrals" }

    func prepare(on database: any Database) async throws {
        try await database.schema("referrals")
            .id()
            .field("reference", .string)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("referrer_user_id", .uuid, .required, .references("users", "id"))
            .field("referrer_agency_id", .uuid, .required, .references("agencies", "id"))
            .field("child_id", .uuid, .references("children", "id"))
            .field("child_name", .string, .required)
            .field("child_search_name", .string, .required)
            .field("child_date_of_birth", .string)
            .field("child_nhs_number", .string)
            .field("form", .string, .required)
            .field("quality_score", .int, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .field("submitted_at", .datetime)
            .field("decision_due_at", .datetime)
            .field("decided_at", .datetime)
            .field("outcome", .string)
            .unique(on: "reference")
            .create()
        try await database.schema("referral_additions")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id"))
            .field("added_by", .uuid, .required, .references("users", "id"))
            .field("added_at", .datetime, .required)
            .field("text", .string, .required)
            .create()
        try await database.schema("hub_decisions")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id"))
            .field("outcome", .string, .required)
            .field("reasons", .string, .required)
            .field("decided_by", .uuid, .required, .references("users", "id"))
            .field("decided_at", .datetime, .required)
            .field("agencies_disagree", .bool, .required)
            .field("sign_off_reasons", .string, .required)
            .field("sign_off_manager", .uuid, .references("users", "id"))
            .field("sign_off_at", .datetime)
            .field("sign_off_agreed", .bool)
            .field("sign_off_reason", .string)
            .create()
        try await database.schema("notices")
            .id()
            .field("kind", .string, .required)
            .field("referral_id", .uuid, .references("referrals", "id"))
            .field("recipient_user_id", .uuid, .required, .references("users", "id"))
            .field("language", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("attempts", .int, .required)
            .field("last_error", .string)
            .create()
        try await database.schema("reference_counters")
            .field("year", .int, .identifier(auto: false))
            .field("next_number", .int, .required)
            .create()
        let sql = database as! any SQLDatabase
        let indexes: [(String, String, [String])] = [
            ("referrals_queue", "referrals", ["status", "decision_due_at"]),
            ("referrals_referrer", "referrals", ["referrer_user_id", "created_at"]),
            ("referrals_child", "referrals", ["child_id", "submitted_at"]),
            ("referrals_nhs_number", "referrals", ["child_nhs_number", "submitted_at"]),
            ("referrals_child_name", "referrals", ["child_search_name", "child_date_of_birth"]),
            ("referral_additions_referral", "referral_additions", ["referral_id"]),
            ("hub_decisions_referral", "hub_decisions", ["referral_id", "decided_at"]),
            ("notices_unsent", "notices", ["sent_at", "created_at"]),
        ]
        for (name, table, columns) in indexes {
            var builder = sql.create(index: name).on(table)
            for column in columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["reference_counters", "notices", "hub_decisions", "referral_additions", "referrals"] {
            try await database.schema(table).delete()
        }
    }
}
