import FluentKit
import Foundation
import SQLKit

/// When the same child was last referred before each referral, kept on the referral: a
/// re-referral is then read from the referrals index alone. Worked out per referral at
/// query time, over a year of referrals at national scale, it was seven seconds of the
/// performance framework's nine.
struct AddPreviousReferral: AsyncMigration {
    var name: String { "2026-12-08-01-add-previous-referral" }

    func prepare(on database: any Database) async throws {
        try await database.schema("referrals").field("previous_referral_at", .datetime).update()
        let sql = database as! any SQLDatabase
        try await PreviousReferral.recount(childID: nil, on: sql)
        try await sql.raw("DROP INDEX referrals_submitted").run()
        try await sql.raw("CREATE INDEX referrals_submitted ON referrals (\(unsafeRaw: PreviousReferral.indexColumns))").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX referrals_submitted").run()
        try await sql.raw("""
            CREATE INDEX referrals_submitted ON referrals
            (submitted_at, decision_due_at, decided_at, referrer_agency_id, child_id, quality_score)
            """).run()
        try await database.schema("referrals").deleteField("previous_referral_at").update()
    }
}

/// The one statement that keeps `previous_referral_at` right: for each of a child's
/// referrals, the latest of the same child's referrals submitted before it. A referral
/// linked late (after the child's later ones) changes the later ones too, so the whole
/// child is counted again; a child has a handful of referrals.
public enum PreviousReferral {
    /// Every column the referral measures read, so a year of referrals is read from the
    /// index alone and never from the rows, whose forms are long.
    static let indexColumns =
        "submitted_at, decision_due_at, decided_at, referrer_agency_id, child_id, quality_score, previous_referral_at"

    /// One child's referrals, or (nil) every referral: after a migration or a bulk load.
    public static func recount(childID: UUID?, on sql: any SQLDatabase) async throws {
        // Only rows whose value changes are written: a row holds its referral's whole form.
        let previous = """
            (SELECT MAX(p.submitted_at) FROM referrals p
            WHERE p.child_id = referrals.child_id AND p.submitted_at < referrals.submitted_at)
            """
        var statement: SQLQueryString = """
            UPDATE referrals SET previous_referral_at = \(unsafeRaw: previous)
            WHERE child_id IS NOT NULL AND previous_referral_at IS DISTINCT FROM \(unsafeRaw: previous)
            """
        if let childID { statement.appendInterpolation(" AND child_id = \(bind: childID)" as SQLQueryString) }
        try await sql.raw(statement).run()
    }
}
