import FluentKit
import SQLKit

/// The append-only, hash-chained audit trail (F29).
///
/// Triggers refuse any UPDATE or DELETE on the entries, on both engines, so the
/// application cannot rewrite history even by mistake; the hash chain is what
/// catches someone who goes round the triggers with direct access to the database.
struct CreateAuditTrail: AsyncMigration {
    var name: String { "2026-11-23-03-create-audit-trail" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.create(table: "audit_entries")
            .column("sequence", type: .bigint, .primaryKey(autoIncrement: false))
            .column("occurred_at_ms", type: .bigint, .notNull)
            .column("actor_user_id", type: .text)
            .column("actor_name", type: .text, .notNull)
            .column("agency_id", type: .text)
            .column("roles", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("child_id", type: .text)
            .column("subject_id", type: .text)
            .column("reason", type: .text, .notNull)
            .column("detail", type: .text, .notNull)
            .column("request_id", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await sql.create(table: "audit_head")
            .column("id", type: .int, .primaryKey(autoIncrement: false))
            .column("sequence", type: .bigint, .notNull)
            .column("hash", type: .text, .notNull)
            .run()
        try await sql.raw("INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, \(bind: AuditTrail.genesis))").run()
        try await sql.create(index: "audit_entries_child").on("audit_entries").column("child_id").column("sequence").run()
        try await sql.create(index: "audit_entries_actor").on("audit_entries").column("actor_user_id").column("sequence")
            .run()
        try await sql.create(index: "audit_entries_time").on("audit_entries").column("occurred_at_ms").run()

        if sql.dialect.name == "sqlite" {
            for operation in ["UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER audit_entries_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_entries
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_entries_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_refuse_change()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_append_only ON audit_entries").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_refuse_change()").run()
        }
        try await sql.drop(table: "audit_head").run()
        try await sql.drop(table: "audit_entries").run()
    }
}
