import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// Works out who is asking: a browser's session cookie on pages, a bearer token on the
/// API. It only identifies; ``AccessMiddleware`` and the policy decide what is allowed.
struct AuthenticationMiddleware: AsyncMiddleware {
    static let sessionCookie = "diogelu_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // A deactivated account is treated as signed out everywhere at once: the lookups
        // only find active accounts.
        let lookup = SignedInLookup(request.db)
        if request.isAPI {
            if let bearer = request.headers.bearerAuthorization,
                let (account, agency) = try await lookup.apiToken(tokenHash: SecretHash.sha256(bearer.token), now: Date())
            {
                request.signedInUser = SignedInUser(account: account, agency: agency, session: nil)
            }
        } else if let token = request.cookies[Self.sessionCookie]?.string, !token.isEmpty,
            let (session, account, agency) = try await lookup.session(tokenHash: SecretHash.sha256(token), now: Date())
        {
            request.signedInUser = SignedInUser(account: account, agency: agency, session: session)
        }
        return try await next.respond(to: request)
    }
}
