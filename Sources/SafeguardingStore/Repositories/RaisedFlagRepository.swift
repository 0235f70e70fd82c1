import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// The flags agencies raise by hand (a CAWN, MARAC, MAPPA), kept with their ending so the
/// history shows when each stood.
public struct RaisedFlagRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func save(_ flag: RaisedFlag) async throws {
        try await sql.insert(into: "raised_flags")
            .columns("id", "child_id", "kind", "agency_id", "starts_on", "ends_on", "ended_on", "document")
            .values(
                SQLBind(flag.id), SQLBind(flag.childID), SQLBind(flag.kind.rawValue), SQLBind(flag.raisedByAgencyID),
                SQLBind(flag.startsOn.iso), SQLBind(flag.endsOn.iso), SQLBind(flag.endedOn?.iso),
                SQLBind(try DocumentColumn.encode(flag)))
            .onConflict(with: ["id"]) { conflict in
                conflict.set(excludedValueOf: "ends_on").set(excludedValueOf: "ended_on").set(excludedValueOf: "document")
            }
            .run()
    }

    /// Every flag raised on a child, standing or not, the newest first.
    public func flags(of childID: UUID) async throws -> [RaisedFlag] {
        let rows = try await sql.select().column("document").from("raised_flags").where("child_id", .equal, childID)
            .orderBy("starts_on", .descending).all()
        return try rows.map { try DocumentColumn.decode(RaisedFlag.self, from: try $0.decode(column: "document", as: String.self)) }
    }

    public func flag(_ id: UUID) async throws -> RaisedFlag? {
        let row = try await sql.select().column("document").from("raised_flags").where("id", .equal, id).first()
        return try row.map { try DocumentColumn.decode(RaisedFlag.self, from: try $0.decode(column: "document", as: String.self)) }
    }
}
