import FluentKit
import Foundation

/// One attempt to sign in, kept so that repeated failures can be slowed down across
/// every web process. Usernames and addresses are stored only as keyed hashes.
// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class SignInAttemptRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username_key") var usernameKey: String
    @Field(key: "client_key") var clientKey: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(usernameKey: String, clientKey: String, succeeded: Bool, attemptedAt: Date) {
        self.id = UUID()
        self.usernameKey = usernameKey
        self.clientKey = clientKey
        self.succeeded = succeeded
        self.attemptedAt = attemptedAt
    }
}
