import FluentKit
import FluentSQL
import Safeguarding
import SQLKit

/// The queue orders referrals by risk as well as by deadline, and shows and counts what
/// each is about: both need columns the database can sort and count, not the form's JSON.
struct AddScreeningPriority: AsyncMigration {
    var name: String { "2026-12-03-01-add-screening-priority" }

    func prepare(on database: any Database) async throws {
        try await database.schema("referrals")
            .field("priority", .int, .required, .sql(.default(0)))
            .update()
        try await database.schema("referrals").field("concern_type", .string).update()
        // Referrals written before the columns existed get the values their forms give.
        for record in try await ReferralRecord.query(on: database).all() {
            let form = try record.referral().form
            record.priority = form.screeningPriority.rawValue
            record.concernType = form.concernType
            try await record.update(on: database)
        }
        // The queue reads each waiting status highest priority first, then by deadline,
        // straight from this index.
        let sql = database as! any SQLDatabase
        try await sql.raw("""
            CREATE INDEX referrals_queue_priority
            ON referrals (status, episode_lead_id, priority DESC, decision_due_at)
            """).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX referrals_queue_priority").run()
        try await database.schema("referrals").deleteField("concern_type").update()
        try await database.schema("referrals").deleteField("priority").update()
    }
}
