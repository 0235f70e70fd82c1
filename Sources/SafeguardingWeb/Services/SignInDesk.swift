import Fluent
import Foundation
import Synchronization
import Safeguarding
import SafeguardingStore
import Vapor

/// Signing in and out: checks a password against its bcrypt hash, slows down guessing
/// by refusing further attempts after repeated failures for one account or one client,
/// and opens a session kept in the database.
struct SignInDesk {
    let request: Request

    enum Outcome {
        case signedIn(token: String, session: StoredSession)
        case refused
        case tooManyAttempts
    }

    func signIn(username: String, password: String) async throws -> Outcome {
        let configuration = request.application.diogelu
        let now = Date()
        let usernameKey = SecretHash.keyed(username.lowercased(), secret: configuration.secret)
        let clientKey = SecretHash.keyed(ClientAddress.of(request) ?? "unknown", secret: configuration.secret)
        let attempts = SignInAttemptRepository(request.db)
        let since = now.addingTimeInterval(-configuration.signInWindow)
        let accountFailures = try await attempts.failures(usernameKey: usernameKey, since: since)
        let clientFailures = try await attempts.failures(clientKey: clientKey, since: since)
        if accountFailures >= configuration.signInFailuresPerAccount || clientFailures >= configuration.signInFailuresPerClient {
            return .tooManyAttempts
        }
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
        let token = SecretHash.randomToken()
        let user = SignedInUser(account: credentials.account, agency: agency, session: nil)
        let requestID = request.requestID
        let session = try await request.store.transaction { db in
            try await SignInAttemptRepository(db).record(
                usernameKey: usernameKey, clientKey: clientKey, succeeded: true, at: now)
            let session = try await SessionRepository(db).create(
                tokenHash: SecretHash.sha256(token), userID: credentials.account.id, csrfToken: SecretHash.randomToken(),
                now: now, lifetime: configuration.sessionLifetime)
            try await AuditTrail.append(user.auditEvent(.signedIn, requestID: requestID), on: db)
            return session
        }
        return .signedIn(token: token, session: session)
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
