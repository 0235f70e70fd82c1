import FluentKit
import SQLKit

/// Duplicate police notices about one incident point at the first notice of the episode.
struct AddNoticeEpisodes: AsyncMigration {
    var name: String { "2026-11-23-06-add-notice-episodes" }

    func prepare(on database: any Database) async throws {
        try await database.schema("referrals").field("episode_lead_id", .uuid).update()
        try await (database as! any SQLDatabase).create(index: "referrals_episode_lead").on("referrals")
            .column("episode_lead_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("referrals").deleteField("episode_lead_id").update()
    }
}
