import FluentKit
import Foundation

/// A signed-in browser session as the web target needs it.
public struct StoredSession: Sendable, Hashable {
    public var id: UUID
    public var userID: UUID
    public var csrfToken: String
    public var expiresAt: Date
}

/// Sessions live in the database so that any web process behind a load balancer can
/// serve any request, and so that signing out or deactivating an account takes effect
/// everywhere at once.
public struct SessionRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func create(tokenHash: String, userID: UUID, csrfToken: String, now: Date, lifetime: TimeInterval) async throws
        -> StoredSession
    {
        let record = SessionRecord(
            tokenHash: tokenHash, userID: userID, csrfToken: csrfToken, createdAt: now,
            expiresAt: now.addingTimeInterval(lifetime))
        try await record.create(on: database)
        return StoredSession(id: record.id!, userID: userID, csrfToken: csrfToken, expiresAt: record.expiresAt)
    }

    public func delete(id: UUID) async throws {
        try await SessionRecord.query(on: database).filter(\.$id == id).delete()
    }

    public func deleteAll(for userID: UUID) async throws {
        try await SessionRecord.query(on: database).filter(\.$userID == userID).delete()
    }
}
