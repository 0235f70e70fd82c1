/// What the referrer recorded about the family's consent to the referral.
///
/// Consent is not required to refer where a child may be at risk of harm, but the
/// hub must know whether the family is aware, because it shapes the first contact
/// and whether telling the family could itself put the child at risk. A recorded
/// refusal, or a reason for not seeking consent, is as useful as consent given;
/// silence is not.
public enum ReferralConsent: Sendable, Hashable, Codable {
    case notRecorded
    case given
    case refused
    /// Consent was not sought; the reason (e.g. seeking it would alert an alleged abuser).
    case notSought(reason: String)
}
