import FluentKit
import SQLKit

/// The hub's partnership work: requests for information to partner agencies and each
/// agency's duty rota, hub meetings, the early intervention team's cases and Operation
/// Encompass notifications to schools.
///
/// Columns the queues and measures filter or sort on are typed; the parts that are
/// only ever read whole with their row (an answer's narrative, a meeting's agenda and
/// attendance, a case's steps) are kept as JSON documents.
struct AddPartnershipWorking: AsyncMigration {
    var name: String { "2026-11-23-07-add-partnership-working" }

    func prepare(on database: any Database) async throws {
        try await database.schema("information_requests")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id"))
            .field("child_id", .uuid, .references("children", "id"))
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("requested_by", .uuid, .required, .references("users", "id"))
            .field("requested_at", .datetime, .required)
            .field("due_at", .datetime, .required)
            .field("question", .string, .required)
            .field("answered_at", .datetime)
            .field("answer", .string)
            .field("chase_count", .int, .required)
            .field("last_chased_at", .datetime)
            .unique(on: "referral_id", "agency_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "information_requests_inbox").on("information_requests")
            .column("agency_id").column("answered_at").column("due_at").run()
        try await sql.create(index: "information_requests_due").on("information_requests")
            .column("answered_at").column("due_at").run()
        try await database.schema("duty_rota")
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("weekday", .int, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .compositeIdentifier(over: "agency_id", "weekday", "user_id")
            .create()
        try await database.schema("absences")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("first_day", .string, .required)
            .field("last_day", .string, .required)
            .create()
        try await database.schema("hub_meetings")
            .id()
            .field("starts_at", .datetime, .required)
            .field("chair_id", .uuid, .required, .references("users", "id"))
            .field("items", .string, .required)
            .field("attendance", .string, .required)
            .field("closed_at", .datetime)
            .field("minutes_sent_at", .datetime)
            .create()
        try await sql.create(index: "hub_meetings_starts_at").on("hub_meetings").column("starts_at").run()
        try await database.schema("early_intervention_cases")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id"))
            .field("child_id", .uuid, .references("children", "id"))
            .field("opened_at", .datetime, .required)
            .field("state", .string, .required)
            .field("next_due_at", .datetime)
            .field("steps", .string, .required)
            .unique(on: "referral_id")
            .create()
        try await sql.create(index: "early_intervention_queue").on("early_intervention_cases")
            .column("state").column("next_due_at").run()
        try await database.schema("encompass_notifications")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id"))
            .field("child_id", .uuid, .references("children", "id"))
            .field("school_agency_id", .uuid, .references("agencies", "id"))
            .field("incident_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("due_by", .datetime, .required)
            .field("sent_at", .datetime)
            .field("seen_at", .datetime)
            .field("seen_by", .uuid, .references("users", "id"))
            .unique(on: "referral_id")
            .create()
        try await sql.create(index: "encompass_by_school").on("encompass_notifications")
            .column("school_agency_id").column("due_by").run()
    }

    func revert(on database: any Database) async throws {
        for table in [
            "encompass_notifications", "early_intervention_cases", "hub_meetings", "absences", "duty_rota",
            "information_requests",
        ] {
            try await database.schema(table).delete()
        }
    }
}
