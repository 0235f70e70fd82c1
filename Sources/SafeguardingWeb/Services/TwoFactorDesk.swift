import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The second step of signing in, and setting two-factor sign-in up: checks a code from
/// the authenticator app (RFC 6238) or a one-time recovery code, and only then opens the
/// session. Wrong codes count against the account like wrong passwords; five on one
/// waiting sign-in end it, and the password must be given again.
struct TwoFactorDesk {
    let request: Request

    static let challengeCookie = "diogelu_sign_in"
    static let failuresPerChallenge = 5

    /// The waiting sign-in this browser carries, with its active account.
    struct Waiting {
        var challenge: SignInChallenge
        var account: UserAccount
        var agency: Agency
    }

    enum Outcome {
        case signedIn(token: String, session: StoredSession, returnTo: String, recoveryCodesLeft: Int?)
        /// Set-up finished: the new recovery codes are shown once, then the person goes on.
        case setUp(token: String, session: StoredSession, returnTo: String, recoveryCodes: [String])
        case wrongCode
        /// Too many wrong codes, or the waiting sign-in ended: start again with the password.
        case startAgain
        case tooManyAttempts
    }

    func waiting() async throws -> Waiting? {
        guard let token = request.cookies[Self.challengeCookie]?.string, !token.isEmpty,
            let challenge = try await SignInChallengeRepository(request.db).find(tokenHash: SecretHash.sha256(token), now: Date()),
            let account = try await UserRepository(request.db).find(challenge.userID), account.isActive,
            let agency = try await AgencyRepository(request.db).find(account.agencyID)
        else { return nil }
        return Waiting(challenge: challenge, account: account, agency: agency)
    }

    /// The key waiting to be confirmed, for the set-up page.
    func pendingKey(for userID: UUID) async throws -> String? {
        guard let credential = try await TwoFactorRepository(request.db).credential(for: userID), !credential.isConfirmed
        else { return nil }
        return credential.secret
    }

    /// Checks a code for a waiting sign-in of kind `.code`.
    func enterCode(_ typed: String, for waiting: Waiting) async throws -> Outcome {
        let now = Date()
        let signIn = SignInDesk(request: request)
        if try await signIn.isLockedOut(username: waiting.account.username, now: now) { return .tooManyAttempts }
        let repository = TwoFactorRepository(request.db)
        guard let credential = try await repository.credential(for: waiting.account.id), credential.isConfirmed,
            let secret = Base32.decode(credential.secret)
        else { return .startAgain }
        let challengeID = waiting.challenge.id, userID = waiting.account.id
        if let step = OneTimePassword(secret: secret).step(matching: Self.digits(typed), at: now, after: credential.lastUsedStep) {
            let opened = try await finish(waiting, now: now, detail: "second_factor=app") { db in
                guard try await TwoFactorRepository(db).recordUse(userID: userID, step: step) else { return false }
                return try await SignInChallengeRepository(db).finish(challengeID)
            }
            if let (token, session) = opened {
                return .signedIn(token: token, session: session, returnTo: waiting.challenge.returnTo, recoveryCodesLeft: nil)
            }
        } else if let code = RecoveryCode.normalised(typed) {
            let hash = RecoveryCode.hash(code, for: userID)
            let user = SignedInUser(account: waiting.account, agency: waiting.agency, session: nil)
            let requestID = request.requestID
            let opened = try await finish(waiting, now: now, detail: "second_factor=recovery_code") { db in
                guard try await TwoFactorRepository(db).spendRecoveryCode(userID: userID, codeHash: hash, now: now) else {
                    return false
                }
                try await AuditTrail.append(user.auditEvent(.recoveryCodeUsed, subjectID: userID, requestID: requestID), on: db)
                return try await SignInChallengeRepository(db).finish(challengeID)
            }
            if let (token, session) = opened {
                let left = try await repository.credential(for: userID)?.recoveryCodesLeft ?? 0
                return .signedIn(token: token, session: session, returnTo: waiting.challenge.returnTo, recoveryCodesLeft: left)
            }
        }
        return try await refuse(waiting, now: now)
    }

    /// Confirms set-up at sign-in with the first code from the new key.
    func confirmSetUp(_ typed: String, for waiting: Waiting) async throws -> Outcome {
        let now = Date()
        if try await SignInDesk(request: request).isLockedOut(username: waiting.account.username, now: now) {
            return .tooManyAttempts
        }
        guard let key = try await pendingKey(for: waiting.account.id), let secret = Base32.decode(key) else {
            return .startAgain
        }
        guard let step = OneTimePassword(secret: secret).step(matching: Self.digits(typed), at: now, after: nil) else {
            return try await refuse(waiting, now: now)
        }
        let userID = waiting.account.id, challengeID = waiting.challenge.id
        let (codes, hashes) = RecoveryCode.newSet(for: userID)
        let user = SignedInUser(account: waiting.account, agency: waiting.agency, session: nil)
        let requestID = request.requestID
        let opened = try await finish(waiting, now: now, detail: "second_factor=set_up") { db in
            guard try await TwoFactorRepository(db).confirm(userID: userID, step: step, recoveryCodeHashes: hashes, now: now)
            else { return false }
            try await AuditTrail.append(user.auditEvent(.twoFactorEnrolled, subjectID: userID, requestID: requestID), on: db)
            return try await SignInChallengeRepository(db).finish(challengeID)
        }
        guard let (token, session) = opened else { return .startAgain }
        return .setUp(token: token, session: session, returnTo: waiting.challenge.returnTo, recoveryCodes: codes)
    }

