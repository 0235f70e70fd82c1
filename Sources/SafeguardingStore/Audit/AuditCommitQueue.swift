import FluentKit
import Safeguarding

/// Commits the audit entries of reads in groups.
///
/// Every opening of a child's record writes its audit entry before the record is shown
/// (F28). One transaction per reading made every reader queue for the single writer on
/// SQLite, and wait for a commit of its own on PostgreSQL; at the hub's busiest that
/// queue was most of the page's time. Readers who arrive while a group is being
/// committed are committed together as the next group, their entries appended in one
/// statement. Each reader still resumes only once its own entry is committed, so nothing
/// is shown unrecorded; if the group's transaction fails, every reader in it is told so.
public struct AuditCommitQueue: Sendable {
    /// Enough to empty the queue at once under any load a hub produces, small enough that
    /// one transaction stays short.
    public static let largestGroup = 64

    private let queue: CommitQueue<AuditEvent, Void>

    public init(store: Store) {
        queue = CommitQueue(largestGroup: Self.largestGroup, executor: EventLoopTaskExecutor(store.database.eventLoop)) { events in
            try await store.transaction { db in try await AuditTrail.append(events, on: db) }
            return events.map { _ in .success(()) }
        }
    }

    /// Returns once `event` is committed to the audit trail.
    public func append(_ event: AuditEvent) async throws {
        try await queue.submit(event)
    }
}
