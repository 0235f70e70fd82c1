import FluentKit
import SQLKit

/// The head row follows each new entry's hash by trigger, in the same statement as the
/// insert: an audited read or change makes one round trip to the database fewer, and
/// the head can never be left behind the entry written with it.
struct AddAuditHeadTrigger: AsyncMigration {
    var name: String { "2026-11-23-09-add-audit-head-trigger" }

    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_move_head AFTER INSERT ON audit_entries
                BEGIN UPDATE audit_head SET hash = NEW.hash WHERE id = 1; END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION audit_entries_move_head() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE audit_head SET hash = NEW.hash WHERE id = 1; RETURN NEW; END $$
                """
            ).run()
            try await sql.raw(
                """
                CREATE TRIGGER audit_entries_move_head AFTER INSERT ON audit_entries
                FOR EACH ROW EXECUTE FUNCTION audit_entries_move_head()
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        if sql.dialect.name == "sqlite" {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_move_head").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS audit_entries_move_head ON audit_entries").run()
            try await sql.raw("DROP FUNCTION IF EXISTS audit_entries_move_head()").run()
        }
    }
}
