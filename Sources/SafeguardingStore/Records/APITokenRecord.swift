import FluentKit
import Foundation

/// A bearer token an administrator issued to a person or a partner system. The token
/// itself is shown once, when issued; only its hash is kept.
// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class APITokenRecord: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "label") var label: String
    @Field(key: "issued_by") var issuedBy: UUID
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalField(key: "expires_at") var expiresAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}
}
