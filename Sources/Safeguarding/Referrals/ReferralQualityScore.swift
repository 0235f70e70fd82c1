/// The completeness and specificity score of a referral, with what would raise it.
///
/// The total helps hub staff triage what to chase first; `improvements` is shown to
/// the referrer before they submit, most valuable first, so the quickest way to a
/// better referral is at the top of the list.
public struct ReferralQualityScore: Sendable, Hashable, Codable {
    /// 0–100.
    public let total: Int
    /// One result per rule, in `ReferralQualityRule.allCases` order.
    public let results: [ReferralQualityRuleResult]

    public init(results: [ReferralQualityRuleResult]) {
        self.results = results
        self.total = results.reduce(0) { $0 + $1.earnedPoints }
    }

    /// Keys of the rules not met, ordered by the points each would add; ties go to
    /// mandatory rules, then to the rule order.
    public var improvements: [String] {
        results.enumerated()
            .filter { !$0.element.met }
            .sorted { lhs, rhs in
                if lhs.element.points != rhs.element.points { return lhs.element.points > rhs.element.points }
                if lhs.element.isMandatory != rhs.element.isMandatory { return lhs.element.isMandatory }
                return lhs.offset < rhs.offset
            }
            .map(\.element.key)
    }

    /// Keys of mandatory rules not met. A referral with any should be returned to
    /// the referrer for completion, whatever its total.
    public var unmetMandatoryRules: [String] {
        results.filter { $0.isMandatory && !$0.met }.map(\.key)
    }

    public var meetsMandatoryRules: Bool { unmetMandatoryRules.isEmpty }

    public func result(for rule: ReferralQualityRule) -> ReferralQualityRuleResult? {
        results.first { $0.rule == rule }
    }
}
