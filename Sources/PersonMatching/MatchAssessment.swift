/// The matcher's view of one pair of records: evidence, score and decision.
public struct MatchAssessment: Sendable, Hashable {
    public var comparison: PairComparison
    /// Evidence in bits (log2 likelihood ratio) after family-rule penalties;
    /// positive favours "same person".
    public var matchWeight: Double
    /// Posterior probability of "same person" given the weights' prior.
    public var probability: Double
    /// Reasons in order of strength, for display after localisation.
    public var reasons: [MatchReason]
    /// Whether the probability reaches the scorer's threshold.
    public var isMatch: Bool
}
