/// Why a hub manager must sign off a decision before it takes effect.
public enum SignOffReason: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Closing a re-referral with no further action.
    case noFurtherActionOnReReferral = "nfa_on_re_referral"
    /// Any decision on the third (or later) referral about a child within twelve months.
    case thirdReferralInTwelveMonths = "third_referral"
    /// The agencies in the hub do not agree on the decision.
    case agencyDisagreement = "agency_disagreement"

    public static func < (lhs: SignOffReason, rhs: SignOffReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The rules of the Wales Safeguarding Procedures as the hub applies them.
    public static func required(
        for outcome: DecisionOutcome, history: ReferralHistory, agenciesDisagree: Bool
    ) -> [SignOffReason] {
        var reasons: [SignOffReason] = []
        if outcome.isNoFurtherAction, history.isReReferral { reasons.append(.noFurtherActionOnReReferral) }
        if history.isThirdOrMoreInTwelveMonths { reasons.append(.thirdReferralInTwelveMonths) }
        if agenciesDisagree { reasons.append(.agencyDisagreement) }
        return reasons
    }
}
