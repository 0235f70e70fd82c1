/// The categories of abuse under which a child is placed on the child protection
/// register in Wales.
public enum AbuseCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case physical
    case emotional
    case sexual
    case neglect
    case financial
}
