import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The second step of signing in (a code, or setting two-factor sign-in up), a person's
/// own two-factor page, and an administrator's reset.
struct TwoFactorWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "sign-in", "code", requires: .everyone, use: codePage)
        routes.on(.POST, "sign-in", "code", requires: .everyone, use: enterCode)
        routes.on(.GET, "sign-in", "set-up", requires: .everyone, use: setUpPage)
        routes.on(.POST, "sign-in", "set-up", requires: .everyone, use: confirmSetUp)
        let account = routes.grouped("account", "two-factor")
        account.on(.GET, requires: .permission(.useAccount), use: accountPage)
        account.on(.POST, "set-up", requires: .permission(.useAccount), use: startAccountSetUp)
        account.on(.GET, "set-up", requires: .permission(.useAccount), use: accountSetUpPage)
        account.on(.POST, "set-up", "confirm", requires: .permission(.useAccount), use: confirmAccountSetUp)
        account.on(.POST, "recovery-codes", requires: .permission(.useAccount), use: renewRecoveryCodes)
        routes.on(.POST, "admin", "users", ":userID", "two-factor", "reset", requires: .permission(.manageUsers),
            use: reset)
    }

    struct CodeContext: Encodable, Sendable {
        var errors: [FormErrorContext]
    }

    struct SetUpContext: Encodable, Sendable {
        var action: String
        var key: String
        var provisioningAddress: String
        var errors: [FormErrorContext]
    }

    struct RecoveryCodesContext: Encodable, Sendable {
        var codes: [String]
        var continueHref: String
    }

    struct AccountContext: Encodable, Sendable {
        var isSetUp: Bool
        var isRequired: Bool
        var setUpOn: String
        var recoveryCodesLeft: Int
        var messageKey: String?
        var errors: [FormErrorContext]
    }

    // MARK: Signing in

    func codePage(_ request: Request) async throws -> Response {
        guard let waiting = try await TwoFactorDesk(request: request).waiting(), waiting.challenge.kind == .code else {
            return request.redirect(to: "/sign-in")
        }
        return try await renderCode(request, waiting: waiting, failure: nil, status: .ok)
    }

    func enterCode(_ request: Request) async throws -> Response {
        let desk = TwoFactorDesk(request: request)
        guard let waiting = try await desk.waiting(), waiting.challenge.kind == .code else {
            return request.redirect(to: "/sign-in")
        }
        var fields = FieldReader(form: try await request.submittedForm())
        let code = fields.text("code", maxLength: 40)
        do { try fields.finish() } catch let failure as ValidationFailure {
            return try await renderCode(request, waiting: waiting, failure: failure, status: .unprocessableEntity)
        }
        return try await answer(request, try await desk.enterCode(code!, for: waiting)) { failure in
            try await renderCode(request, waiting: waiting, failure: failure, status: .unauthorized)
        }
    }

    func setUpPage(_ request: Request) async throws -> Response {
        let desk = TwoFactorDesk(request: request)
        guard let waiting = try await desk.waiting(), waiting.challenge.kind == .setUp,
            let key = try await desk.pendingKey(for: waiting.account.id)
        else { return request.redirect(to: "/sign-in") }
        return try await renderSetUp(request, action: "/sign-in/set-up", key: key, account: waiting.account, failure: nil,
            status: .ok)
    }

    func confirmSetUp(_ request: Request) async throws -> Response {
        let desk = TwoFactorDesk(request: request)
        guard let waiting = try await desk.waiting(), waiting.challenge.kind == .setUp,
            let key = try await desk.pendingKey(for: waiting.account.id)
        else { return request.redirect(to: "/sign-in") }
        var fields = FieldReader(form: try await request.submittedForm())
        let code = fields.text("code", maxLength: 40)
        do { try fields.finish() } catch let failure as ValidationFailure {
            return try await renderSetUp(request, action: "/sign-in/set-up", key: key, account: waiting.account,
                failure: failure, status: .unprocessableEntity)
        }
        return try await answer(request, try await desk.confirmSetUp(code!, for: waiting)) { failure in
            try await renderSetUp(request, action: "/sign-in/set-up", key: key, account: waiting.account, failure: failure,
                status: .unauthorized)
        }
    }

    /// What the second step answers: the page asked for with the new session, the
    /// recovery codes once, the form again, or back to the password.
    private func answer(
        _ request: Request, _ outcome: TwoFactorDesk.Outcome,
        again: (ValidationFailure) async throws -> Response
    ) async throws -> Response {
        let routes = request.application.routes
        switch outcome {
        case .signedIn(let token, let session, let returnTo, let left):
            // A recovery code spent: the account page says how many are left.
            let target = left == nil ? SignInWebController.safeReturn(returnTo, in: routes) : "/account/two-factor?used=recovery"
            let response = request.redirect(to: target)
            signIn(response, request, token: token, session: session)
            return response
        case .setUp(let token, let session, let returnTo, let codes):
            let response = try await request.page(
                "two-factor-recovery-codes", titleKey: "two_factor.codes.title",
                RecoveryCodesContext(codes: codes, continueHref: SignInWebController.safeReturn(returnTo, in: routes)),
                status: .ok)
            signIn(response, request, token: token, session: session)
            return response
        case .wrongCode:
            return try await again(ValidationFailure([FieldError("code", .invalid("error.two_factor.wrong_code"))]))
        case .startAgain:
            let response = request.redirect(to: "/sign-in?again=two-factor")
            Self.clearChallenge(response, request)
            return response
        case .tooManyAttempts:
            let response = request.redirect(to: "/sign-in?again=too-many")
            Self.clearChallenge(response, request)
            return response
        }
    }

    private func signIn(_ response: Response, _ request: Request, token: String, session: StoredSession) {
        SignInWebController.setSessionCookie(on: response, request, token: token, expires: session.expiresAt)
        Self.clearChallenge(response, request)
    }

    static func setChallenge(on response: Response, _ request: Request, token: String, expires: Date) {
        response.cookies[TwoFactorDesk.challengeCookie] = HTTPCookies.Value(
            string: token, expires: expires, path: "/sign-in", isSecure: request.application.diogelu.secureCookies,
            isHTTPOnly: true, sameSite: .strict)
    }

    static func clearChallenge(_ response: Response, _ request: Request) {
        response.cookies[TwoFactorDesk.challengeCookie] = HTTPCookies.Value(
            string: "", expires: Date(timeIntervalSince1970: 0), path: "/sign-in",
            isSecure: request.application.diogelu.secureCookies, isHTTPOnly: true, sameSite: .strict)
    }

    private func renderCode(
        _ request: Request, waiting: TwoFactorDesk.Waiting, failure: ValidationFailure?, status: HTTPResponseStatus
    ) async throws -> Response {
        try await request.page(
            "two-factor-code", titleKey: "two_factor.code.title", CodeContext(errors: request.formErrors(failure)),
            status: status)
    }

    private func renderSetUp(
        _ request: Request, action: String, key: String, account: UserAccount, failure: ValidationFailure?,
        status: HTTPResponseStatus
    ) async throws -> Response {
        let secret = Base32.decode(key) ?? []
        return try await request.page(
            "two-factor-set-up", titleKey: "two_factor.set_up.title",
            SetUpContext(
                action: action, key: Base32.grouped(key),
                provisioningAddress: OneTimePassword.provisioningAddress(secret: secret, username: account.username, issuer: "Diogelu"),
                errors: request.formErrors(failure)),
            status: status)
    }

    // MARK: Signed in

    func accountPage(_ request: Request) async throws -> Response {
        let used = request.query[String.self, at: "used"] == "recovery"
        return try await renderAccount(request, messageKey: used ? "two_factor.account.recovery_used" : nil, failure: nil,
            status: .ok)
    }

    func startAccountSetUp(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard try await TwoFactorDesk(request: request).startSetUp(for: user) else {
            return request.redirect(to: "/account/two-factor")
        }
        return request.redirect(to: "/account/two-factor/set-up")
    }

    func accountSetUpPage(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        guard let key = try await TwoFactorDesk(request: request).pendingKey(for: user.account.id) else {
            return request.redirect(to: "/account/two-factor")
        }
        return try await renderSetUp(request, action: "/account/two-factor/set-up/confirm", key: key, account: user.account,
            failure: nil, status: .ok)
    }

    func confirmAccountSetUp(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let desk = TwoFactorDesk(request: request)
        guard let key = try await desk.pendingKey(for: user.account.id) else {
            return request.redirect(to: "/account/two-factor")
        }
        var fields = FieldReader(form: try await request.submittedForm())
        let code = fields.text("code", maxLength: 40)
        do {
            try fields.finish()
            guard let codes = try await desk.confirmSetUp(code!, for: user) else {
                throw ValidationFailure([FieldError("code", .invalid("error.two_factor.wrong_code"))])
            }
            return try await request.page(
                "two-factor-recovery-codes", titleKey: "two_factor.codes.title",
                RecoveryCodesContext(codes: codes, continueHref: "/account/two-factor"), status: .ok)
        } catch let failure as ValidationFailure {
            return try await renderSetUp(request, action: "/account/two-factor/set-up/confirm", key: key,
                account: user.account, failure: failure, status: .unprocessableEntity)
        }
    }

    func renewRecoveryCodes(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        var fields = FieldReader(form: try await request.submittedForm())
        let code = fields.text("code", maxLength: 40)
        do {
            try fields.finish()
            guard let codes = try await TwoFactorDesk(request: request).renewRecoveryCodes(code!, for: user) else {
                throw ValidationFailure([FieldError("code", .invalid("error.two_factor.wrong_code"))])
            }
            return try await request.page(
                "two-factor-recovery-codes", titleKey: "two_factor.codes.title",
                RecoveryCodesContext(codes: codes, continueHref: "/account/two-factor"), status: .ok)
        } catch let failure as ValidationFailure {
            return try await renderAccount(request, messageKey: nil, failure: failure, status: .unprocessableEntity)
        }
    }

    private func renderAccount(
        _ request: Request, messageKey: String?, failure: ValidationFailure?, status: HTTPResponseStatus
    ) async throws -> Response {
        let user = try request.requireUser()
        let credential = try await TwoFactorRepository(request.db).credential(for: user.account.id)
        let confirmed = credential?.confirmedAt
        return try await request.page(
            "account-two-factor", titleKey: "two_factor.account.title",
            AccountContext(
                isSetUp: confirmed != nil,
                isRequired: request.application.diogelu.twoFactor.isRequired(for: user.account.roles),
                setUpOn: confirmed.map { DateWording.date($0, request.language) } ?? "",
                recoveryCodesLeft: credential?.recoveryCodesLeft ?? 0, messageKey: messageKey,
                errors: request.formErrors(failure)),
            status: status)
    }

    // MARK: Administration

    func reset(_ request: Request) async throws -> Response {
        let userID = try request.identifier("userID")
        guard try await UserRepository(request.db).find(userID) != nil else { throw ProblemError.notFound }
        var fields = FieldReader(form: try await request.submittedForm())
        let reason = fields.text("reason", maxLength: 500)
        try fields.finish()
        try await AdministrationDesk(request).resetTwoFactor(of: userID, reason: reason!)
        return request.redirect(to: "/admin/users/\(userID.uuidString.lowercased())?two_factor=reset")
    }
}
