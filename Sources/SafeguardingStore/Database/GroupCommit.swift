import FluentKit
import SQLKit

/// Transactions that change a record and write its audit entry, committed in groups.
///
/// The audit trail is one hash chain, so every audited change takes the chain's head in
/// turn and keeps it until its commit is on disk. On PostgreSQL with every commit flushed
/// (as production runs), one flush per submission capped the whole partnership at the
/// disk's flushes per second. Here, submissions that arrive while a group is committing
/// are run one after another inside the next group's transaction, each in a savepoint of
/// its own, and the group is committed, and flushed, once.
///
/// Each caller's work is still all-or-nothing: one that fails is rolled back to its
/// savepoint and its caller gets its error, while the rest of the group commits. Nobody
/// is answered until the group's commit is on disk; if the commit fails, everyone in the
/// group is told, and nothing of theirs was written.
public struct GroupCommit: Sendable {
    public static let largestGroup = 32

    public typealias Work = @Sendable (any Database) async throws -> any Sendable

    private let queue: CommitQueue<Work, any Sendable>

    public init(store: Store) {
        queue = CommitQueue(largestGroup: Self.largestGroup, executor: EventLoopTaskExecutor(store.database.eventLoop)) { group in
            try await store.transaction { db in
                // One piece of work alone needs no savepoint: if it fails, so does the transaction.
                if group.count == 1 { return [.success(try await group[0](db))] }
                let sql = db as! any SQLDatabase
                var outcomes: [Result<any Sendable, any Error>] = []
                outcomes.reserveCapacity(group.count)
                for work in group {
                    try await sql.raw("SAVEPOINT grouped_work").run()
                    do {
                        let output = try await work(db)
                        try await sql.raw("RELEASE SAVEPOINT grouped_work").run()
                        outcomes.append(.success(output))
                    } catch {
                        try await sql.raw("ROLLBACK TO SAVEPOINT grouped_work").run()
                        try await sql.raw("RELEASE SAVEPOINT grouped_work").run()
                        outcomes.append(.failure(error))
                    }
                }
                return outcomes
            }
        }
    }

    /// Runs `body` in a transaction shared with whatever else arrives meanwhile, and
    /// returns once that transaction is committed.
    public func transaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        let output = try await queue.submit { db in try await body(db) }
        guard let result = output as? T else { preconditionFailure("grouped work answered \(type(of: output)), not \(T.self)") }
        return result
    }
}
