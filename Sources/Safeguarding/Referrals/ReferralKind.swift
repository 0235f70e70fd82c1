/// How a concern reached the hub: a Multi-Agency Referral Form from any professional,
/// or a Public Protection Notice from the police.
public enum ReferralKind: String, Sendable, Hashable, Codable, CaseIterable {
    case multiAgencyReferralForm = "marf"
    case policeProtectionNotice = "ppn"
}
