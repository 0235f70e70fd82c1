"""The content of Diogelu's SQLite database as one digest per table, for the fuzzing
pass's check that a refused request changes nothing (scripts/fuzz_hooks.py).

Left out: the audit trail (every read and refusal of a child's record is audited, by
design), sessions and sign-in attempts, and the delivery columns of notices, which the
sender updates on its own clock.
"""

import hashlib
import sqlite3

NOT_COMPARED_TABLES = {"audit_entries", "audit_head", "sessions", "sign_in_attempts", "_fluent_migrations"}
NOT_COMPARED_COLUMNS = {"notices": {"sent_at", "attempts", "last_error"}}


def digest(database):
    """A digest per compared table of everything in it, read in a consistent snapshot."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        connection.execute("BEGIN")
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        digests = {}
        for table in tables:
            if table in NOT_COMPARED_TABLES:
                continue
            skipped = NOT_COMPARED_COLUMNS.get(table, set())
            columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")') if row[1] not in skipped]
            selected = ", ".join(f'"{column}"' for column in columns)
            rows = sorted(repr(row) for row in connection.execute(f'SELECT {selected} FROM "{table}"'))
            digests[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return digests
    finally:
        connection.close()
