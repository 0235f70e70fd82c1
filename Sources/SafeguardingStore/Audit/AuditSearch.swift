import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// What an auditor asks of the trail: who looked at this child, what did this person
/// do, what happened between these dates.
public struct AuditQuery: Sendable, Hashable {
    /// Entries about any of these children; nil for any child.
    public var childIDs: [UUID]?
    /// Entries written by any of these accounts; nil for anyone.
    public var actorUserIDs: [UUID]?
    public var action: AuditAction?
    public var from: Date?
    public var until: Date?
    public var limit: Int
    /// How many of the newest matching entries to pass over: the page an auditor is on.
    public var offset: Int

    public init(
        childID: UUID? = nil, actorUserID: UUID? = nil, action: AuditAction? = nil, from: Date? = nil,
        until: Date? = nil, limit: Int = 200, offset: Int = 0
    ) {
        self.init(
            childIDs: childID.map { [$0] }, actorUserIDs: actorUserID.map { [$0] }, action: action, from: from,
            until: until, limit: limit, offset: offset)
    }

    public init(
        childIDs: [UUID]?, actorUserIDs: [UUID]?, action: AuditAction? = nil, from: Date? = nil, until: Date? = nil,
        limit: Int = 200, offset: Int = 0
    ) {
        self.childIDs = childIDs
        self.actorUserIDs = actorUserIDs
        self.action = action
        self.from = from
        self.until = until
        self.limit = limit
        self.offset = offset
    }
}

extension AuditTrail {
    /// Entries matching the query, newest first.
    public static func search(_ query: AuditQuery, on database: any Database) async throws -> [AuditEntry] {
        let select = matching(query, (database as! any SQLDatabase).select().column("*"))
        let rows = try await select.orderBy("sequence", .descending).limit(max(1, min(query.limit, 5_000)))
            .offset(max(0, query.offset)).all()
        return try rows.map(decodeEntry)
    }

    /// How many entries match the query, whatever page is shown.
    public static func count(_ query: AuditQuery, on database: any Database) async throws -> Int {
        let select = matching(query, (database as! any SQLDatabase).select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
        return try await select.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func matching(_ query: AuditQuery, _ start: SQLSelectBuilder) -> SQLSelectBuilder {
        var select = start.from("audit_entries")
        // An empty list matches nothing, as a search for no one should (and PostgreSQL
        // refuses an empty IN list).
        if query.childIDs?.isEmpty == true || query.actorUserIDs?.isEmpty == true {
            select = select.where("sequence", .lessThan, 0)
        }
        if let children = query.childIDs, !children.isEmpty { select = select.where("child_id", .in, children.map(key)) }
        if let actors = query.actorUserIDs, !actors.isEmpty { select = select.where("actor_user_id", .in, actors.map(key)) }
        if let action = query.action { select = select.where("action", .equal, action.rawValue) }
        if let from = query.from {
            select = select.where("occurred_at_ms", .greaterThanOrEqual, Int64(from.timeIntervalSince1970 * 1000))
        }
        if let until = query.until {
            select = select.where("occurred_at_ms", .lessThan, Int64(until.timeIntervalSince1970 * 1000))
        }
        return select
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
