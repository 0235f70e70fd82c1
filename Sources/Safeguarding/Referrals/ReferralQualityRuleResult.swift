/// How one referral fared against one quality rule.
///
/// Carries the points the rule is worth as well as whether it was met, so the
/// referral form can show "naming the parents would add 14 points".
public struct ReferralQualityRuleResult: Sendable, Hashable, Codable {
    public let rule: ReferralQualityRule
    public let met: Bool
    /// The referrer's agency makes this rule mandatory.
    public let isMandatory: Bool
    /// Relative weight before scaling to 100.
    public let weight: Int
    /// Points out of 100 the rule is worth.
    public let points: Int

    public init(rule: ReferralQualityRule, met: Bool, isMandatory: Bool, weight: Int, points: Int) {
        self.rule = rule
        self.met = met
        self.isMandatory = isMandatory
        self.weight = weight
        self.points = points
    }

    /// Stable localisation key of the rule.
    public var key: String { rule.key }

    /// Points this referral earned from the rule: all or nothing.
    public var earnedPoints: Int { met ? points : 0 }
}
