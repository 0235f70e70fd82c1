import SafeguardingStore
import Vapor

/// What configure sets up once and every request shares: the commit queues and the
/// agencies in memory. Reading one before configure has set it is a programming error.
extension Application {
    private struct AuditCommitQueueKey: StorageKey { typealias Value = AuditCommitQueue }
    private struct GroupCommitKey: StorageKey { typealias Value = GroupCommit }
    private struct AgencyDirectoryKey: StorageKey { typealias Value = AgencyDirectory }

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

    /// The agencies held in memory; see ``AgencyDirectory``. Set once in `configure`.
    var agencyDirectory: AgencyDirectory {
        get { required(AgencyDirectoryKey.self) }
        set { storage[AgencyDirectoryKey.self] = newValue }
    }

    private func required<Key: StorageKey>(_ key: Key.Type) -> Key.Value {
        guard let value = storage[key] else { preconditionFailure("configure sets \(Key.Value.self) before any request") }
        return value
    }
}
