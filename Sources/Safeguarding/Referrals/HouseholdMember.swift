/// A parent, sibling or other member of the child's household, or a significant
/// person outside it, as the referrer lists them.
public struct HouseholdMember: Sendable, Hashable, Codable {
    public var name: String
    public var relationship: Relationship
    public var dateOfBirth: CalendarDay?
    public var holdsParentalResponsibility: Bool
    public var livesWithChild: Bool

    public init(
        name: String, relationship: Relationship, dateOfBirth: CalendarDay? = nil,
        holdsParentalResponsibility: Bool = false, livesWithChild: Bool = true
    ) {
        self.name = name
        self.relationship = relationship
        self.dateOfBirth = dateOfBirth
        self.holdsParentalResponsibility = holdsParentalResponsibility
        self.livesWithChild = livesWithChild
    }

    public var isParentOrCarer: Bool {
        [.mother, .father, .stepParent, .fosterCarer, .kinshipCarer].contains(relationship)
    }

    public var isSibling: Bool { relationship == .sibling || relationship == .halfSibling }
}
