import FluentKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SafeguardingStore

/// A thread pool of its own, started, and the databases on it, as each store test has:
/// shutting one test's pools down then cannot touch another's.
func testDatabases() -> (NIOThreadPool, Databases) {
    let threadPool = NIOThreadPool(numberOfThreads: 2)
    threadPool.start()
    return (threadPool, Databases(threadPool: threadPool, on: MultiThreadedEventLoopGroup.singleton))
}

/// Runs `body` against a freshly migrated database with no web server around it: an
/// SQLite file, or a new schema on the PostgreSQL server in `TEST_DATABASE_URL`.
func withTestDatabase(_ body: (Store) async throws -> Void) async throws {
    let logger = Logger(label: "store-tests")
    let (threadPool, databases) = testDatabases()
    let group = MultiThreadedEventLoopGroup.singleton
    let path = NSTemporaryDirectory() + "diogelu-store-\(UUID().uuidString).sqlite"
    var schema: String?
    let location: DatabaseLocation
    if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
        let name = "store_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        schema = name
        location = .postgres(url: url, schema: name)
    } else {
        location = .sqliteFile(path: path)
    }
    databases.use(try location.configurationFactory(), as: DatabaseID(string: "test"), isDefault: true)
    let database = databases.database(logger: logger, on: group.any())!
    let store = Store(database)
    var failure: (any Error)?
    // Every path, a database that cannot be reached included, shuts the pools down, so
    // a failure is reported as a failed test rather than a crash of the whole run.
    do {
        if let schema { try await store.sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run() }
        try await store.prepare()
        let migrations = Migrations()
        migrations.add(DiogeluMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: group.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
        try await body(store)
    } catch {
        failure = error
    }
    if let schema { try? await store.sql.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
    await databases.shutdownAsync()
    try? await threadPool.shutdownGracefully()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    if let failure { throw failure }
}
