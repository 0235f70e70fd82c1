import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Signing in and out")
struct SignInTests {
    /// Fetches the sign-in page as a browser would, returning the cookie and form token it set.
    static func signInForm(_ app: Application) async throws -> (cookie: String, token: String) {
        let page = try await app.send(.GET, "/sign-in")
        let cookie = try #require(page.headers.setCookie?[CSRFMiddleware.signInCookie]?.string)
        let token = try #require(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
        #expect(String(token) == cookie)
        return (cookie, String(token))
    }

    static func signIn(_ app: Application, username: String, password: String) async throws -> TestingHTTPResponse {
        let (cookie, token) = try await signInForm(app)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: "\(CSRFMiddleware.signInCookie)=\(cookie)")
        return try await app.send(
            .POST, "/sign-in", form: [("username", username), ("password", password), ("_csrf", token), ("return", "/children")],
            headers: headers, includeFormToken: false)
    }

    @Test("the right password opens a session with a secure, HTTP-only cookie and returns to the page asked for")
    func signInOpensSession() async throws {
        try await withTestApp { app, partnership in
            let response = try await Self.signIn(app, username: "test.hub_practitioner", password: TestPartnership.password)
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/children")
            let cookie = try #require(response.headers.setCookie?[AuthenticationMiddleware.sessionCookie])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.isSecure)
            #expect(cookie.sameSite == .lax)
            let home = try await app.send(
                .GET, "/home", headers: ["Cookie": "\(AuthenticationMiddleware.sessionCookie)=\(cookie.string)"])
            #expect(home.status == .ok)
            #expect(home.text.contains("Test hub_practitioner"))
            let signIns = try await AuditTrail.search(AuditQuery(action: .signedIn), on: app.db)
            #expect(signIns.first?.event.actorUserID == partnership.account(.hubPractitioner).id)
        }
    }

    @Test("a wrong password is refused, says so, and opens no session")
    func wrongPasswordRefused() async throws {
        try await withTestApp { app, _ in
            let response = try await Self.signIn(app, username: "test.hub_practitioner", password: "not-the-password")
            #expect(response.status == .unauthorized)
            #expect(response.headers.setCookie?[AuthenticationMiddleware.sessionCookie] == nil)
            #expect(response.text.contains("The username or password is not right"))
        }
    }

    @Test("after five failures the account is refused even with the right password")
    func repeatedFailuresAreRateLimited() async throws {
        try await withTestApp { app, _ in
            for _ in 0..<5 {
                let response = try await Self.signIn(app, username: "test.auditor", password: "guess-guess-guess")
                #expect(response.status == .unauthorized)
            }
            let response = try await Self.signIn(app, username: "test.auditor", password: TestPartnership.password)
            #expect(response.status == .tooManyRequests)
            #expect(response.headers.setCookie?[AuthenticationMiddleware.sessionCookie] == nil)
            // Another account from another client is unaffected.
            let other = try await Self.signIn(app, username: "test.hub_manager", password: TestPartnership.password)
            #expect(other.status == .seeOther)
        }
    }

    @Test("a sign-in form posted without its token is refused")
    func signInNeedsFormToken() async throws {
        try await withTestApp { app, _ in
            let response = try await app.send(
                .POST, "/sign-in", form: [("username", "test.auditor"), ("password", TestPartnership.password)])
            #expect(response.status == .forbidden)
            #expect(response.text.contains("This form has expired"))
        }
    }

    @Test("a form posted with another session's token is refused and changes nothing")
    func formsNeedTheirSessionsToken() async throws {
        try await withTestApp { app, partnership in
            let manager = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let other = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            var forged = manager
            forged.csrfToken = other.csrfToken
            let response = try await app.send(
                .POST, "/children/\(partnership.knownToHubOnly.id)/restriction", as: forged,
                form: [("restricted", "true"), ("reason", "Adoption order made")])
            #expect(response.status == .forbidden)
            let child = try await ChildRepository(app.db).find(partnership.knownToHubOnly.id)
            #expect(child?.isRestricted == false)
        }
    }

    @Test("signing out ends the session everywhere")
    func signOutEndsSession() async throws {
        try await withTestApp { app, partnership in
            let session = try await Credentials.session(for: partnership.account(.auditor), on: app)
            let out = try await app.send(.POST, "/sign-out", as: session, form: [])
            #expect(out.status == .seeOther)
            let after = try await app.send(.GET, "/home", as: session)
            #expect(after.status == .seeOther)
            #expect(after.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
        }
    }

    @Test("a deactivated account cannot sign in, and its open sessions stop working")
    func deactivatedAccountIsShutOut() async throws {
        try await withTestApp { app, partnership in
            var account = partnership.account(.hubPractitioner)
            let session = try await Credentials.session(for: account, on: app)
            account.isActive = false
            try await UserRepository(app.db).update(account)
            #expect(try await app.send(.GET, "/home", as: session).status == .seeOther)
            let response = try await Self.signIn(app, username: account.username, password: TestPartnership.password)
            #expect(response.status == .unauthorized)
        }
    }

    @Test("the return address after signing in must be on this site")
    func returnAddressStaysOnSite() {
        #expect(SignInWebController.safeReturn("/children/1") == "/children/1")
        #expect(SignInWebController.safeReturn("//evil.example/") == "/home")
        #expect(SignInWebController.safeReturn("https://evil.example/") == "/home")
        #expect(SignInWebController.safeReturn(nil) == "/home")
    }
}
