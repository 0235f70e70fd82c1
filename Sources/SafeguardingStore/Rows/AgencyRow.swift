import Foundation
import SQLKit
import Safeguarding

/// An agency, read straight from its columns (see ``ChildRow``).
enum AgencyRow {
    static let columns = ["id", "name", "welsh_name", "kind", "is_hub_member"]

    static func agency(from row: any SQLRow) throws -> Agency {
        Agency(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            welshName: try row.decode(column: "welsh_name", as: String.self),
            kind: AgencyKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .thirdSector,
            isHubMember: try row.decode(column: "is_hub_member", as: Bool.self))
    }
}
