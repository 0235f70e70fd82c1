import Fluent
import SQLKit
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Two-factor sign-in")
struct TwoFactorTests {
    // MARK: The algorithms

    @Test("codes are RFC 6238's test vectors (SHA-1, eight digits)")
    func rfc6238Vectors() {
        let password = OneTimePassword(secret: Array("12345678901234567890".utf8), digits: 8)
        let vectors: [(TimeInterval, String)] = [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ]
        for (seconds, code) in vectors {
            #expect(password.code(atStep: OneTimePassword.step(at: Date(timeIntervalSince1970: seconds))) == code, "\(seconds)")
        }
        // Six digits, as apps show them, are the last six of RFC 4226's truncation.
        #expect(OneTimePassword(secret: Array("12345678901234567890".utf8)).code(atStep: 1) == "287082")
    }

    @Test("a code is accepted one step either side of now, never twice, and never one used before")
    func codeWindowAndReplay() {
        let password = OneTimePassword(secret: OneTimePassword.newSecret())
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let step = OneTimePassword.step(at: now)
        #expect(password.step(matching: password.code(atStep: step), at: now, after: nil) == step)
        #expect(password.step(matching: password.code(atStep: step - 1), at: now, after: nil) == step - 1)
        #expect(password.step(matching: password.code(atStep: step + 1), at: now, after: nil) == step + 1)
        #expect(password.step(matching: password.code(atStep: step - 2), at: now, after: nil) == nil)
        #expect(password.step(matching: password.code(atStep: step), at: now, after: step) == nil)
        #expect(password.step(matching: password.code(atStep: step - 1), at: now, after: step - 1) == nil)
        #expect(password.step(matching: "12345", at: now, after: nil) == nil)
    }

    @Test("base 32 is RFC 4648's, and reads keys as people copy them")
    func base32() {
        let vectors = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base32.decode("mzxw 6ytb-oi") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW1") == nil)
        #expect(Base32.grouped("ABCDEFGHIJ") == "ABCD EFGH IJ")
    }

    @Test("recovery codes are twelve unambiguous characters, read with or without hyphens in any case")
    func recoveryCodes() {
        let code = RecoveryCode.make()
        #expect(code.count == 14)
        #expect(RecoveryCode.normalised(code.lowercased().replacingOccurrences(of: "-", with: "")) == code.replacingOccurrences(of: "-", with: ""))
        #expect(RecoveryCode.normalised("ABCD-EFGH-IJK0") == nil)
        #expect(RecoveryCode.normalised("123456") == nil)
    }

    @Test("the roles that read records across agencies, decide, audit or administer must use it; the rest may")
    func requirement() throws {
        let required = TwoFactorRequirement()
        for role in Role.allCases {
            let expected: Bool = [.hubPractitioner, .hubManager, .socialWorker, .teamManager, .auditor, .administrator].contains(role)
            #expect(required.isRequired(for: [role]) == expected, "\(role)")
        }
        #expect(!TwoFactorRequirement(mode: .optional).isRequired(for: [.hubManager]))
        #expect(try DiogeluConfiguration.fromEnvironment([:]).twoFactor.mode == .required)
        #expect(try DiogeluConfiguration.fromEnvironment(["DIOGELU_TWO_FACTOR": "optional"]).twoFactor.mode == .optional)
        #expect(throws: ConfigurationError.self) { try DiogeluConfiguration.fromEnvironment(["DIOGELU_TWO_FACTOR": "off"]) }
    }

    // MARK: In the browser's steps

    /// A browser's cookies through the sign-in steps.
    struct Browser {
        let app: Application
        var cookies: [String: String] = [:]

