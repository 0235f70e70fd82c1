import SafeguardingStore
import Vapor

extension Application {
    private struct AuditCommitQueueKey: StorageKey { typealias Value = AuditCommitQueue }

    /// Commits the audit entries of reads in groups; set once in `configure`.
    var auditCommitQueue: AuditCommitQueue {
        get {
            guard let queue = storage[AuditCommitQueueKey.self] else {
                preconditionFailure("configure sets the audit commit queue before any request")
            }
            return queue
        }
        set { storage[AuditCommitQueueKey.self] = newValue }
    }
}
