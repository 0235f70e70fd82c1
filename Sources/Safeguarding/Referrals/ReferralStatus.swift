/// Where a referral stands. A draft belongs to its referrer and may be changed; once
/// submitted it is never edited in place, only added to.
public enum ReferralStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    /// In the hub queue, waiting for a decision against the one-working-day clock.
    case submitted
    /// A practitioner has proposed a decision that a hub manager must sign off.
    case awaitingSignOff = "awaiting_sign_off"
    case decided
}
