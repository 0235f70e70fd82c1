import Fluent
import Vapor

/// Headers that keep pages about children out of caches, frames and other sites'
/// scripts. Pages need no inline script or style, so the policy allows none.
/// Strict-Transport-Security tells a browser that reached Diogelu over HTTPS (production
/// runs behind TLS) never to try plain HTTP for two years; browsers ignore it over plain
/// HTTP, as on a laptop.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers: [(String, String)] = [
            (
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if !request.url.path.hasPrefix("/styles/") {
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}
