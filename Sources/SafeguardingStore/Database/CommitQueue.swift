/// Work that arrives while a group is being committed waits, and is committed with the
/// rest of its group in one transaction: one commit, one flush to disk, for many
/// requests. Each caller resumes with its own outcome once the group is committed.
///
/// This is the queue behind ``GroupCommit`` and ``AuditCommitQueue``: `commit` is given
/// a group, in order of arrival, and answers one outcome per item.
actor CommitQueue<Item: Sendable, Output: Sendable> {
    typealias Commit = @Sendable ([Item]) async throws -> [Result<Output, any Error>]

    private let largestGroup: Int
    private let commit: Commit
    /// Where the commits run (see ``EventLoopTaskExecutor``); they run at high priority,
    /// because every caller in the group is waiting on them.
    private let executor: (any TaskExecutor)?
    private var waiting: [(item: Item, caller: CheckedContinuation<Output, any Error>)] = []
    private var isCommitting = false

    init(largestGroup: Int, executor: (any TaskExecutor)? = nil, commit: @escaping Commit) {
        self.largestGroup = largestGroup
        self.executor = executor
        self.commit = commit
    }

    func submit(_ item: Item) async throws -> Output {
        try await withCheckedThrowingContinuation { caller in
            waiting.append((item, caller))
            if !isCommitting {
                isCommitting = true
                Task(executorPreference: executor, priority: .high) { await self.commitWaiting() }
            }
        }
    }

    private func commitWaiting() async {
        while !waiting.isEmpty {
            let group = Array(waiting.prefix(largestGroup))
            waiting.removeFirst(group.count)
            do {
                let outcomes = try await commit(group.map(\.item))
                for (member, outcome) in zip(group, outcomes) { member.caller.resume(with: outcome) }
            } catch {
                for member in group { member.caller.resume(throwing: error) }
            }
        }
        isCommitting = false
    }
}