        var header: HTTPHeaders {
            var headers = HTTPHeaders()
            if !cookies.isEmpty {
                headers.replaceOrAdd(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            }
            return headers
        }

        mutating func keep(_ response: TestingHTTPResponse) {
            for (name, value) in response.headers.setCookie?.all ?? [:] {
                cookies[name] = value.string.isEmpty ? nil : value.string
            }
        }

        mutating func get(_ path: String) async throws -> TestingHTTPResponse {
            let response = try await app.send(.GET, path, headers: header)
            keep(response)
            return response
        }

        /// Posts a form with the token of the page it came from.
        mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> TestingHTTPResponse {
            let token = cookies[AuthenticationMiddleware.sessionCookie] == nil ? cookies[CSRFMiddleware.signInCookie] : nil
            let response = try await app.send(
                .POST, path, form: fields + (token.map { [("_csrf", $0)] } ?? []), headers: header, includeFormToken: false)
            keep(response)
            return response
        }

        /// The session this browser holds, with the form token of `page`, for posting forms directly.
        func session(from page: TestingHTTPResponse) throws -> Credentials {
            let csrf = try #require(page.text.firstMatch(of: /name="_csrf" value="([^"]+)"/)?.1)
            let cookie = try #require(cookies[AuthenticationMiddleware.sessionCookie])
            return Credentials(cookie: "\(AuthenticationMiddleware.sessionCookie)=\(cookie)", csrfToken: String(csrf))
        }

        mutating func signIn(_ username: String, returnTo: String = "/children") async throws -> TestingHTTPResponse {
            _ = try await get("/sign-in")
            return try await post(
                "/sign-in", [("username", username), ("password", TestPartnership.password), ("return", returnTo)])
        }
    }

    /// The current code for a secret, later than the step last used.
    static func code(_ key: String, after lastUsed: Int64?) -> String {
        let password = OneTimePassword(secret: Base32.decode(key)!)
        return password.code(atStep: max(OneTimePassword.step(at: Date()), (lastUsed ?? Int64.min) + 1))
    }

    static func credential(_ app: Application, _ user: UserAccount) async throws -> TwoFactorCredential? {
        try await TwoFactorRepository(app.db).credential(for: user.id)
    }

    /// Signs a hub practitioner in for the first time, through set-up; returns the recovery codes.
    static func setUp(_ browser: inout Browser, _ user: UserAccount) async throws -> [String] {
        let signIn = try await browser.signIn(user.username)
        #expect(signIn.headers.first(name: .location) == "/sign-in/set-up")
        let page = try await browser.get("/sign-in/set-up")
        let shown = try #require(page.text.firstMatch(of: /id="two-factor-key" lang="en">([A-Z2-7 ]+)</)?.1)
        let key = try #require(try await credential(browser.app, user)?.secret)
        #expect(shown.replacingOccurrences(of: " ", with: "") == key)
        #expect(page.text.contains("otpauth://totp/Diogelu:\(user.username)?secret=\(key)"))
        let done = try await browser.post("/sign-in/set-up", [("code", code(key, after: nil))])
        #expect(done.status == .ok)
        return done.text.matches(of: /<li><code>([A-Z0-9-]+)<\/code><\/li>/).map { String($0.1) }
    }

    @Test("a hub practitioner sets it up at first sign-in: no session until a code from the new key, then ten recovery codes once")
    func setUpAtFirstSignIn() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.hubPractitioner)
            var browser = Browser(app: app)
            let signIn = try await browser.signIn(user.username)
            #expect(signIn.status == .seeOther)
            #expect(signIn.headers.first(name: .location) == "/sign-in/set-up")
            #expect(browser.cookies[AuthenticationMiddleware.sessionCookie] == nil)
            // The waiting sign-in opens nothing but its own page.
            let home = try await browser.get("/home")
            #expect(home.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            let page = try await browser.get("/sign-in/set-up")
            #expect(page.text.contains("<h1>Set up two-factor sign-in</h1>"))
            let key = try #require(try await Self.credential(app, user)?.secret)
            #expect(try await Self.credential(app, user)?.isConfirmed == false)

