/// The result of checking the audit trail from its first entry to its last.
public enum AuditChainReport: Sendable, Hashable {
    case intact(entries: Int64)
    /// The first entry whose stored hash or link does not match what its content gives.
    case broken(atSequence: Int64, problem: AuditChainProblem, entriesChecked: Int64)
}

/// How an entry fails verification.
public enum AuditChainProblem: String, Sendable, Hashable {
    /// The entry's content no longer gives the hash stored with it: it was edited.
    case contentAltered = "content_altered"
    /// The entry does not point at the hash of the entry before it: one was removed or replaced.
    case linkBroken = "link_broken"
    /// A sequence number is missing: an entry was deleted.
    case sequenceGap = "sequence_gap"
}
