import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// Works out who is asking: a browser's session cookie on pages, a bearer token on the
/// API. It only identifies; ``AccessMiddleware`` and the policy decide what is allowed.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "diogelu_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.isAPI {
            if let bearer = request.headers.bearerAuthorization {
                let hash = SecretHash.sha256(bearer.token)
                if let userID = try await APITokenRepository(request.db).userID(forTokenHash: hash, now: Date()) {
                    request.signedInUser = try await Self.load(userID: userID, session: nil, on: request.db)
                }
            }
        } else if let token = request.cookies[Self.sessionCookie]?.string, !token.isEmpty {
            let hash = SecretHash.sha256(token)
            if let session = try await SessionRepository(request.db).find(tokenHash: hash, now: Date()) {
                request.signedInUser = try await Self.load(userID: session.userID, session: session, on: request.db)
            }
        }
        return try await next.respond(to: request)
    }

    /// A deactivated account is treated as signed out everywhere at once.
    static func load(userID: UUID, session: StoredSession?, on database: any Database) async throws -> SignedInUser? {
        guard let account = try await UserRepository(database).find(userID), account.isActive,
            let agency = try await AgencyRepository(database).find(account.agencyID)
        else { return nil }
        return SignedInUser(account: account, agency: agency, session: session)
    }
}
