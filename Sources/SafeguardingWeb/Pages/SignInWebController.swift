import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// The sign-in and sign-out pages.
struct SignInWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "", requires: .everyone, use: root)
        routes.on(.GET, "sign-in", requires: .everyone, use: show)
        routes.on(.POST, "sign-in", requires: .everyone, use: signIn)
        routes.on(.POST, "sign-out", requires: .permission(.useAccount), use: signOut)
    }

    struct SignInContext: Encodable, Sendable {
        var username: String
        var returnTo: String
        var errors: [FormErrorContext]
        var messageKey: String?
    }

    func root(_ request: Request) async throws -> Response {
        request.redirect(to: request.signedInUser == nil ? "/sign-in" : "/home")
    }

    func show(_ request: Request) async throws -> Response {
        if request.signedInUser != nil { return request.redirect(to: "/home") }
        // Sent back from the second step: say why the password is asked for again.
        let messageKey: String? = switch request.query[String.self, at: "again"] {
        case "two-factor": "signin.two_factor_again"
        case "too-many": "signin.too_many"
        default: nil
        }
        return try await render(request, SignInContext(
            username: "", returnTo: Self.safeReturn(request.query[String.self, at: "return"], in: request.application.routes),
            errors: [], messageKey: messageKey),
            status: .ok)
    }

    func signIn(_ request: Request) async throws -> Response {
        var fields = FieldReader(form: try await request.submittedForm())
        let username = fields.text("username", maxLength: 60)
        let password = fields.text("password", maxLength: 200)
        let returnTo = Self.safeReturn(fields.text("return", required: false, maxLength: 500), in: request.application.routes)
        do { try fields.finish() } catch let failure as ValidationFailure {
            return try await render(request, SignInContext(
                username: username ?? "", returnTo: returnTo, errors: request.formErrors(failure), messageKey: nil),
                status: .unprocessableEntity)
        }
        switch try await SignInDesk(request: request).signIn(username: username!, password: password!, returnTo: returnTo) {
        case .signedIn(let token, let session):
            let response = request.redirect(to: returnTo)
            Self.setSessionCookie(on: response, request, token: token, expires: session.expiresAt)
            return response
        case .secondFactor(let token, let challenge):
            let response = request.redirect(to: challenge.kind == .code ? "/sign-in/code" : "/sign-in/set-up")
            TwoFactorWebController.setChallenge(on: response, request, token: token, expires: challenge.expiresAt)
            return response
        case .refused:
            return try await render(request, SignInContext(
                username: username ?? "", returnTo: returnTo, errors: [], messageKey: "signin.refused"),
                status: .unauthorized)
        case .tooManyAttempts:
            return try await render(request, SignInContext(
                username: username ?? "", returnTo: returnTo, errors: [], messageKey: "signin.too_many"),
                status: .tooManyRequests)
        }
    }

    func signOut(_ request: Request) async throws -> Response {
        try await SignInDesk(request: request).signOut()
        let response = request.redirect(to: "/sign-in")
        response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), path: "/",
            isSecure: request.application.diogelu.secureCookies, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    static func setSessionCookie(on response: Response, _ request: Request, token: String, expires: Date) {
        response.cookies[AuthenticationMiddleware.sessionCookie] = HTTPCookies.Value(
            string: token, expires: expires, path: "/",
            isSecure: request.application.diogelu.secureCookies, isHTTPOnly: true, sameSite: .lax)
    }

    /// The sign-in form carries its own token in a cookie until a session exists.
    private func render(_ request: Request, _ context: SignInContext, status: HTTPResponseStatus) async throws -> Response {
        let token = request.cookies[CSRFMiddleware.signInCookie]?.string ?? SecretHash.randomToken()
        request.cookies[CSRFMiddleware.signInCookie] = HTTPCookies.Value(string: token)
        let response = try await request.page("sign-in", titleKey: "signin.title", context).encodeResponse(for: request)
        response.status = status
        response.cookies[CSRFMiddleware.signInCookie] = HTTPCookies.Value(
            string: token, path: "/", isSecure: request.application.diogelu.secureCookies, isHTTPOnly: true,
            sameSite: .strict)
        return response
    }

    /// Only a path on this site: never send someone signing in to another site.
    /// Where signing in leads: the page asked for, rebuilt as a page of this application
    /// (see ``LocalPath``), or the home page.
    static func safeReturn(_ path: String?, in routes: Routes) -> String {
        path.flatMap { LocalPath.of($0, in: routes) } ?? "/home"
    }
}
