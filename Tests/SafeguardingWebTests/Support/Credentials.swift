import Fluent
import FluentKit
import Foundation
import NIOHTTP1
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Vapor

/// How a test presents itself: a browser session (cookie and form token) or an API token.
struct Credentials: Sendable {
    var cookie: String?
    var csrfToken: String?
    var bearer: String?

    /// A new signed-in browser session for `user`, made directly in the store.
    static func session(for user: UserAccount, on app: Application) async throws -> Credentials {
        let token = SecretHash.randomToken()
        let session = try await SessionRepository(app.db).create(
            tokenHash: SecretHash.sha256(token), userID: user.id, csrfToken: SecretHash.randomToken(), now: Date(),
            lifetime: 3600)
        return Credentials(cookie: "\(AuthenticationMiddleware.sessionCookie)=\(token)", csrfToken: session.csrfToken)
    }

    /// A new API token for `user`, made directly in the store.
    static func apiToken(for user: UserAccount, on app: Application) async throws -> Credentials {
        let token = SecretHash.randomToken()
        _ = try await APITokenRepository(app.db).issue(
            userID: user.id, tokenHash: SecretHash.sha256(token), label: "test", issuedBy: user.id, now: Date(),
            expiresAt: nil)
        return Credentials(bearer: token)
    }

    func apply(to headers: inout HTTPHeaders) {
        if let cookie { headers.replaceOrAdd(name: .cookie, value: cookie) }
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
    }
}

extension ByteBuffer {
    var text: String { String(buffer: self) }
}

/// A form body, with the session's token added as a real browser form would.
func formBody(_ fields: [(String, String)], csrf: String?) -> String {
    var all = fields
    if let csrf { all.append(("_csrf", csrf)) }
    return all.map { name, value in
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        return name.addingPercentEncoding(withAllowedCharacters: allowed)! + "="
            + value.addingPercentEncoding(withAllowedCharacters: allowed)!
    }.joined(separator: "&")
}
