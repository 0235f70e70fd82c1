/// Turns a field-by-field comparison into a score, a decision and reasons.
///
/// The score is the Fellegi–Sunter match weight (sum of log2 m/u over fields)
/// minus any family-rule penalty; the probability applies the weights' prior
/// match share. Both are reported so practitioners can see how strong the
/// evidence is, not just the decision.
public struct MatchScorer: Sendable, Hashable {
    public var weights: MatchWeights
    public var familyRules: FamilyRules
    /// Pairs at or above this probability are judged the same person.
    public var threshold: Double

    public init(weights: MatchWeights = .standard, familyRules: FamilyRules = .standard, threshold: Double = 0.5) {
        self.weights = weights
        self.familyRules = familyRules
        self.threshold = threshold
    }

    /// Scores a comparison and lists the reasons behind the score.
    public func assess(_ comparison: PairComparison) -> MatchAssessment {
        let penalty = familyRules.penalty(for: comparison, weights: weights)
        let weight = weights.matchWeight(of: comparison) - penalty.bits
        let probability = weights.probability(forMatchWeight: weight)
        var reasons = MatchReason.reasons(for: comparison)
        if let reason = penalty.reason { reasons.append(reason) }
        return MatchAssessment(comparison: comparison, matchWeight: weight, probability: probability,
                               reasons: reasons, isMatch: probability >= threshold)
    }

    /// Score only, for bulk linkage where reasons are not needed.
    func score(_ comparison: PairComparison) -> (weight: Double, probability: Double) {
        let weight = weights.matchWeight(of: comparison) - familyRules.penalty(for: comparison, weights: weights).bits
        return (weight, weights.probability(forMatchWeight: weight))
    }
}

extension MatchScorer {
    /// Score from a packed pattern, for bulk linkage where patterns repeat.
    func score(pattern: UInt64) -> (weight: Double, probability: Double) {
        score(PairComparison(pattern: pattern))
    }
}
