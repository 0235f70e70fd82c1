import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// The person behind a request, once their session cookie or API token is checked.
struct SignedInUser: Sendable {
    var account: UserAccount
    var agency: Agency
    /// Present for a browser session, absent for an API token.
    var session: StoredSession?

    var actor: Actor { Actor(user: account, agency: agency) }

    /// The audit trail's record of who acted.
    func auditEvent(
        _ action: AuditAction, childID: UUID? = nil, subjectID: UUID? = nil, reason: String = "", detail: String = "",
        requestID: String
    ) -> AuditEvent {
        AuditEvent(
            actorUserID: account.id, actorName: account.displayName, agencyID: agency.id, roles: Array(account.roles),
            action: action, childID: childID, subjectID: subjectID, reason: reason, detail: detail, requestID: requestID)
    }
}

extension Request {
    private struct SignedInUserKey: StorageKey { typealias Value = SignedInUser }

    var signedInUser: SignedInUser? {
        get { storage[SignedInUserKey.self] }
        set { storage[SignedInUserKey.self] = newValue }
    }

    /// The signed-in person; routes that need one are behind ``AccessMiddleware``, so
    /// reaching here without one is a routing mistake, answered as "sign in".
    func requireUser() throws -> SignedInUser {
        guard let user = signedInUser else { throw Abort(.unauthorized) }
        return user
    }

    var isAPI: Bool { url.path.hasPrefix("/api/") }

    var requestID: String { logger[metadataKey: "request-id"].map { "\($0)" } ?? "" }

    var store: Store { Store(db) }
}
