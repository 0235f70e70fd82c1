import Foundation

/// An action agreed at a strategy discussion or meeting, or in a plan: what, who
/// owns it, and by when. Actions without an owner were how work fell between agencies.
public struct AgreedAction: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var description: String
    /// The named person or agency that will do it.
    public var owner: String
    public var dueAt: Date
    public var completedAt: Date?

    public init(id: UUID = UUID(), description: String, owner: String, dueAt: Date, completedAt: Date? = nil) {
        self.id = id
        self.description = description
        self.owner = owner
        self.dueAt = dueAt
        self.completedAt = completedAt
    }

    public var isOpen: Bool { completedAt == nil }

    /// Owner and description are both needed; blank text is not an answer.
    public var isComplete: Bool {
        !description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && !owner.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
