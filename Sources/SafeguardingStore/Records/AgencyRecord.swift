import FluentKit
import Foundation
import Safeguarding

// Fluent models are classes with property wrappers that Fluent itself synchronises
// only through its own query APIs; each instance is confined to one request, which is
// what makes the unchecked conformance safe here (the pattern FluentKit documents).
final class AgencyRecord: Model, @unchecked Sendable {
    static let schema = "agencies"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "welsh_name") var welshName: String
    @Field(key: "kind") var kind: String
    @Field(key: "is_hub_member") var isHubMember: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ agency: Agency) {
        self.id = agency.id
        self.name = agency.name
        self.welshName = agency.welshName
        self.kind = agency.kind.rawValue
        self.isHubMember = agency.isHubMember
    }

    var agency: Agency {
        Agency(
            id: id!, name: name, welshName: welshName, kind: AgencyKind(rawValue: kind) ?? .thirdSector,
            isHubMember: isHubMember)
    }
}
