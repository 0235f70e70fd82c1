import FluentKit
import Safeguarding

/// Commits the audit entries of reads in groups.
///
/// Every opening of a child's record writes its audit entry before the record is shown
/// (F28). One transaction per reading made every reader queue for the single writer on
/// SQLite, and wait a commit of its own on PostgreSQL; at the hub's busiest that queue
/// was most of the page's time. Readers who arrive while a group is being committed wait
/// together and are committed as the next group, in one transaction. Each reader still
/// resumes only once its own entry is committed, so nothing is shown unrecorded; if the
/// group's transaction fails, every reader in it is told so and shown nothing.
public actor AuditCommitQueue {
    /// Enough to empty the queue at once under any load a hub produces, small enough that
    /// one transaction stays short.
    public static let largestGroup = 64

    private let store: Store
    private var waiting: [(event: AuditEvent, reader: CheckedContinuation<Void, any Error>)] = []
    private var isCommitting = false

    public init(store: Store) {
        self.store = store
    }

    /// Returns once `event` is committed to the audit trail.
    public func append(_ event: AuditEvent) async throws {
        try await withCheckedThrowingContinuation { reader in
            waiting.append((event, reader))
            if !isCommitting {
                isCommitting = true
                Task { await commitWaiting() }
            }
        }
    }

    private func commitWaiting() async {
        while !waiting.isEmpty {
            let group = Array(waiting.prefix(Self.largestGroup))
            waiting.removeFirst(group.count)
            do {
                let events = group.map(\.event)
                try await store.transaction { db in try await AuditTrail.append(events, on: db) }
                for member in group { member.reader.resume() }
            } catch {
                for member in group { member.reader.resume(throwing: error) }
            }
        }
        isCommitting = false
    }
}
