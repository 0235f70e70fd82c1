/// The language the child and family prefer to be spoken to in. Recorded so the hub can
/// make the Welsh "active offer" without the family having to ask.
public enum FamilyLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case welsh
    case english
    case bilingual
    case other
    case notKnown = "not_known"
}
