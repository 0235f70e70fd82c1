import Fluent
import Foundation
import Synchronization
import Safeguarding
import SafeguardingStore
import Vapor

/// Signing in and out: checks a password against its bcrypt hash, slows down guessing
/// by refusing further attempts after repeated failures for one account or one client,
/// and opens a session kept in the database, or, for someone with two-factor sign-in
/// (or who must set it up), a waiting sign-in that ``TwoFactorDesk`` finishes.
struct SignInDesk {
    let request: Request

    enum Outcome {
        case signedIn(token: String, session: StoredSession)
        /// The password was right; the second factor is asked for, or must be set up.
        case secondFactor(token: String, challenge: SignInChallenge)
        case refused
        case tooManyAttempts
    }

    /// How long someone has to type the code, or to set up an app, after the password.
    static let challengeLifetime: TimeInterval = 15 * 60

    func keys(for username: String) -> (username: String, client: String) {
        let secret = request.application.diogelu.secret
        return (
            SecretHash.keyed(username.lowercased(), secret: secret),
            SecretHash.keyed(ClientAddress.of(request) ?? "unknown", secret: secret)
        )
    }

    /// Whether this account, or the client asking, has failed too often lately: wrong
    /// passwords and wrong second-factor codes count alike.
    func isLockedOut(username: String, now: Date) async throws -> Bool {
        let configuration = request.application.diogelu
        let (usernameKey, clientKey) = keys(for: username)
        let attempts = SignInAttemptRepository(request.db)
        let since = now.addingTimeInterval(-configuration.signInWindow)
        let accountFailures = try await attempts.failures(usernameKey: usernameKey, since: since)
        let clientFailures = try await attempts.failures(clientKey: clientKey, since: since)
        return accountFailures >= configuration.signInFailuresPerAccount || clientFailures >= configuration.signInFailuresPerClient
    }

    func signIn(username: String, password: String, returnTo: String) async throws -> Outcome {
        let configuration = request.application.diogelu
        let now = Date()
        let (usernameKey, clientKey) = keys(for: username)
        if try await isLockedOut(username: username, now: now) { return .tooManyAttempts }
        let credentials = try await UserRepository(request.db).credentials(username: username)
        // Verify against a real hash even for an unknown username, of the same cost as
        // every account's, so the time taken does not tell a guesser which usernames exist
        // (a decoy of cost 10 answered unknown names in a quarter of the time).
        let cost = configuration.bcryptCost
        let stored = credentials?.passwordHash
        // Bcrypt is slow on purpose: it runs on the blocking pool, not on one of the two
        // threads every other request shares.
        let matches = (try? await request.application.threadPool.runIfActive(eventLoop: request.eventLoop) {
            try Bcrypt.verify(password, created: stored ?? Self.decoyHash(cost: cost))
        }.get()) ?? false
        guard let credentials, matches, credentials.account.isActive,
            let agency = try await AgencyRepository(request.db).find(credentials.account.agencyID)
        else {
            try await request.store.transaction { db in
                try await SignInAttemptRepository(db).record(
                    usernameKey: usernameKey, clientKey: clientKey, succeeded: false, at: now)
                try await AuditTrail.append(
                    AuditEvent(
                        actorUserID: credentials?.account.id, actorName: credentials?.account.displayName ?? "",
                        agencyID: credentials?.account.agencyID, roles: [], action: .signInRefused,
                        requestID: request.requestID), on: db)
            }
            return .refused
        }
        let account = credentials.account
        let secondFactor = try await TwoFactorRepository(request.db).credential(for: account.id)
        let kind: SignInChallenge.Kind? =
            secondFactor?.isConfirmed == true ? .code
            : configuration.twoFactor.isRequired(for: account.roles) ? .setUp : nil
        guard let kind else {
            let (token, session) = try await openSession(for: account, agency: agency, now: now) { db in
                try await SignInAttemptRepository(db).record(
                    usernameKey: usernameKey, clientKey: clientKey, succeeded: true, at: now)
            }
            return .signedIn(token: token, session: session)
        }
        let token = SecretHash.randomToken()
        let challenge = try await request.store.transaction { db in
            if kind == .setUp {
                _ = try await TwoFactorRepository(db).startSetUp(
                    userID: account.id, secret: Base32.encode(OneTimePassword.newSecret()), now: now)
            }
            return try await SignInChallengeRepository(db).create(
                tokenHash: SecretHash.sha256(token), userID: account.id, kind: kind, returnTo: returnTo, now: now,
                lifetime: Self.challengeLifetime)
        }
        return .secondFactor(token: token, challenge: challenge)
    }

    /// Opens a session for someone who has proved who they are, audited as a sign-in,
    /// with whatever else must be written with it in the same transaction.
    func openSession(
        for account: UserAccount, agency: Agency, now: Date, detail: String = "",
        alongside: @escaping @Sendable (any Database) async throws -> Void = { _ in }
    ) async throws -> (String, StoredSession) {
        let configuration = request.application.diogelu
        let token = SecretHash.randomToken()
        let user = SignedInUser(account: account, agency: agency, session: nil)
        let requestID = request.requestID
        let session = try await request.store.transaction { db in
            try await alongside(db)
            let session = try await SessionRepository(db).create(
                tokenHash: SecretHash.sha256(token), userID: account.id, csrfToken: SecretHash.randomToken(),
                now: now, lifetime: configuration.sessionLifetime)
            try await AuditTrail.append(user.auditEvent(.signedIn, detail: detail, requestID: requestID), on: db)
            return session
        }
        return (token, session)
    }

    func signOut() async throws {
        guard let user = request.signedInUser, let session = user.session else { return }
        let requestID = request.requestID
        try await request.store.transaction { db in
            try await SessionRepository(db).delete(id: session.id)
            try await AuditTrail.append(user.auditEvent(.signedOut, requestID: requestID), on: db)
        }
    }

    /// A bcrypt hash of a random string at `cost`, computed once for each cost.
    static func decoyHash(cost: Int) -> String {
        decoys.withLock { decoys in
            if let known = decoys[cost] { return known }
            let made = (try? Bcrypt.hash(SecretHash.randomToken(), cost: cost)) ?? ""
            decoys[cost] = made
            return made
        }
    }

    private static let decoys = Mutex<[Int: String]>([:])
}
