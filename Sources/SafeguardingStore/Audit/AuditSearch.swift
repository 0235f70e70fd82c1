import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// What an auditor asks of the trail: who looked at this child, what did this person
/// do, what happened between these dates.
public struct AuditQuery: Sendable, Hashable {
    public var childID: UUID?
    public var actorUserID: UUID?
    public var action: AuditAction?
    public var from: Date?
    public var until: Date?
    public var limit: Int

    public init(
        childID: UUID? = nil, actorUserID: UUID? = nil, action: AuditAction? = nil, from: Date? = nil,
        until: Date? = nil, limit: Int = 200
    ) {
        self.childID = childID
        self.actorUserID = actorUserID
        self.action = action
        self.from = from
        self.until = until
        self.limit = limit
    }
}

extension AuditTrail {
    /// Entries matching the query, newest first.
    public static func search(_ query: AuditQuery, on database: any Database) async throws -> [AuditEntry] {
        let sql = database as! any SQLDatabase
        var select = sql.select().column("*").from("audit_entries")
        if let child = query.childID { select = select.where("child_id", .equal, key(child)) }
        if let actor = query.actorUserID { select = select.where("actor_user_id", .equal, key(actor)) }
        if let action = query.action { select = select.where("action", .equal, action.rawValue) }
        if let from = query.from {
            select = select.where("occurred_at_ms", .greaterThanOrEqual, Int64(from.timeIntervalSince1970 * 1000))
        }
        if let until = query.until {
            select = select.where("occurred_at_ms", .lessThan, Int64(until.timeIntervalSince1970 * 1000))
        }
        let rows = try await select.orderBy("sequence", .descending).limit(max(1, min(query.limit, 5_000))).all()
        return try rows.map(decodeEntry)
    }

    /// The latest entries about one child, newest first: the record page lists them on
    /// every opening.
    public static func latest(aboutChild childID: UUID, limit: Int, on database: any Database) async throws -> [AuditEntry] {
        try await database.rows(LatestAboutChildRead.self, key(childID), limit).map(decodeEntry)
    }

    /// $1 the child, $2 how many.
    enum LatestAboutChildRead: PreparedRead {
        static let sql = "SELECT * FROM audit_entries WHERE child_id = $1 ORDER BY sequence DESC LIMIT $2"
    }
}
