import Foundation

/// An organisation in the partnership: the council's children's services, a police
/// force, a health board, a school, the youth justice service, probation or a
/// commissioned third-sector partner.
///
/// Agency names are data, not catalogue text, so each agency carries its name in
/// both languages; the Welsh name falls back to the English one only when an
/// organisation has no Welsh name of its own.
public struct Agency: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var welshName: String
    public var kind: AgencyKind
    /// Whether the agency sits in the safeguarding hub (front door) and so screens referrals.
    public var isHubMember: Bool

    public init(id: UUID = UUID(), name: String, welshName: String, kind: AgencyKind, isHubMember: Bool) {
        self.id = id
        self.name = name
        self.welshName = welshName
        self.kind = kind
        self.isHubMember = isHubMember
    }

    /// The agency's name in the reader's language.
    public func name(in language: Language) -> String {
        language == .welsh && !welshName.isEmpty ? welshName : name
    }
}
