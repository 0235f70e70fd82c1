import Foundation

/// A team of an agency that holds children's cases: a child protection team, the
/// safeguarding hub, an early help team. Each person works in at most one team, and a
/// child's case is allocated to a team and, within it, to a worker (issue 17, item 5).
public struct Team: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var agencyID: UUID
    public var name: String
    public var welshName: String

    public init(id: UUID = UUID(), agencyID: UUID, name: String, welshName: String) {
        self.id = id
        self.agencyID = agencyID
        self.name = name
        self.welshName = welshName
    }

    public func name(in language: Language) -> String {
        language == .welsh && !welshName.isEmpty ? welshName : name
    }
}
