import Foundation

/// Someone in a child's family or household, and how they stand to the child.
public struct FamilyMember: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var name: String
    public var relationship: Relationship
    public var dateOfBirth: CalendarDay?
    public var holdsParentalResponsibility: Bool
    public var livesWithChild: Bool
    /// When the family member is also a child known to the partnership (a sibling), their record.
    public var childID: UUID?

    public init(
        id: UUID = UUID(), name: String, relationship: Relationship, dateOfBirth: CalendarDay? = nil,
        holdsParentalResponsibility: Bool = false, livesWithChild: Bool = true, childID: UUID? = nil
    ) {
        self.id = id
        self.name = name
        self.relationship = relationship
        self.dateOfBirth = dateOfBirth
        self.holdsParentalResponsibility = holdsParentalResponsibility
        self.livesWithChild = livesWithChild
        self.childID = childID
    }
}
