/// The kind of agency a referral comes from.
///
/// Quality expectations differ by agency: health professionals have access to the
/// family's registered details, so a health referral that omits parents and
/// siblings is treated as incomplete rather than merely weaker.
public enum ReferringAgency: String, Sendable, Hashable, Codable, CaseIterable {
    case health
    case education
    case police
    case socialServices
    case housing
    case probationOrYouthJustice
    case voluntarySector
    case memberOfPublic
    case other

    /// Stable localisation key, e.g. "referral.agency.health".
    public var key: String { "referral.agency." + rawValue }
}