            let wrong = try await browser.post("/sign-in/set-up", [("code", "000000")])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("That code is not right"))
            #expect(browser.cookies[AuthenticationMiddleware.sessionCookie] == nil)
            #expect(try await AuditTrail.search(AuditQuery(action: .twoFactorRefused), on: app.db).count == 1)

            let done = try await browser.post("/sign-in/set-up", [("code", Self.code(key, after: nil))])
            #expect(done.status == .ok)
            #expect(done.text.contains("<h1>Your recovery codes</h1>"))
            let codes = done.text.matches(of: /<li><code>([A-Z0-9-]+)<\/code><\/li>/).map { String($0.1) }
            #expect(codes.count == 10)
            #expect(Set(codes).count == 10)
            #expect(done.text.contains("href=\"/children\" id=\"continue\""))
            #expect(browser.cookies[TwoFactorDesk.challengeCookie] == nil)
            let signedIn = try await browser.get("/home")
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("Test hub_practitioner"))
            let credential = try #require(try await Self.credential(app, user))
            #expect(credential.isConfirmed)
            #expect(credential.recoveryCodesLeft == 10)
            #expect(try await AuditTrail.search(AuditQuery(action: .twoFactorEnrolled), on: app.db).first?.event.actorUserID == user.id)
            #expect(try await AuditTrail.search(AuditQuery(action: .signedIn), on: app.db).first?.event.detail == "second_factor=set_up")
            // Nothing of the codes is stored as it was shown.
            let stored = try await RecoveryCodeRecordsProbe.hashes(app, user.id)
            #expect(stored.count == 10)
            #expect(!codes.contains { stored.contains($0) || stored.contains($0.replacingOccurrences(of: "-", with: "")) })
        }
    }

    @Test("once set up, signing in asks for a code; a code already used is refused, a fresh one signs in")
    func codeAtSignIn() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.hubManager)
            var first = Browser(app: app)
            _ = try await Self.setUp(&first, user)
            let key = try #require(try await Self.credential(app, user)?.secret)
            let used = try #require(try await Self.credential(app, user)?.lastUsedStep)

            var browser = Browser(app: app)
            let signIn = try await browser.signIn(user.username, returnTo: "/alerts")
            #expect(signIn.headers.first(name: .location) == "/sign-in/code")
            let page = try await browser.get("/sign-in/code")
            #expect(page.text.contains("<h1>Enter your sign-in code</h1>"))
            // The code that set it up, seen over a shoulder, is worth nothing now.
            let replay = OneTimePassword(secret: Base32.decode(key)!).code(atStep: used)
            let refused = try await browser.post("/sign-in/code", [("code", replay)])
            #expect(refused.status == .unauthorized)
            #expect(browser.cookies[AuthenticationMiddleware.sessionCookie] == nil)

            let fresh = Self.code(key, after: used)
            let accepted = try await browser.post("/sign-in/code", [("code", String(fresh.prefix(3)) + " " + fresh.dropFirst(3))])
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers.first(name: .location) == "/alerts")
            #expect(try await browser.get("/alerts").status == .ok)
            #expect(try await Self.credential(app, user)?.lastUsedStep ?? 0 > used)
        }
    }

    @Test("a recovery code signs in once, in any case and without hyphens, and the account page says so")
    func recoveryCodeSignsInOnce() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.auditor)
            var first = Browser(app: app)
            let codes = try await Self.setUp(&first, user)
            let code = try #require(codes.first)

            var browser = Browser(app: app)
            _ = try await browser.signIn(user.username)
            let signedIn = try await browser.post("/sign-in/code", [("code", code.lowercased().replacingOccurrences(of: "-", with: ""))])
            #expect(signedIn.headers.first(name: .location) == "/account/two-factor?used=recovery")
            let account = try await browser.get("/account/two-factor?used=recovery")
            #expect(account.text.contains("You signed in with a recovery code"))
            #expect(account.text.contains("Recovery codes left: 9"))
            #expect(try await AuditTrail.search(AuditQuery(action: .recoveryCodeUsed), on: app.db).count == 1)

            var again = Browser(app: app)
            _ = try await again.signIn(user.username)
            let spent = try await again.post("/sign-in/code", [("code", code)])
            #expect(spent.status == .unauthorized)
            #expect(again.cookies[AuthenticationMiddleware.sessionCookie] == nil)
        }
    }

    @Test("five wrong codes end the waiting sign-in and lock the account like five wrong passwords")
    func wrongCodesAreLimited() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.socialWorker)
            var first = Browser(app: app)
            _ = try await Self.setUp(&first, user)
            var browser = Browser(app: app)
            _ = try await browser.signIn(user.username)
            for _ in 0..<4 {
                #expect(try await browser.post("/sign-in/code", [("code", "000000")]).status == .unauthorized)
            }
            let last = try await browser.post("/sign-in/code", [("code", "000000")])
            #expect(last.status == .seeOther)
            #expect(last.headers.first(name: .location) == "/sign-in?again=two-factor")
            #expect(browser.cookies[TwoFactorDesk.challengeCookie] == nil)
            let back = try await browser.get("/sign-in?again=two-factor")
            #expect(back.text.contains("the code was wrong too many times"))
            let locked = try await browser.signIn(user.username)
            #expect(locked.status == .tooManyRequests)
        }
    }

    @Test("a referrer is not made to, may set it up from the account page, and is then asked for a code")
    func optionalForReferrers() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.referrer)
            var browser = Browser(app: app)
            #expect(try await browser.signIn(user.username).headers.first(name: .location) == "/children")
            let account = try await browser.get("/account/two-factor")
            #expect(account.text.contains("Two-factor sign-in is not set up"))
            let signedIn = try browser.session(from: account)
            let start = try await app.send(.POST, "/account/two-factor/set-up", as: signedIn, form: [])
            #expect(start.headers.first(name: .location) == "/account/two-factor/set-up")
            let key = try #require(try await Self.credential(app, user)?.secret)
            #expect(try await app.send(.POST, "/account/two-factor/set-up/confirm", as: signedIn, form: [("code", "999999")])
                .status == .unprocessableEntity)
            let done = try await app.send(
                .POST, "/account/two-factor/set-up/confirm", as: signedIn, form: [("code", Self.code(key, after: nil))])
            #expect(done.text.matches(of: /<li><code>/).count == 10)
            // Starting again now changes nothing: a confirmed key takes a reset.
            _ = try await app.send(.POST, "/account/two-factor/set-up", as: signedIn, form: [])
            #expect(try await Self.credential(app, user)?.secret == key)

            var next = Browser(app: app)
            #expect(try await next.signIn(user.username).headers.first(name: .location) == "/sign-in/code")
        }
    }

    @Test("new recovery codes need a current code from the app, and replace the old")
    func renewRecoveryCodes() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.teamManager)
            var browser = Browser(app: app)
            let old = try await Self.setUp(&browser, user)
            let credential = try #require(try await Self.credential(app, user))
            let page = try await browser.get("/account/two-factor")
            let signedIn = try browser.session(from: page)
            let refused = try await app.send(.POST, "/account/two-factor/recovery-codes", as: signedIn, form: [("code", "123456")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await RecoveryCodeRecordsProbe.hashes(app, user.id).count == 10)
            let renewed = try await app.send(.POST, "/account/two-factor/recovery-codes", as: signedIn,
                form: [("code", Self.code(credential.secret, after: credential.lastUsedStep))])
            let codes = renewed.text.matches(of: /<li><code>([A-Z0-9-]+)<\/code><\/li>/).map { String($0.1) }
            #expect(codes.count == 10)
            #expect(Set(codes).isDisjoint(with: old))
            #expect(try await AuditTrail.search(AuditQuery(action: .recoveryCodesRenewed), on: app.db).count == 1)
            // An old code no longer signs in.
            var again = Browser(app: app)
            _ = try await again.signIn(user.username)
            #expect(try await again.post("/sign-in/code", [("code", old[0])]).status == .unauthorized)
        }
    }

    @Test("an administrator resets someone's two-factor sign-in with a reason, which signs them out and alerts; never his own")
    func administratorReset() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.hubPractitioner)
            var browser = Browser(app: app)
            _ = try await Self.setUp(&browser, user)
            #expect(try await browser.get("/home").status == .ok)
            let admin = try await Credentials.session(for: partnership.account(.administrator), on: app)
            let page = try await app.send(.GET, "/admin/users/\(user.id.uuidString.lowercased())", as: admin)
            #expect(page.text.contains("Two-factor sign-in is set up."))
            let noReason = try await app.send(
                .POST, "/admin/users/\(user.id.uuidString.lowercased())/two-factor/reset", as: admin, form: [("reason", "")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await Self.credential(app, user)?.isConfirmed == true)
            let reset = try await app.send(
                .POST, "/admin/users/\(user.id.uuidString.lowercased())/two-factor/reset", as: admin,
                form: [("reason", "Lost phone, reported to the service desk")])
            #expect(reset.status == .seeOther)
            #expect(try await Self.credential(app, user) == nil)
            #expect(try await RecoveryCodeRecordsProbe.hashes(app, user.id).isEmpty)
            #expect(try await browser.get("/home").status == .seeOther)
            let alerts = try await AlertRepository(app.db).recent()
            #expect(alerts.contains { $0.kind == .twoFactorReset && $0.reason == user.displayName })
            let entry = try #require(try await AuditTrail.search(AuditQuery(action: .twoFactorReset), on: app.db).first)
            #expect(entry.event.subjectID == user.id)
            #expect(entry.event.reason == "Lost phone, reported to the service desk")
            // Next time: set up again.
            var next = Browser(app: app)
            #expect(try await next.signIn(user.username).headers.first(name: .location) == "/sign-in/set-up")

            let own = try await app.send(
                .POST, "/admin/users/\(partnership.account(.administrator).id.uuidString.lowercased())/two-factor/reset",
                as: admin, form: [("reason", "Testing")])
            #expect(own.status == .unprocessableEntity)
        }
    }

    @Test("in Welsh, the steps speak Welsh")
    func welsh() async throws {
        try await withTestApp { app, partnership in
            let user = partnership.account(.hubPractitioner)
            var browser = Browser(app: app)
            browser.cookies[LanguageMiddleware.cookie] = "cy"
            _ = try await browser.signIn(user.username)
            let page = try await browser.get("/sign-in/set-up")
            #expect(page.text.contains("<h1>Gosod dilysu dau ffactor</h1>"))
            let wrong = try await browser.post("/sign-in/set-up", [("code", "000000")])
            #expect(wrong.text.contains("Nid yw&#39;r cod hwnnw&#39;n gywir") || wrong.text.contains("Nid yw'r cod hwnnw'n gywir"))
        }
    }

    @Test("with DIOGELU_TWO_FACTOR=optional a hub manager signs in with the password alone")
    func optionalMode() async throws {
        try await withTestApp(configure: { $0.twoFactor = TwoFactorRequirement(mode: .optional) }) { app, partnership in
            var browser = Browser(app: app)
            let response = try await browser.signIn(partnership.account(.hubManager).username)
            #expect(response.headers.first(name: .location) == "/children")
        }
    }
}

/// The stored hashes of one person's unspent recovery codes.
enum RecoveryCodeRecordsProbe {
    static func hashes(_ app: Application, _ userID: UUID) async throws -> [String] {
        try await (app.db as! any SQLDatabase).select().column("code_hash").from("recovery_codes")
            .where("user_id", .equal, userID).where("used_at", .is, SQLLiteral.null).all()
            .map { try $0.decode(column: "code_hash", as: String.self) }
    }
}
