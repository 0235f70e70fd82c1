import FluentKit
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// The partnership's database as the rest of Diogelu sees it, with the one way to
/// write to it: a transaction, inside which the change and its audit entry are made
/// together or not at all.
public struct Store: Sendable {
    public let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public var sql: any SQLDatabase { database as! any SQLDatabase }

    public var isSQLite: Bool { sql.dialect.name == "sqlite" }

    /// Runs `body` in one transaction.
    ///
    /// On SQLite the transaction begins IMMEDIATE, taking the write lock before the
    /// first read: a deferred transaction that reads and then writes can fail with
    /// SQLITE_BUSY_SNAPSHOT when another connection committed in between, which would
    /// lose a submission. Each connection is given its settings before its first
    /// transaction (see ``SQLiteConnectionSettings``).
    ///
    /// BEGIN, COMMIT and ROLLBACK run even in a cancelled task. SQLite's async query path
    /// refuses work once its task is cancelled, and a ROLLBACK refused there handed the
    /// connection back to the pool inside an open transaction, holding the write lock for
    /// ever; so on SQLite they go through the driver's future path. PostgreSQL's driver
    /// runs statements whatever the task's cancellation (``ConnectionReturnTests`` checks
    /// both).
    @discardableResult
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite else {
            // PostgreSQL's driver runs a statement whatever the task's cancellation, so its
            // own async path serves; only SQLite's needs the future path below.
            return try await withConnection { connection in
                let sql = connection as! any SQLDatabase
                try await sql.raw("BEGIN").run()
                do {
                    let result = try await body(connection)
                    try await sql.raw("COMMIT").run()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
        return try await withConnection { connection in
            let sql = connection as! any SQLDatabase
            // Connection settings first, outside the gate: only BEGIN to COMMIT holds it.
            try await SQLiteConnectionSettings.shared.apply(to: connection)
            // Writers queue in the process rather than in SQLite's sleeping busy handler.
            // Transactions never nest, so a body never waits for the gate it holds.
            await SQLiteWriteGate.shared.enter()
            do {
                try await Self.finish("BEGIN IMMEDIATE", on: sql)
                do {
                    let result = try await body(connection)
                    try await Self.finish("COMMIT", on: sql)
                    await SQLiteWriteGate.shared.leave()
                    return result
                } catch {
                    try? await Self.finish("ROLLBACK", on: sql)
                    throw error
                }
            } catch {
                await SQLiteWriteGate.shared.leave()
                throw error
            }
        }
    }

    /// Runs one of a transaction's bounding statements through the driver's future path,
    /// which runs it whether or not the calling task has been cancelled.
    private static func finish(_ statement: String, on sql: any SQLDatabase) async throws {
        try await sql.execute(sql: SQLRaw(statement)) { _ in }.get()
    }

    /// Runs `body` with one connection from the pool, in the calling task, and returns
    /// only once the pool has the connection back.
    ///
    /// Fluent's own `withConnection` and `transaction` run their body in a new task,
    /// started from the event loop, which drops the caller's priority: the commit queues'
    /// transactions, which every submission waits on, then queued behind every other
    /// request's work at each round trip to the database.
    ///
    /// The connection goes back through the driver's own tasks, a few hops after the body
    /// ends. Returning before it was back let a caller shut the pool down with the
    /// connection still out: the pool then closed it on its return, by which time the
    /// thread pool SQLite closes connections on could be gone, and the connection was
    /// dropped unclosed (sqlite-nio's "not closed before deinitializing"). So every path
    /// (a result, a thrown or cancelled body) waits for the return, which the pool makes
    /// whatever the task's cancellation.
    public func withConnection<T: Sendable>(_ body: @Sendable (any Database) async throws -> T) async throws -> T {
        let release = database.eventLoop.makePromise(of: Void.self)
        let (connection, returned) = try await lease(until: release)
        let outcome: Result<T, any Error>
        do {
            outcome = .success(try await body(connection))
        } catch {
            outcome = .failure(error)
        }
        release.succeed(())
        // The lease's future only ever succeeds once the connection is handed over.
        try? await returned.get()
        return try outcome.get()
    }

    /// A connection from the pool, kept until `release` completes, and the future that
    /// completes once the pool has it back.
    private func lease(until release: EventLoopPromise<Void>) async throws -> (any Database, EventLoopFuture<Void>) {
        let handedOver = NIOLockedValueBox(false)
        let returned = NIOLockedValueBox<EventLoopFuture<Void>?>(nil)
        do {
            let connection = try await withCheckedThrowingContinuation { caller in
                let lease = database.withConnection { connection in
                    handedOver.withLockedValue { $0 = true }
                    caller.resume(returning: connection)
                    // The connection goes back to the pool when the body is done with it.
                    return release.futureResult
                }
                lease.whenFailure { error in
                    // Only a connection that could not be had is reported here: once handed
                    // over, the lease ends only by the body's own release, which never fails.
                    if !handedOver.withLockedValue({ $0 }) { caller.resume(throwing: error) }
                }
                returned.withLockedValue { $0 = lease }
            }
            // The continuation's closure has returned before the await does.
            return (connection, returned.withLockedValue { $0! })
        } catch {
            release.succeed(())
            throw error
        }
    }

    /// Settings that belong to the database file rather than a connection: write-ahead
    /// logging lets readers carry on while a referral is being written.
    public func prepare() async throws {
        if isSQLite {
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
        }
    }
}
