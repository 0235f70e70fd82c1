import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Children in care: their periods of being looked after, their placements, and the
/// safety checks of the places they are placed in. As elsewhere in the store, nothing
/// here checks access or audits: the desk does both in the same transaction.
public struct CareRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    // MARK: Periods of being looked after

    public func save(_ period: LookedAfterPeriod) async throws {
        try await sql.insert(into: "looked_after_periods")
            .columns("id", "child_id", "legal_status", "starts_on", "ends_on", "document")
            .values(
                SQLBind(period.id), SQLBind(period.childID), SQLBind(period.legalStatus.rawValue), SQLBind(period.startsOn.iso),
                SQLBind(period.endsOn?.iso), SQLBind(try DocumentColumn.encode(period)))
            .onConflict(with: ["id"]) { conflict in
                ["legal_status", "starts_on", "ends_on", "document"].reduce(conflict) { $0.set(excludedValueOf: $1) }
            }
            .run()
    }

    /// A child's periods, the most recent first.
    public func periods(of childID: UUID) async throws -> [LookedAfterPeriod] {
        try await documents(
            LookedAfterPeriod.self,
            sql.select().column("document").from("looked_after_periods").where("child_id", .equal, childID)
                .orderBy("starts_on", .descending))
    }

    /// The period standing on `day`, if the child is looked after then: one indexed read for
    /// the "looked after" flag on every page about the child.
    public func currentPeriod(of childID: UUID, on day: CalendarDay) async throws -> LookedAfterPeriod? {
        try await documents(
            LookedAfterPeriod.self,
            Self.standing(
                sql.select().column("document").from("looked_after_periods").where("child_id", .equal, childID), on: day)
                .orderBy("starts_on", .descending).limit(1)
        ).first
    }

    // MARK: Placements

    public func save(_ placement: Placement) async throws {
        try await sql.insert(into: "placements")
            .columns("id", "child_id", "period_id", "placement_type", "provider", "place_id", "starts_on", "ends_on", "document")
            .values(
                SQLBind(placement.id), SQLBind(placement.childID), SQLBind(placement.periodID),
                SQLBind(placement.type.rawValue), SQLBind(placement.provider), SQLBind(placement.placeID),
                SQLBind(placement.startsOn.iso), SQLBind(placement.endsOn?.iso), SQLBind(try DocumentColumn.encode(placement)))
            .onConflict(with: ["id"]) { conflict in
                ["ends_on", "document"].reduce(conflict) { $0.set(excludedValueOf: $1) }
            }
            .run()
    }

    /// A child's placements, the most recent first.
    public func placements(of childID: UUID) async throws -> [Placement] {
        try await documents(
            Placement.self,
            sql.select().column("document").from("placements").where("child_id", .equal, childID)
                .orderBy("starts_on", .descending))
    }

    /// Every placement made at a place, the most recent first: who has been placed there.
    public func placements(at placeID: UUID) async throws -> [Placement] {
        try await documents(
            Placement.self,
            sql.select().column("document").from("placements").where("place_id", .equal, placeID)
                .orderBy("starts_on", .descending))
    }

    /// Placements in temporary accommodation standing on `day` whose place has no safety
    /// check that still stands (``PlacementRules/lacksSafetyCheck(_:checks:on:)``), the
    /// longest waiting first. Two reads: the placements, by their typed columns, then the
    /// checks of their places.
    public func placementsLackingSafetyCheck(on day: CalendarDay, limit: Int = 1_000) async throws -> [Placement] {
        let placed = try await documents(
            Placement.self,
            Self.standing(
                sql.select().column("document").from("placements")
                    .where("placement_type", .equal, PlacementType.temporaryAccommodation.rawValue), on: day)
                .orderBy("starts_on").limit(limit))
        let checks = try await self.checks(of: placed.map(\.placeID))
        return placed.filter { PlacementRules.lacksSafetyCheck($0, checks: checks, on: day) }
    }

    // MARK: Safety checks

    public func save(_ check: SafetyCheck) async throws {
        try await sql.insert(into: "safety_checks")
            .columns("id", "place_id", "checked_on", "checked_by_id", "result", "document")
            .values(
                SQLBind(check.id), SQLBind(check.placeID), SQLBind(check.checkedOn.iso), SQLBind(check.checkedByUserID),
                SQLBind(check.result.rawValue), SQLBind(try DocumentColumn.encode(check)))
            .run()
    }

    /// The checks of these places, the most recent first.
    public func checks(of placeIDs: [UUID]) async throws -> [SafetyCheck] {
        guard !placeIDs.isEmpty else { return [] }
        return try await documents(
            SafetyCheck.self,
            sql.select().column("document").from("safety_checks").where("place_id", .in, Array(Set(placeIDs)))
                .orderBy("checked_on", .descending))
    }

    // MARK: Private

    /// Limits a query to rows standing on `day`: started by then, and not yet ended.
    private static func standing(_ query: SQLSelectBuilder, on day: CalendarDay) -> SQLSelectBuilder {
        query.where("starts_on", .lessThanOrEqual, day.iso)
            .where { $0.where("ends_on", .is, SQLLiteral.null).orWhere("ends_on", .greaterThan, day.iso) }
    }

    private func documents<Value: Decodable>(_ type: Value.Type, _ query: SQLSelectBuilder) async throws -> [Value] {
        try await query.all().map { try DocumentColumn.decode(type, from: try $0.decode(column: "document", as: String.self)) }
    }
}
