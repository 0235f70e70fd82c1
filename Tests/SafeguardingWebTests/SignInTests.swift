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

    static func signIn(
        _ app: Application, username: String, password: String, returnTo: String = "/children"
    ) async throws -> TestingHTTPResponse {
        let (cookie, token) = try await signInForm(app)
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .cookie, value: "\(CSRFMiddleware.signInCookie)=\(cookie)")
        return try await app.send(
            .POST, "/sign-in", form: [("username", username), ("password", password), ("_csrf", token), ("return", returnTo)],
            headers: headers, includeFormToken: false)
    }

    @Test("the right password opens a session with a secure, HTTP-only cookie and returns to the page asked for")
    func signInOpensSession() async throws {
        try await withTestApp { app, partnership in
            // A referrer needs no second factor (TwoFactorTests has those who do).
            let response = try await Self.signIn(app, username: "test.referrer", password: TestPartnership.password)
            #expect(response.status == .seeOther)
            #expect(response.headers.first(name: .location) == "/children")
            let cookie = try #require(response.headers.setCookie?[AuthenticationMiddleware.sessionCookie])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.isSecure)
            #expect(cookie.sameSite == .lax)
            let home = try await app.send(
                .GET, "/home", headers: ["Cookie": "\(AuthenticationMiddleware.sessionCookie)=\(cookie.string)"])
            #expect(home.status == .ok)
            #expect(home.text.contains("Test referrer"))
            let signIns = try await AuditTrail.search(AuditQuery(action: .signedIn), on: app.db)
            #expect(signIns.first?.event.actorUserID == partnership.account(.referrer).id)
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

    @Test("the return address after signing in must be a page of this site, rebuilt")
    func returnAddressStaysOnSite() async throws {
        try await withTestApp { app, _ in
            let routes = app.routes
            let child = "/children/\(UUID().uuidString)"
            #expect(SignInWebController.safeReturn(child, in: routes) == child)
            #expect(SignInWebController.safeReturn("/children?q=Cerys%20Jones", in: routes) == "/children?q=Cerys%20Jones")
            for hostile in [
                "//evil.example/", "https://evil.example/", "/\\evil.example", "/%2Fevil.example", "/%5C%5Cevil.example",
                "/\t/evil.example", "/%09/evil.example", "/home\r\nSet-Cookie: injected=1", "/home%0D%0ASet-Cookie:%20injected=1",
                "/no-such-page", "/home?x=%0D%0A",
            ] {
                #expect(SignInWebController.safeReturn(hostile, in: routes) == "/home", "\(hostile.debugDescription)")
            }
            #expect(SignInWebController.safeReturn(nil, in: routes) == "/home")
        }
    }

    @Test("signing in with a hostile return value redirects home and writes no header of its own")
    func hostileReturnWritesNoHeader() async throws {
        try await withTestApp { app, partnership in
            let account = partnership.account(.referrer)
            for hostile in ["/home\r\nSet-Cookie: injected=1", "/\t/evil.example", "//evil.example"] {
                let response = try await Self.signIn(app, username: account.username, password: TestPartnership.password, returnTo: hostile)
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == "/home")
                #expect(!response.headers.contains(name: "X-Injected"))
                #expect(!response.headers[.setCookie].contains { $0.contains("injected") })
            }
        }
    }

    @Test("an unknown username is checked against a decoy as costly as every account's hash, so timing tells no names")
    func decoyAsCostlyAsAccounts() async throws {
        try await withTestApp { app, partnership in
            let account = try #require(try await UserRepository(app.db).credentials(username: partnership.account(.hubPractitioner).username))
            let decoy = SignInDesk.decoyHash(cost: app.diogelu.bcryptCost)
            // "$2b$04$...": the cost is the second field.
            #expect(decoy.split(separator: "$").dropFirst().first == account.passwordHash.split(separator: "$").dropFirst().first)
            #expect(SignInDesk.decoyHash(cost: 6).hasPrefix("$2b$06$"))
            #expect(SignInDesk.decoyHash(cost: 6) == SignInDesk.decoyHash(cost: 6), "made once for each cost")
        }
    }
}
