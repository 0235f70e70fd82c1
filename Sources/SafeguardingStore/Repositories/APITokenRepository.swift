import FluentKit
import Foundation

/// An issued API token as administrators see it: never the token itself.
public struct IssuedAPIToken: Sendable, Hashable, Codable {
    public var id: UUID
    public var userID: UUID
    public var label: String
    public var issuedBy: UUID
    public var issuedAt: Date
    public var expiresAt: Date?
    public var revokedAt: Date?

    public var isActive: Bool { revokedAt == nil }
}

/// Bearer tokens for the JSON API, issued and revoked by administrators.
public struct APITokenRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func issue(userID: UUID, tokenHash: String, label: String, issuedBy: UUID, now: Date, expiresAt: Date?)
        async throws -> IssuedAPIToken
    {
        let record = APITokenRecord()
        record.id = UUID()
        record.userID = userID
        record.tokenHash = tokenHash
        record.label = label
        record.issuedBy = issuedBy
        record.issuedAt = now
        record.expiresAt = expiresAt
        try await record.create(on: database)
        return Self.issued(record)
    }

    public func all() async throws -> [IssuedAPIToken] {
        try await APITokenRecord.query(on: database).sort(\.$issuedAt, .descending).all().map(Self.issued)
    }

    public func find(_ id: UUID) async throws -> IssuedAPIToken? {
        try await APITokenRecord.find(id, on: database).map(Self.issued)
    }

    /// Revokes every token of one account: its password was changed, or it was
    /// deactivated, so nothing issued before may act for it again.
    public func revokeAll(for userID: UUID, now: Date) async throws {
        try await APITokenRecord.query(on: database).filter(\.$userID == userID).filter(\.$revokedAt == nil)
            .set(\.$revokedAt, to: now).update()
    }

    public func revoke(_ id: UUID, now: Date) async throws {
        guard let record = try await APITokenRecord.find(id, on: database) else { throw StoreError.notFound }
        if record.revokedAt == nil {
            record.revokedAt = now
            try await record.update(on: database)
        }
    }

    static func issued(_ record: APITokenRecord) -> IssuedAPIToken {
        IssuedAPIToken(
            id: record.id!, userID: record.userID, label: record.label, issuedBy: record.issuedBy,
            issuedAt: record.issuedAt, expiresAt: record.expiresAt, revokedAt: record.revokedAt)
    }
}
