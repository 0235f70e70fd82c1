import FluentKit
import Foundation
import Safeguarding
import SafeguardingStore

/// Issues an API token, the one way for the admin pages, the API, the command line and
/// the benchmark alike: a random token, only its hash stored, the issue audited. Runs
/// inside the caller's transaction.
enum APITokenIssuer {
    /// Returns the token, which is never shown again, and what was stored.
    static func issue(
        for userID: UUID, label: String, issuedBy: UUID, validFor lifetime: TimeInterval?, now: Date = Date(),
        audit: (UUID) -> AuditEvent, on db: any Database
    ) async throws -> (token: String, issued: IssuedAPIToken) {
        guard try await UserRepository(db).find(userID) != nil else {
            throw ValidationFailure([FieldError("user_id", .notAnIdentifier)])
        }
        let token = SecretHash.randomToken()
        let issued = try await APITokenRepository(db).issue(
            userID: userID, tokenHash: SecretHash.sha256(token), label: label, issuedBy: issuedBy, now: now,
            expiresAt: lifetime.map { now.addingTimeInterval($0) })
        try await AuditTrail.append(audit(issued.id), on: db)
        return (token, issued)
    }
}
