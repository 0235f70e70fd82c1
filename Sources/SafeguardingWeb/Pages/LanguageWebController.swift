import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// The signed-in language switch: a form, so that only the person themselves (with their
/// session's form token) changes the language Diogelu keeps for them, which is also the
/// language of the notices they are sent.
struct LanguageWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "language", requires: .permission(.useAccount), use: choose)
    }

    func choose(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        var fields = FieldReader(form: try await request.submittedForm())
        let chosen = fields.choice("lang", as: Language.self)
        let back = fields.text("return", required: false, maxLength: 2_000)
        try fields.finish()
        try await UserRepository(request.db).setLanguage(chosen!, for: user.account.id)
        // Back to the same page, built from the routes, never the address as it came.
        let response = request.redirect(to: LocalPath.of(back ?? "/home", in: request.application.routes) ?? "/home")
        response.cookies[LanguageMiddleware.cookie] = HTTPCookies.Value(
            string: chosen!.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: request.application.diogelu.secureCookies,
            isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
