import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// Chooses the language of each answer: the signed-in person's preference, else the
/// language cookie, else the browser's Accept-Language. Before signing in, a `?lang=cy`
/// link (the switch at the top of the page) sets the cookie and returns to the same page.
/// A GET never changes a saved preference: a link or an image on another site could
/// otherwise change anyone's language, and with it the language of every notice they
/// are sent. Signed in, the switch is a form (`POST /language`, ``LanguageWebController``).
struct LanguageMiddleware: AsyncMiddleware {
    static let cookie = "diogelu_lang"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .GET, !request.isAPI, let tag = request.query[String.self, at: "lang"],
            let chosen = Language(tag: tag)
        {
            // The same page, built from the routes; never the address as it came (a decoded
            // "%2F" led to another site, an encoded CR LF wrote headers).
            let target = LocalPath.of(request.url.string, in: request.application.routes, dropping: ["lang"]) ?? "/home"
            let response = request.redirect(to: target)
            response.cookies[Self.cookie] = HTTPCookies.Value(
                string: chosen.rawValue, maxAge: 365 * 24 * 3600, path: "/", isSecure: request.application.diogelu.secureCookies,
                isHTTPOnly: true, sameSite: .lax)
            return response
        }
        request.language = Self.choose(for: request)
        return try await next.respond(to: request)
    }

    static func choose(for request: Request) -> Language {
        if let user = request.signedInUser { return user.account.language }
        if let cookie = request.cookies[cookie]?.string, let language = Language(rawValue: cookie) { return language }
        for tag in request.headers[.acceptLanguage].flatMap({ $0.split(separator: ",") }) {
            let name = tag.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let language = Language(tag: name) { return language }
        }
        return .english
    }
}
