import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLKit
import SafeguardingStore
import Testing

/// Every connection the store leases goes back to its pool, or is closed, on every path.
///
/// The suite once crashed on loaded machines with sqlite-nio's "SQLiteConnection was not
/// closed before deinitializing": `Store.withConnection` returned while the connection
/// was still on its way back to the pool, a test then shut the pool and its thread pool
/// down, and the connection, closed by the pool only on its late return, found no thread
/// to close on. These tests shut pools down the moment the store says it is done.
@Suite("Connections go back to the pool on every path")
struct ConnectionReturnTests {
    @Test("when withConnection returns, its connection is back in the pool: shutting the pool down at once closes it")
    func returnedBeforeAnswering() async throws {
        // Many rounds, each with a new pool: before the fix about one round in four found
        // the connection still out on a quiet machine (most, on a loaded one); sixty
        // rounds together do not pass by luck.
        for _ in 0..<60 {
            try await withBarePool { store, leased, shutDownPool in
                let connection = try await store.withConnection { db in try await Self.underlyingConnection(of: db) }
                leased.keep(connection)
                await shutDownPool()
                #expect(connection.isClosed, "the pool closed only what it had back; this connection was still out")
            }
        }
    }

    @Test("a body that throws, and one whose task was cancelled, give their connections back before the caller hears")
    func failedAndCancelledBodiesReturn() async throws {
        try await withBarePool { store, leased, shutDownPool in
            struct Refused: Error {}
            let failed = LeasedConnections(keepingAlso: leased)
            await #expect(throws: Refused.self) {
                try await store.withConnection { db in
                    failed.keep(try await Self.underlyingConnection(of: db))
                    throw Refused()
                }
            }
            let cancelled = LeasedConnections(keepingAlso: leased)
            let task = Task {
                try await store.withConnection { db in
                    cancelled.keep(try await Self.underlyingConnection(of: db))
                    withUnsafeCurrentTask { $0?.cancel() }
                    try Task.checkCancellation()
                }
            }
            await #expect(throws: CancellationError.self) { try await task.value }
            await shutDownPool()
            #expect(failed.all.allSatisfy { $0.isClosed })
            #expect(cancelled.all.allSatisfy { $0.isClosed })
            #expect(failed.all.count == 1 && cancelled.all.count == 1)
        }
    }

    @Test("a transaction whose task is cancelled mid-body is rolled back, and its connection is left outside any transaction")
    func cancelledTransactionRollsBack() async throws {
        try await withTestDatabase { store in
            try await store.sql.raw("CREATE TABLE visit_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)").run()
            let task = Task {
                try await store.transaction { db in
                    try await (db as! any SQLDatabase).raw("INSERT INTO visit_note (id, text) VALUES (1, 'seen alone')").run()
                    withUnsafeCurrentTask { $0?.cancel() }
                    // A body gives up once its task is cancelled (SQLite's driver refuses the
                    // next statement by itself; PostgreSQL's does not).
                    try Task.checkCancellation()
                    try await (db as! any SQLDatabase).raw("INSERT INTO visit_note (id, text) VALUES (2, 'at home')").run()
                }
            }
            await #expect(throws: (any Error).self) { try await task.value }
            try await Self.writeNotes(3..<20, on: store)
            let rows = try await store.sql.raw("SELECT id FROM visit_note ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
            #expect(rows == Array(3..<20))
        }
    }

    @Test("a transaction whose task is cancelled after its body is committed whole")
    func cancelledAfterBodyCommits() async throws {
        try await withTestDatabase { store in
            try await store.sql.raw("CREATE TABLE visit_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)").run()
            let task = Task {
                try await store.transaction { db in
                    try await (db as! any SQLDatabase).raw("INSERT INTO visit_note (id, text) VALUES (1, 'seen alone')").run()
                    withUnsafeCurrentTask { $0?.cancel() }
                }
            }
            try await task.value
            try await Self.writeNotes(2..<12, on: store)
            let count = try await store.sql.raw("SELECT COUNT(*) AS n FROM visit_note").first()?.decode(column: "n", as: Int.self)
            #expect(count == 11)
        }
    }

    @Test("a lease refused because the pool has shut down is an error for the caller, not a crash")
    func leaseOnShutDownPool() async throws {
        try await withBarePool { store, _, shutDownPool in
            await shutDownPool()
            await #expect(throws: (any Error).self) {
                try await store.withConnection { db in try await (db as! any SQLDatabase).raw("SELECT 1 AS one").run() }
            }
            await #expect(throws: (any Error).self) {
                try await store.transaction { db in try await (db as! any SQLDatabase).raw("SELECT 1 AS one").run() }
            }
        }
    }

    /// One transaction per note, more than the pool has connections: a connection handed
    /// back inside its transaction would refuse BEGIN, and on SQLite hold the write lock.
    static func writeNotes(_ ids: Range<Int>, on store: Store) async throws {
        for id in ids {
            try await store.transaction { db in
                try await (db as! any SQLDatabase).raw("INSERT INTO visit_note (id, text) VALUES (\(bind: id), 'later')").run()
            }
        }
    }

    /// The driver's connection object behind a leased database, so a test can ask whether
    /// the pool closed it.
    static func underlyingConnection(of db: any Database) async throws -> any ClosableConnection {
        if let sqlite = db as? any SQLiteDatabase {
            return try await sqlite.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
        }
        let postgres = db as! any PostgresDatabase
        return try await postgres.withConnection { $0.eventLoop.makeSucceededFuture($0) }.get()
    }
}

