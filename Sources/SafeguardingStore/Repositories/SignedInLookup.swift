import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Finds who is behind a session cookie or an API token in one query, with their
/// agency: every request needs this, so it is one round trip, not three.
public struct SignedInLookup: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    fileprivate static let accountColumns = """
        u.id AS user_id, u.username, u.display_name, u.email, u.job_title, u.agency_id, u.roles, u.language, u.is_active,
        a.name AS agency_name, a.welsh_name AS agency_welsh_name, a.kind AS agency_kind, a.is_hub_member
        """

    /// Every request a browser makes reads this.
    enum SessionRead: PreparedRead {
        static let sql = """
            SELECT s.id AS session_id, s.csrf_token, s.expires_at, \(SignedInLookup.accountColumns)
            FROM sessions s JOIN users u ON u.id = s.user_id JOIN agencies a ON a.id = u.agency_id
            WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.is_active = $3
            """
    }

    /// The active account and agency of a live session, with the session.
    public func session(tokenHash: String, now: Date) async throws -> (StoredSession, UserAccount, Agency)? {
        guard let row = try await database.row(SessionRead.self, tokenHash, now, true) else { return nil }
        let (account, agency) = try Self.decode(row)
        let session = StoredSession(
            id: try row.decode(column: "session_id", as: UUID.self), userID: account.id,
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self))
        return (session, account, agency)
    }

    /// Every call to the API reads this.
    enum TokenRead: PreparedRead {
        static let sql = """
            SELECT t.expires_at AS token_expires_at, \(SignedInLookup.accountColumns)
            FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN agencies a ON a.id = u.agency_id
            WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.is_active = $2
            """
    }

    /// The active account and agency of a live, unrevoked API token.
    public func apiToken(tokenHash: String, now: Date) async throws -> (UserAccount, Agency)? {
        guard let row = try await database.row(TokenRead.self, tokenHash, true) else { return nil }
        if let expiry = try row.decode(column: "token_expires_at", as: Date?.self), expiry <= now { return nil }
        return try Self.decode(row)
    }

    private static func decode(_ row: any SQLRow) throws -> (UserAccount, Agency) {
        let agency = Agency(
            id: try row.decode(column: "agency_id", as: UUID.self), name: try row.decode(column: "agency_name", as: String.self),
            welshName: try row.decode(column: "agency_welsh_name", as: String.self),
            kind: AgencyKind(rawValue: try row.decode(column: "agency_kind", as: String.self)) ?? .thirdSector,
            isHubMember: try row.decode(column: "is_hub_member", as: Bool.self))
        let account = UserAccount(
            id: try row.decode(column: "user_id", as: UUID.self), username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            email: try row.decode(column: "email", as: String.self), jobTitle: try row.decode(column: "job_title", as: String.self),
            agencyID: agency.id, roles: UserRecord.decode(try row.decode(column: "roles", as: String.self)),
            language: Language(rawValue: try row.decode(column: "language", as: String.self)) ?? .english,
            isActive: try row.decode(column: "is_active", as: Bool.self))
        return (account, agency)
    }
}
