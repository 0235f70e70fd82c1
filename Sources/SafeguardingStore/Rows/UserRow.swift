import Foundation
import SQLKit
import Safeguarding

/// An account, read straight from its columns, never with its password hash (see ``ChildRow``).
enum UserRow {
    static let columns = ["id", "username", "display_name", "email", "job_title", "agency_id", "roles", "language", "is_active"]

    static func account(from row: any SQLRow) throws -> UserAccount {
        UserAccount(
            id: try row.decode(column: "id", as: UUID.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            email: try row.decode(column: "email", as: String.self), jobTitle: try row.decode(column: "job_title", as: String.self),
            agencyID: try row.decode(column: "agency_id", as: UUID.self),
            roles: UserRecord.decode(try row.decode(column: "roles", as: String.self)),
            language: Language(rawValue: try row.decode(column: "language", as: String.self)) ?? .english,
            isActive: try row.decode(column: "is_active", as: Bool.self))
    }
}