/// A driver connection that says whether it is closed.
protocol ClosableConnection: AnyObject, Sendable {
    var isClosed: Bool { get }
}

extension SQLiteConnection: ClosableConnection {}
extension PostgresConnection: ClosableConnection {}

/// Connections a body leased, kept so the test can look at them after the pool is gone.
final class LeasedConnections: Sendable {
    private let kept = NIOLockedValueBox<[any ClosableConnection]>([])
    private let also: LeasedConnections?
    init(keepingAlso also: LeasedConnections? = nil) { self.also = also }
    func keep(_ connection: any ClosableConnection) {
        kept.withLockedValue { $0.append(connection) }
        also?.keep(connection)
    }
    var all: [any ClosableConnection] { kept.withLockedValue { $0 } }
}

/// Connections a failing test found unclosed, kept alive so that the test reports its
/// failure instead of the process crashing on sqlite-nio's deinit assertion.
private let unclosed = NIOLockedValueBox<[any ClosableConnection]>([])

/// A store over a pool of its own, with no migrations, and a way to shut that pool down
/// in the middle of the test: the same shutdown `withTestDatabase` and the server make.
func withBarePool(
    _ body: (Store, _ leased: LeasedConnections, _ shutDownPool: @Sendable () async -> Void) async throws -> Void
) async throws {
    let logger = Logger(label: "connection-return-tests")
    let (threadPool, databases) = testDatabases()
    let group = MultiThreadedEventLoopGroup.singleton
    let path = NSTemporaryDirectory() + "diogelu-pool-\(UUID().uuidString).sqlite"
    let location: DatabaseLocation
    if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
        location = .postgres(url: url, schema: nil)
    } else {
        location = .sqliteFile(path: path)
    }
    databases.use(try location.configurationFactory(), as: DatabaseID(string: "pool"), isDefault: true)
    let store = Store(databases.database(logger: logger, on: group.any())!)
    // The connections the test leased: the thread pool is stopped only once each is closed.
    let leased = LeasedConnections()
    let shutDown = NIOLockedValueBox(false)
    let shutDownPool: @Sendable () async -> Void = {
        guard !shutDown.withLockedValue({ let was = $0; $0 = true; return was }) else { return }
        await databases.shutdownAsync()
    }
    var failure: (any Error)?
    do { try await body(store, leased, shutDownPool) } catch { failure = error }
    await shutDownPool()
    // A connection the pool closes late is closed on this thread pool: give it the time.
    for _ in 0..<500 where !leased.all.allSatisfy({ $0.isClosed }) { try? await Task.sleep(for: .milliseconds(10)) }
    let open = leased.all.filter { !$0.isClosed }
    if !open.isEmpty { unclosed.withLockedValue { $0.append(contentsOf: open) } }
    try? await threadPool.shutdownGracefully()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    if let failure { throw failure }
}
