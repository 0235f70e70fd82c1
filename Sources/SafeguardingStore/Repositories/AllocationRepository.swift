import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Teams, their members, and the allocation of children's cases. Nothing here checks
/// access or writes the audit trail: the desk does both, in the same transaction.
public struct AllocationRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    var sql: any SQLDatabase { database as! any SQLDatabase }

    // MARK: Teams

    public func save(_ team: Team) async throws {
        try await sql.insert(into: "teams").columns("id", "agency_id", "name", "welsh_name")
            .values(SQLBind(team.id), SQLBind(team.agencyID), SQLBind(team.name), SQLBind(team.welshName))
            .onConflict(with: ["id"]) { $0.set(excludedValueOf: "name").set(excludedValueOf: "welsh_name") }
            .run()
    }

    /// Every team, by name.
    public func teams() async throws -> [Team] {
        try await sql.select().columns("id", "agency_id", "name", "welsh_name").from("teams").orderBy("name").all().map(Self.team)
    }

    /// Puts a person in a team, out of any other.
    public func setTeam(of userID: UUID, to teamID: UUID) async throws {
        try await sql.insert(into: "team_members").columns("user_id", "team_id").values(SQLBind(userID), SQLBind(teamID))
            .onConflict(with: ["user_id"]) { $0.set(excludedValueOf: "team_id") }
            .run()
    }

    /// Each team's members.
    public func members() async throws -> [UUID: Set<UUID>] {
        var members: [UUID: Set<UUID>] = [:]
        for row in try await sql.select().columns("user_id", "team_id").from("team_members").all() {
            members[try row.decode(column: "team_id", as: UUID.self), default: []].insert(try row.decode(column: "user_id", as: UUID.self))
        }
        return members
    }

    public func team(of userID: UUID) async throws -> UUID? {
        try await sql.select().column("team_id").from("team_members").where("user_id", .equal, userID).first()?
            .decode(column: "team_id", as: UUID.self)
    }

    // MARK: Allocations

    public func save(_ allocation: CaseAllocation) async throws {
        try await sql.insert(into: "case_allocations")
            .columns("id", "child_id", "team_id", "worker_user_id", "allocated_at", "allocated_by_user_id", "reason", "ended_at")
            .values(SQLBind(allocation.id), SQLBind(allocation.childID), SQLBind(allocation.teamID), SQLBind(allocation.workerUserID),
                SQLBind(allocation.allocatedAt), SQLBind(allocation.allocatedByUserID), SQLBind(allocation.reason),
                SQLBind(allocation.endedAt))
            .onConflict(with: ["id"]) { $0.set(excludedValueOf: "ended_at") }
            .run()
    }

    /// A child's allocations, the most recent first.
    public func history(of childID: UUID) async throws -> [CaseAllocation] {
        try await select().where("child_id", .equal, childID).orderBy("allocated_at", .descending).all().map(Self.allocation)
    }

    /// The allocation standing for each of these children.
    public func current(of childIDs: [UUID]) async throws -> [UUID: CaseAllocation] {
        guard !childIDs.isEmpty else { return [:] }
        let rows = try await select().where("child_id", .in, childIDs).where("ended_at", .is, SQLLiteral.null).all()
        return Dictionary(try rows.map(Self.allocation).map { ($0.childID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Who holds the child's case now, with the team and the worker's name, in one read:
    /// every view of the record shows it.
    public func holder(of childID: UUID) async throws -> (team: Team, workerName: String?)? {
        let row = try await sql.select()
            .column(SQLColumn("id", table: "teams")).column(SQLColumn("agency_id", table: "teams"))
            .column(SQLColumn("name", table: "teams")).column(SQLColumn("welsh_name", table: "teams"))
            .column(SQLAlias(SQLColumn("display_name", table: "users"), as: SQLIdentifier("worker_name")))
            .from("case_allocations")
            .join("teams", on: SQLColumn("team_id", table: "case_allocations"), .equal, SQLColumn("id", table: "teams"))
            .join("users", method: SQLJoinMethod.left, on: SQLColumn("worker_user_id", table: "case_allocations"), .equal,
                SQLColumn("id", table: "users"))
            .where(SQLColumn("child_id", table: "case_allocations"), .equal, SQLBind(childID))
            .where(SQLColumn("ended_at", table: "case_allocations"), .is, SQLLiteral.null)
            .first()
        guard let row else { return nil }
        return (try Self.team(row), try row.decode(column: "worker_name", as: String?.self))
    }

    /// The children whose case a worker holds now.
    public func children(allocatedTo workerID: UUID) async throws -> Set<UUID> {
        Set(try await sql.select().column("child_id").from("case_allocations").where("worker_user_id", .equal, workerID)
            .where("ended_at", .is, SQLLiteral.null).all().map { try $0.decode(column: "child_id", as: UUID.self) })
    }

    /// How many cases each worker of each team holds now, in one read; `nil` counts those
    /// waiting in the team for a worker.
    public func caseloads() async throws -> [UUID: [UUID?: Int]] {
        let rows = try await sql.select().column("team_id").column("worker_user_id")
            .column(SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("cases")))
            .from("case_allocations").where("ended_at", .is, SQLLiteral.null)
            .groupBy("team_id").groupBy("worker_user_id").all()
        var loads: [UUID: [UUID?: Int]] = [:]
        for row in rows {
            loads[try row.decode(column: "team_id", as: UUID.self), default: [:]][try row.decode(column: "worker_user_id", as: UUID?.self)] =
                try row.decode(column: "cases", as: Int.self)
        }
        return loads
    }

    private func select() -> SQLSelectBuilder {
        sql.select().columns("id", "child_id", "team_id", "worker_user_id", "allocated_at", "allocated_by_user_id", "reason", "ended_at")
            .from("case_allocations")
    }

    private static func team(_ row: any SQLRow) throws -> Team {
        Team(id: try row.decode(column: "id", as: UUID.self), agencyID: try row.decode(column: "agency_id", as: UUID.self),
            name: try row.decode(column: "name", as: String.self), welshName: try row.decode(column: "welsh_name", as: String.self))
    }

    private static func allocation(_ row: any SQLRow) throws -> CaseAllocation {
        CaseAllocation(
            id: try row.decode(column: "id", as: UUID.self), childID: try row.decode(column: "child_id", as: UUID.self),
            teamID: try row.decode(column: "team_id", as: UUID.self),
            workerUserID: try row.decode(column: "worker_user_id", as: UUID?.self),
            allocatedAt: try row.decode(column: "allocated_at", as: Date.self),
            allocatedByUserID: try row.decode(column: "allocated_by_user_id", as: UUID.self),
            reason: try row.decode(column: "reason", as: String.self), endedAt: try row.decode(column: "ended_at", as: Date?.self))
    }
}
