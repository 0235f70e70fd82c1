/// Compares two person records directly: the entry point for one-off checks
/// and for explaining an index or linkage decision to a practitioner.
public struct PersonMatcher: Sendable, Hashable {
    public var scorer: MatchScorer

    public init(scorer: MatchScorer = MatchScorer()) {
        self.scorer = scorer
    }

    /// Field-by-field comparison without scoring.
    public func compare(_ lhs: PersonRecord, _ rhs: PersonRecord) -> PairComparison {
        var pool = StringPool()
        let left = PreparedPerson(lhs, pool: &pool), right = PreparedPerson(rhs, pool: &pool)
        return PersonComparator(leftPool: pool, rightPool: pool).compare(left, right)
    }

    /// Comparison, score, decision and reasons for two records.
    public func assess(_ lhs: PersonRecord, _ rhs: PersonRecord) -> MatchAssessment {
        scorer.assess(compare(lhs, rhs))
    }
}
