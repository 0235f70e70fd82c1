import FluentKit
import Foundation

// Confined to one request at a time; see AgencyRecord for why the conformances are unchecked.

final class TwoFactorCredentialRecord: Model, @unchecked Sendable {
    static let schema = "two_factor_credentials"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "secret") var secret: String
    @OptionalField(key: "confirmed_at") var confirmedAt: Date?
    @OptionalField(key: "last_used_step") var lastUsedStep: Int64?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

final class RecoveryCodeRecord: Model, @unchecked Sendable {
    static let schema = "recovery_codes"

    @ID(key: .id) var id: UUID?
    @Field(key: "user_id") var userID: UUID
    @Field(key: "code_hash") var codeHash: String
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}
}

final class SignInChallengeRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_challenges"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "user_id") var userID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "return_to") var returnTo: String
    @Field(key: "failures") var failures: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
