import FluentKit
import SQLKit

/// The performance framework counts a period's events by the day they happened: each
/// measure's date column needs an index for the period to be a range read, not a scan of
/// every row the partnership ever wrote. Restricted children are left out of every
/// measure, so the few of them are found by an index of their own.
struct AddMeasureIndexes: AsyncMigration {
    var name: String { "2026-12-07-01-add-measure-indexes" }

    static let indexes: [(name: String, table: String, columns: String)] = [
        // Every column the referral measures read, so a year of referrals is read from
        // the index alone and never from the rows, whose forms are long.
        ("referrals_submitted", "referrals", "submitted_at, decision_due_at, decided_at, referrer_agency_id, child_id, quality_score"),
        ("information_requests_requested", "information_requests", "requested_at"),
        ("child_protection_conferences_due", "child_protection_conferences", "due_at"),
        ("core_group_meetings_held_at", "core_group_meetings", "held_at"),
        ("core_group_meetings_due", "core_group_meetings", "due_at"),
        ("child_protection_register_deregistered", "child_protection_register", "deregistered_at"),
        ("strategy_meetings_minutes_due", "strategy_meetings", "minutes_due_at"),
    ]

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: index.name) ON \(unsafeRaw: index.table) (\(unsafeRaw: index.columns))").run()
        }
        try await sql.raw("CREATE INDEX children_restricted ON children (id) WHERE is_restricted").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for index in Self.indexes + [("children_restricted", "", "")] {
            try await sql.raw("DROP INDEX \(unsafeRaw: index.name)").run()
        }
    }
}
