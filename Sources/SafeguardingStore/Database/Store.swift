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
    @discardableResult
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard isSQLite else {
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
                try await sql.raw("BEGIN IMMEDIATE").run()
                do {
                    let result = try await body(connection)
                    try await sql.raw("COMMIT").run()
                    await SQLiteWriteGate.shared.leave()
                    return result
                } catch {
                    try? await sql.raw("ROLLBACK").run()
                    throw error
                }
            } catch {
                await SQLiteWriteGate.shared.leave()
                throw error
            }
        }
    }

    /// Runs `body` with one connection from the pool, in the calling task.
    ///
    /// Fluent's own `withConnection` and `transaction` run their body in a new task,
    /// started from the event loop, which drops the caller's priority: the commit queues'
    /// transactions, which every submission waits on, then queued behind every other
    /// request's work at each round trip to the database.
    public func withConnection<T: Sendable>(_ body: @Sendable (any Database) async throws -> T) async throws -> T {
        let release = database.eventLoop.makePromise(of: Void.self)
        let handedOver = NIOLockedValueBox(false)
        let connection: any Database
        do {
            connection = try await lease(release: release, handedOver: handedOver)
        } catch {
            release.succeed(())
            throw error
        }
        defer { release.succeed(()) }
        return try await body(connection)
    }

    private func lease(release: EventLoopPromise<Void>, handedOver: NIOLockedValueBox<Bool>) async throws -> any Database {
        try await withCheckedThrowingContinuation { caller in
            database.withConnection { connection in
                handedOver.withLockedValue { $0 = true }
                caller.resume(returning: connection)
                // The connection goes back to the pool when the body is done with it.
                return release.futureResult
            }.whenFailure { error in
                // Only a connection that could not be had is reported here: once handed
                // over, the lease ends only by the body's own release, which never fails.
                if !handedOver.withLockedValue({ $0 }) { caller.resume(throwing: error) }
            }
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
