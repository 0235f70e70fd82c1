import Foundation
import SQLKit
import Safeguarding

/// An agency's involvement with a child, read straight from its columns (see ``ChildRow``).
enum InvolvementRow {
    static let columns = ["id", "child_id", "agency_id", "involvement", "named_worker", "since", "until"]

    static func involvement(from row: any SQLRow) throws -> (childID: UUID, involvement: AgencyInvolvement) {
        let involvement = AgencyInvolvement(
            id: try row.decode(column: "id", as: UUID.self), agencyID: try row.decode(column: "agency_id", as: UUID.self),
            involvement: InvolvementKind(rawValue: try row.decode(column: "involvement", as: String.self)) ?? .familySupport,
            namedWorker: try row.decode(column: "named_worker", as: String.self),
            since: try row.decode(column: "since", as: String?.self).flatMap(CalendarDay.init(iso8601:)),
            until: try row.decode(column: "until", as: String?.self).flatMap(CalendarDay.init(iso8601:)))
        return (try row.decode(column: "child_id", as: UUID.self), involvement)
    }
}
