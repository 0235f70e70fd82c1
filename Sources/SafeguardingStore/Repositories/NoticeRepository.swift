import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// A message waiting in the outbox, written in the recipient's language.
public struct Notice: Sendable, Hashable {
    public var id: UUID
    public var kind: String
    public var referralID: UUID?
    public var recipientUserID: UUID
    public var language: Language
    public var subject: String
    public var body: String
    public var createdAt: Date
    public var sentAt: Date?
    public var attempts: Int

    public init(
        id: UUID = UUID(), kind: String, referralID: UUID?, recipientUserID: UUID, language: Language, subject: String,
        body: String, createdAt: Date, sentAt: Date? = nil, attempts: Int = 0
    ) {
        self.id = id
        self.kind = kind
        self.referralID = referralID
        self.recipientUserID = recipientUserID
        self.language = language
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.attempts = attempts
    }
}

/// The outbox: notices are written in the same transaction as the decision they report,
/// and delivered afterwards, so a decision is never recorded without its notice nor a
/// notice sent for a decision that was rolled back.
public struct NoticeRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func enqueue(_ notice: Notice) async throws {
        try await sql.insert(into: "notices")
            .columns("id", "kind", "referral_id", "recipient_user_id", "language", "subject", "body", "created_at", "attempts")
            .values(
                SQLBind(notice.id), SQLBind(notice.kind), SQLBind(notice.referralID), SQLBind(notice.recipientUserID),
                SQLBind(notice.language.rawValue), SQLBind(notice.subject), SQLBind(notice.body), SQLBind(notice.createdAt),
                SQLBind(0))
            .run()
    }

    public func unsent(limit: Int = 50) async throws -> [Notice] {
        try await query { $0.where("sent_at", .is, SQLLiteral.null).where("attempts", .lessThan, 10).orderBy("created_at").limit(limit) }
    }

    public func forRecipient(_ userID: UUID) async throws -> [Notice] {
        try await query { $0.where("recipient_user_id", .equal, userID).orderBy("created_at", .descending) }
    }

    public func markSent(_ id: UUID, at now: Date) async throws {
        try await sql.update("notices").set("sent_at", to: now).set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1"))
            .where("id", .equal, id).run()
    }

    /// Records a failed attempt; `reason` must not contain personal data.
    public func markFailed(_ id: UUID, reason: String) async throws {
        try await sql.update("notices").set("last_error", to: reason)
            .set(SQLIdentifier("attempts"), to: SQLRaw("attempts + 1")).where("id", .equal, id).run()
    }

    private func query(_ shape: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [Notice] {
        let rows = try await shape(sql.select().column("*").from("notices")).all()
        return try rows.map { row in
            Notice(
                id: try row.decode(column: "id", as: UUID.self), kind: try row.decode(column: "kind", as: String.self),
                referralID: try row.decode(column: "referral_id", as: UUID?.self),
                recipientUserID: try row.decode(column: "recipient_user_id", as: UUID.self),
                language: Language(rawValue: try row.decode(column: "language", as: String.self)) ?? .english,
                subject: try row.decode(column: "subject", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                sentAt: try row.decode(column: "sent_at", as: Date?.self),
                attempts: try row.decode(column: "attempts", as: Int.self))
        }
    }
}