    /// Opens the session in the same transaction as `claim`, which spends the code and
    /// ends the waiting sign-in; nil, and nothing written, when the claim fails (a code
    /// already used, a race lost).
    private func finish(
        _ waiting: Waiting, now: Date, detail: String, claim: @escaping @Sendable (any Database) async throws -> Bool
    ) async throws -> (String, StoredSession)? {
        do {
            return try await SignInDesk(request: request).openSession(
                for: waiting.account, agency: waiting.agency, now: now, detail: detail
            ) { db in
                guard try await claim(db) else { throw ClaimLost() }
            }
        } catch is ClaimLost {
            return nil
        }
    }

    private struct ClaimLost: Error {}

    /// A wrong code: counted against the account and this waiting sign-in, and audited.
    private func refuse(_ waiting: Waiting, now: Date) async throws -> Outcome {
        let (usernameKey, clientKey) = SignInDesk(request: request).keys(for: waiting.account.username)
        let user = SignedInUser(account: waiting.account, agency: waiting.agency, session: nil)
        let requestID = request.requestID, challengeID = waiting.challenge.id
        let failures = try await request.store.transaction { db in
            try await SignInAttemptRepository(db).record(usernameKey: usernameKey, clientKey: clientKey, succeeded: false, at: now)
            try await AuditTrail.append(user.auditEvent(.twoFactorRefused, subjectID: user.account.id, requestID: requestID), on: db)
            let failures = try await SignInChallengeRepository(db).recordFailure(challengeID)
            if failures >= Self.failuresPerChallenge { _ = try await SignInChallengeRepository(db).finish(challengeID) }
            return failures
        }
        return failures >= Self.failuresPerChallenge ? .startAgain : .wrongCode
    }

    /// The digits of a code as typed: people type spaces, as the app shows them.
    static func digits(_ typed: String) -> String {
        typed.filter { $0 != " " && $0 != "-" }
    }
}

// MARK: Signed in: setting up from the account page, and new recovery codes

extension TwoFactorDesk {
    /// Keeps a new key waiting for its first code; false when two-factor sign-in is set
    /// up already (a new key then takes a reset by an administrator).
    func startSetUp(for user: SignedInUser) async throws -> Bool {
        let userID = user.account.id
        return try await request.store.transaction { db in
            try await TwoFactorRepository(db).startSetUp(
                userID: userID, secret: Base32.encode(OneTimePassword.newSecret()), now: Date())
        }
    }

    /// Confirms a key set up while signed in; the recovery codes, or nil for a wrong code.
    func confirmSetUp(_ typed: String, for user: SignedInUser) async throws -> [String]? {
        let now = Date()
        guard let key = try await pendingKey(for: user.account.id), let secret = Base32.decode(key),
            let step = OneTimePassword(secret: secret).step(matching: Self.digits(typed), at: now, after: nil)
        else {
            try await auditRefusal(of: user)
            return nil
        }
        let userID = user.account.id, requestID = request.requestID
        let (codes, hashes) = RecoveryCode.newSet(for: userID)
        let confirmed = try await request.store.transaction { db in
            guard try await TwoFactorRepository(db).confirm(userID: userID, step: step, recoveryCodeHashes: hashes, now: now)
            else { return false }
            try await AuditTrail.append(user.auditEvent(.twoFactorEnrolled, subjectID: userID, requestID: requestID), on: db)
            return true
        }
        return confirmed ? codes : nil
    }

    /// Ten new recovery codes in place of the old, for a current code from the app: a
    /// session left open on a shared computer must not be enough to mint them.
    func renewRecoveryCodes(_ typed: String, for user: SignedInUser) async throws -> [String]? {
        let now = Date()
        let signIn = SignInDesk(request: request)
        let userID = user.account.id, requestID = request.requestID
        guard !(try await signIn.isLockedOut(username: user.account.username, now: now)),
            let credential = try await TwoFactorRepository(request.db).credential(for: userID), credential.isConfirmed,
            let secret = Base32.decode(credential.secret),
            let step = OneTimePassword(secret: secret).step(matching: Self.digits(typed), at: now, after: credential.lastUsedStep)
        else {
            let (usernameKey, clientKey) = signIn.keys(for: user.account.username)
            try await request.store.transaction { db in
                try await SignInAttemptRepository(db).record(usernameKey: usernameKey, clientKey: clientKey, succeeded: false, at: now)
            }
            try await auditRefusal(of: user)
            return nil
        }
        let (codes, hashes) = RecoveryCode.newSet(for: userID)
        let renewed = try await request.store.transaction { db in
            let repository = TwoFactorRepository(db)
            guard try await repository.recordUse(userID: userID, step: step) else { return false }
            try await repository.replaceRecoveryCodes(userID: userID, with: hashes)
            try await AuditTrail.append(user.auditEvent(.recoveryCodesRenewed, subjectID: userID, requestID: requestID), on: db)
            return true
        }
        return renewed ? codes : nil
    }

    private func auditRefusal(of user: SignedInUser) async throws {
        let requestID = request.requestID
        try await request.store.transaction { db in
            try await AuditTrail.append(user.auditEvent(.twoFactorRefused, subjectID: user.account.id, requestID: requestID), on: db)
        }
    }
}
