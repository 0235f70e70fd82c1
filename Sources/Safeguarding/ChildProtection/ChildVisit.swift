import Foundation

/// A visit to a child on the child protection register: when, whether the child was
/// seen alone and whether at home. A registered child is seen alone at least every 10
/// working days and at home every 4 weeks; each visit restarts the clock it meets.
public struct ChildVisit: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var at: Date
    public var seenAlone: Bool
    public var atHome: Bool
    public var by: UUID
    public var note: String

    public init(id: UUID = UUID(), at: Date, seenAlone: Bool, atHome: Bool, by: UUID, note: String = "") {
        self.id = id
        self.at = at
        self.seenAlone = seenAlone
        self.atHome = atHome
        self.by = by
        self.note = note
    }
}
