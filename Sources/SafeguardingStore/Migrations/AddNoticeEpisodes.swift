import FluentKit
import SQLKit

/// Duplicate police notices about one incident point at the first notice of the episode.
struct AddNoticeEpisodes: AsyncMigration {
    var name: String { "2026-11-23-06-add-notice-episodes" }

    func prepare(on database: any Database) async throws {
        try await database.schema("referrals").field("episode_lead_id", .uuid).update()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "referrals_episode_lead").on("referrals").column("episode_lead_id").run()
        // The queue asks for waiting referrals that lead their episode, by deadline: with
        // only the single-column index above, a planner without statistics can choose it
        // and walk every decided referral in the land.
        try await sql.create(index: "referrals_queue_leads").on("referrals")
            .column("status").column("episode_lead_id").column("decision_due_at").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("referrals").deleteField("episode_lead_id").update()
    }
}
