import SafeguardingStore
import Vapor

extension Application {
    private struct AuditCommitQueueKey: StorageKey { typealias Value = AuditCommitQueue }
    private struct GroupCommitKey: StorageKey { typealias Value = GroupCommit }

    /// Commits the audit entries of reads in groups; set once in `configure`.
    var auditCommitQueue: AuditCommitQueue {
        get { required(AuditCommitQueueKey.self) }
        set { storage[AuditCommitQueueKey.self] = newValue }
    }

    /// Commits submissions in groups; set once in `configure`.
    var groupCommit: GroupCommit {
        get { required(GroupCommitKey.self) }
        set { storage[GroupCommitKey.self] = newValue }
    }

    private func required<Key: StorageKey>(_ key: Key.Type) -> Key.Value {
        guard let value = storage[key] else { preconditionFailure("configure sets \(Key.Value.self) before any request") }
        return value
    }
}
