import FluentKit
import Foundation
import SQLKit

/// A sign-in that has passed the password and waits for the second factor. It is not a
/// session and opens no page but the one that asks for the code: kept in a table of its
/// own so that nothing which reads sessions can mistake one for the other.
public struct SignInChallenge: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A code from the authenticator app, or a recovery code.
        case code
        /// The person must set two-factor sign-in up before going on.
        case setUp = "set_up"
    }

    public var id: UUID
    public var userID: UUID
    public var kind: Kind
    public var returnTo: String
    public var failures: Int
    public var expiresAt: Date
}

public struct SignInChallengeRepository: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(_ database: any Database) {
        self.database = database
    }

    public func create(
        tokenHash: String, userID: UUID, kind: SignInChallenge.Kind, returnTo: String, now: Date, lifetime: TimeInterval
    ) async throws -> SignInChallenge {
        // One waiting sign-in per person: signing in again replaces the last.
        try await deleteAll(for: userID)
        let record = SignInChallengeRecord()
        record.id = UUID()
        record.tokenHash = tokenHash
        record.userID = userID
        record.kind = kind.rawValue
        record.returnTo = returnTo
        record.failures = 0
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: database)
        return Self.challenge(record)!
    }

    public func find(tokenHash: String, now: Date) async throws -> SignInChallenge? {
        try await SignInChallengeRecord.query(on: database).filter(\.$tokenHash == tokenHash)
            .filter(\.$expiresAt > now).first().flatMap(Self.challenge)
    }

    /// Counts one wrong code; the count after it.
    public func recordFailure(_ id: UUID) async throws -> Int {
        let rows = try await sql.update(SignInChallengeRecord.schema)
            .set(SQLIdentifier("failures"), to: SQLRaw("failures + 1")).where("id", .equal, id)
            .returning("failures").all()
        return try rows.first?.decode(column: "failures", as: Int.self) ?? Int.max
    }

    /// Ends a waiting sign-in; false when it had already ended (the same code sent twice
    /// at once: only one of them goes on to a session).
    public func finish(_ id: UUID) async throws -> Bool {
        let rows = try await sql.delete(from: SignInChallengeRecord.schema).where("id", .equal, id).returning("id").all()
        return !rows.isEmpty
    }

    public func deleteAll(for userID: UUID) async throws {
        try await SignInChallengeRecord.query(on: database).filter(\.$userID == userID).delete()
    }

    private static func challenge(_ record: SignInChallengeRecord) -> SignInChallenge? {
        guard let id = record.id, let kind = SignInChallenge.Kind(rawValue: record.kind) else { return nil }
        return SignInChallenge(
            id: id, userID: record.userID, kind: kind, returnTo: record.returnTo, failures: record.failures,
            expiresAt: record.expiresAt)
    }
}
