import FluentKit
import Foundation

/// A hub manager's naming of one person as allowed to read one restricted record.
// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class AccessGrantRecord: Model, @unchecked Sendable {
    static let schema = "access_grants"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "granted_by") var grantedBy: UUID
    @Field(key: "granted_at") var grantedAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}
