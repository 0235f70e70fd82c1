import FluentKit
import Foundation
import Safeguarding

// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class AgencyInvolvementRecord: Model, @unchecked Sendable {
    static let schema = "agency_involvements"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "involvement") var involvement: String
    @Field(key: "named_worker") var namedWorker: String
    @OptionalField(key: "since") var since: String?
    @OptionalField(key: "until") var until: String?

    init() {}

    init(_ involvement: AgencyInvolvement, of childID: UUID) {
        self.id = involvement.id
        self.childID = childID
        self.agencyID = involvement.agencyID
        self.involvement = involvement.involvement.rawValue
        self.namedWorker = involvement.namedWorker
        self.since = involvement.since?.iso
        self.until = involvement.until?.iso
    }

    var agencyInvolvement: AgencyInvolvement {
        AgencyInvolvement(
            id: id!, agencyID: agencyID, involvement: InvolvementKind(rawValue: involvement) ?? .familySupport,
            namedWorker: namedWorker, since: since.flatMap(CalendarDay.init(iso8601:)),
            until: until.flatMap(CalendarDay.init(iso8601:)))
    }
}
