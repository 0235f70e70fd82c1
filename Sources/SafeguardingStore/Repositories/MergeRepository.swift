import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// A merge of one child's duplicate record into another, as history.
public struct RecordMerge: Sendable, Hashable {
    public var id: UUID
    public var keptChildID: UUID
    public var mergedChildID: UUID
    public var mergedBy: UUID
    public var mergedAt: Date
    public var reason: String
    public var unmergedAt: Date?
}

/// Merges and unmerges children's records. Nothing is deleted: the merged record stays,
/// pointing at the kept one, its referrals and family still its own, so an unmerge puts
/// everything back exactly as it was.
public struct MergeRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// The record a child's record was merged into, if it was.
    public func mergedInto(_ childID: UUID) async throws -> UUID? {
        try await sql.select().column("merged_into_id").from("children").where("id", .equal, childID).first()?
            .decode(column: "merged_into_id", as: UUID?.self)
    }

    public func merge(_ mergedChildID: UUID, into keptChildID: UUID, by userID: UUID, reason: String, at now: Date)
        async throws -> UUID
    {
        let id = UUID()
        try await sql.update("children").set("merged_into_id", to: keptChildID).where("id", .equal, mergedChildID).run()
        // Records merged earlier into the merged one follow it to the kept record.
        try await sql.update("children").set("merged_into_id", to: keptChildID)
            .where("merged_into_id", .equal, mergedChildID).run()
        try await sql.insert(into: "child_merges")
            .columns("id", "kept_child_id", "merged_child_id", "merged_by", "merged_at", "reason")
            .values(SQLBind(id), SQLBind(keptChildID), SQLBind(mergedChildID), SQLBind(userID), SQLBind(now), SQLBind(reason))
            .run()
        return id
    }

    public func unmerge(_ mergedChildID: UUID, by userID: UUID, reason: String, at now: Date) async throws {
        try await sql.update("children").set("merged_into_id", to: SQLLiteral.null).where("id", .equal, mergedChildID).run()
        try await sql.update("child_merges")
            .set("unmerged_by", to: userID).set("unmerged_at", to: now).set("unmerge_reason", to: reason)
            .where("merged_child_id", .equal, mergedChildID).where("unmerged_at", .is, SQLLiteral.null).run()
    }

    /// The records currently merged into this one.
    public func mergedRecords(of keptChildID: UUID) async throws -> [UUID] {
        try await sql.select().column("id").from("children").where("merged_into_id", .equal, keptChildID).all()
            .map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Every merge and unmerge touching this record, newest first.
    public func history(of childID: UUID) async throws -> [RecordMerge] {
        let rows = try await sql.select().column("*").from("child_merges")
            .where("kept_child_id", .equal, childID).orWhere("merged_child_id", .equal, childID)
            .orderBy("merged_at", .descending).all()
        return try rows.map { row in
            RecordMerge(
                id: try row.decode(column: "id", as: UUID.self),
                keptChildID: try row.decode(column: "kept_child_id", as: UUID.self),
                mergedChildID: try row.decode(column: "merged_child_id", as: UUID.self),
                mergedBy: try row.decode(column: "merged_by", as: UUID.self),
                mergedAt: try row.decode(column: "merged_at", as: Date.self),
                reason: try row.decode(column: "reason", as: String.self),
                unmergedAt: try row.decode(column: "unmerged_at", as: Date?.self))
        }
    }
}
