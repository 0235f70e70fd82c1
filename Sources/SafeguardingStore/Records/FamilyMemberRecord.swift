import FluentKit
import Foundation
import Safeguarding

// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class FamilyMemberRecord: Model, @unchecked Sendable {
    static let schema = "family_members"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "name") var name: String
    @Field(key: "relationship") var relationship: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @Field(key: "holds_parental_responsibility") var holdsParentalResponsibility: Bool
    @Field(key: "lives_with_child") var livesWithChild: Bool
    @OptionalField(key: "related_child_id") var relatedChildID: UUID?

    init() {}

    init(_ member: FamilyMember, of childID: UUID) {
        self.id = member.id
        self.childID = childID
        self.name = member.name
        self.relationship = member.relationship.rawValue
        self.dateOfBirth = member.dateOfBirth?.iso
        self.holdsParentalResponsibility = member.holdsParentalResponsibility
        self.livesWithChild = member.livesWithChild
        self.relatedChildID = member.childID
    }

    var member: FamilyMember {
        FamilyMember(
            id: id!, name: name, relationship: Relationship(rawValue: relationship) ?? .other,
            dateOfBirth: dateOfBirth.flatMap(CalendarDay.init(iso8601:)),
            holdsParentalResponsibility: holdsParentalResponsibility, livesWithChild: livesWithChild,
            childID: relatedChildID)
    }
}
