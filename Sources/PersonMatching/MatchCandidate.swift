/// A person already held in the index who may be the person being looked up.
public struct MatchCandidate: Sendable, Hashable {
    public var recordID: String
    /// Evidence in bits (log2 likelihood ratio) after family-rule penalties.
    public var matchWeight: Double
    public var probability: Double
    public var reasons: [MatchReason]
    public var comparison: PairComparison
    /// Whether the probability reaches the index's threshold.
    public var isLikelyMatch: Bool
}
