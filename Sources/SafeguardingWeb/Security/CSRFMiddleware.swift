import Fluent
import SafeguardingStore
import Vapor

/// Refuses any form post to a page that does not carry the token of the session it
/// came from (or, before signing in, the token in the sign-in cookie), so another site
/// cannot make a signed-in browser act for it. The API is exempt: it takes bearer
/// tokens, which a browser never sends by itself.
struct CSRFMiddleware: AsyncMiddleware {
    static let fieldName = "_csrf"
    static let signInCookie = "diogelu_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.isAPI, ![.GET, .HEAD, .OPTIONS].contains(request.method) else {
            return try await next.respond(to: request)
        }
        let form = try await request.submittedForm()
        let presented = form.values(CSRFMiddleware.fieldName).first ?? ""
        let expected: String?
        if let session = request.signedInUser?.session {
            expected = session.csrfToken
        } else {
            expected = request.cookies[CSRFMiddleware.signInCookie]?.string
        }
        guard let expected, !expected.isEmpty, SecretHash.constantTimeEqual(presented, expected) else {
            throw Abort(.forbidden, identifier: "csrf")
        }
        return try await next.respond(to: request)
    }
}
