import FluentSQLiteDriver
import Synchronization

/// Gives each pooled SQLite connection Diogelu's settings the first time it writes.
///
/// The settings last as long as the connection, so setting them in every transaction
/// cost two statements, each a trip to SQLite's thread and back, on every write. The
/// pool keeps its connections for the life of the server; a connection it replaces is
/// a new object and is given the settings afresh.
final class SQLiteConnectionSettings: Sendable {
    static let shared = SQLiteConnectionSettings()

    private struct Seen: Sendable {
        weak var connection: SQLiteConnection?
    }

    private let seen = Mutex<[ObjectIdentifier: Seen]>([:])

    /// A proper `busy_timeout` (the driver's own busy handler spins without pausing),
    /// and `synchronous=NORMAL`, which in WAL mode loses no committed transaction when
    /// the process crashes (see the README).
    func apply(to database: any Database) async throws {
        guard let sqlite = database as? any SQLiteDatabase else { return }
        let connection = try await sqlite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
        let id = ObjectIdentifier(connection)
        if seen.withLock({ $0[id]?.connection === connection }) { return }
        let sql = database as! any SQLDatabase
        try await sql.raw("PRAGMA busy_timeout = 10000").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        seen.withLock { seen in
            seen = seen.filter { $0.value.connection != nil }
            seen[id] = Seen(connection: connection)
        }
    }
}
