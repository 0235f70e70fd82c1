import FluentKit
import Foundation
import Safeguarding

// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "email") var email: String
    @Field(key: "job_title") var jobTitle: String
    @Field(key: "agency_id") var agencyID: UUID
    @Field(key: "roles") var roles: String
    @Field(key: "language") var language: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "is_active") var isActive: Bool
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ user: UserAccount, passwordHash: String) {
        self.id = user.id
        self.passwordHash = passwordHash
        update(from: user)
    }

    func update(from user: UserAccount) {
        username = user.username.lowercased()
        displayName = user.displayName
        email = user.email
        jobTitle = user.jobTitle
        agencyID = user.agencyID
        roles = UserRecord.encode(user.roles)
        language = user.language.rawValue
        isActive = user.isActive
    }

    var account: UserAccount {
        UserAccount(
            id: id!, username: username, displayName: displayName, email: email, jobTitle: jobTitle,
            agencyID: agencyID, roles: UserRecord.decode(roles), language: Language(rawValue: language) ?? .english,
            isActive: isActive)
    }

    /// Roles are kept as one sorted, comma-separated column: there are six, they are
    /// read on every request, and a join for them would buy nothing.
    static func encode(_ roles: Set<Role>) -> String {
        roles.sorted().map(\.rawValue).joined(separator: ",")
    }

    static func decode(_ text: String) -> Set<Role> {
        Set(text.split(separator: ",").compactMap { Role(rawValue: String($0)) })
    }
}
