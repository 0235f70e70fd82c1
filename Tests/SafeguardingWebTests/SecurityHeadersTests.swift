import Safeguarding
import Testing
import Vapor
import VaporTesting

@Suite("Security headers on every answer")
struct SecurityHeadersTests {
    @Test("pages, API answers and refusals carry HSTS, the content policy, no framing, no sniffing and no caching")
    func everyAnswer() async throws {
        try await withTestApp { app, partnership in
            let session = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let answers = [
                try await app.send(.GET, "/sign-in"),
                try await app.send(.GET, "/home", as: session),
                try await app.send(.GET, "/api/v1/openapi.json"),
                try await app.send(.GET, "/api/v1/children/not-an-id"),
                try await app.send(.GET, "/no-such-page"),
            ]
            for answer in answers {
                #expect(answer.headers.first(name: "Strict-Transport-Security") == "max-age=63072000; includeSubDomains")
                #expect(answer.headers.first(name: "Content-Security-Policy")?.contains("frame-ancestors 'none'") == true)
                #expect(answer.headers.first(name: "X-Frame-Options") == "DENY")
                #expect(answer.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(answer.headers.first(name: .cacheControl) == "no-store")
            }
        }
    }
}
