import FluentKit
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
            return try await database.transaction(body)
        }
        return try await database.withConnection { connection in
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

    /// Settings that belong to the database file rather than a connection: write-ahead
    /// logging lets readers carry on while a referral is being written.
    public func prepare() async throws {
        if isSQLite {
            try await sql.raw("PRAGMA journal_mode = WAL").run()
            try await sql.raw("PRAGMA busy_timeout = 10000").run()
        }
    }
}
