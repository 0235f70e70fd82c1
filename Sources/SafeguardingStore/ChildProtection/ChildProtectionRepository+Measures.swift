import Foundation
import SQLKit
import Safeguarding

/// The child protection measures counted by the database from the typed columns, per
/// event, as ``ChildProtectionMeasures/compute(from:now:calendar:during:)`` defines them:
/// a handful of aggregate reads whatever the number of children.
extension ChildProtectionRepository {
    public func measures(during period: Range<Date>?, now: Date) async throws -> ChildProtectionMeasures {
        func within(_ column: String, _ query: SQLSelectBuilder) -> SQLSelectBuilder {
            guard let period else { return query.where(SQLIdentifier(column), .isNot, SQLLiteral.null) }
            return query.where(SQLIdentifier(column), .greaterThanOrEqual, SQLBind(period.lowerBound))
                .where(SQLIdentifier(column), .lessThan, SQLBind(period.upperBound))
        }
        // PostgreSQL sums a bigint column to a numeric: cast back, on both engines alike.
        func sum(_ expression: String, as alias: String) -> any SQLExpression {
            SQLAlias(SQLRaw("CAST(SUM(\(expression)) AS BIGINT)"), as: SQLIdentifier(alias))
        }
        func whenTrue(_ column: String, as alias: String) -> any SQLExpression {
            sum("CASE WHEN \(column) THEN 1 ELSE 0 END", as: alias)
        }
        let count = SQLAlias(SQLFunction("COUNT", args: SQLLiteral.all), as: SQLIdentifier("events"))
        let meetings = ChildProtectionTable.meetings.rawValue

        let held = try await within("held_at", sql.select().column(count).column(whenTrue("held_late", as: "late"))
            .column(sum("working_days_to_hold", as: "days"))
            .from(meetings)).first()
        let heldCount = try held?.decode(column: "events", as: Int.self) ?? 0
        let days = try held?.decode(column: "days", as: Int?.self) ?? nil

        let circulated = try await within("minutes_circulated_at", sql.select().column(count)
            .column(whenTrue("minutes_late", as: "late")).from(meetings)).first()
        let overdue = try await sql.select().column(count).from(meetings)
            .where("minutes_circulated_at", .is, SQLLiteral.null).where("minutes_due_at", .lessThan, SQLBind(now)).first()

        var conferences: [ConferenceKind: (held: Int, onTime: Int)] = [:]
        for row in try await within("held_at", sql.select().column("conference_kind").column(count)
            .column(whenTrue("held_on_time", as: "on_time")).from(ChildProtectionTable.conferences.rawValue))
            .groupBy("conference_kind").all()
        {
            guard let kind = ConferenceKind(rawValue: try row.decode(column: "conference_kind", as: String.self)) else { continue }
            conferences[kind] = (try row.decode(column: "events", as: Int.self), try row.decode(column: "on_time", as: Int?.self) ?? 0)
        }

        let attendance = within("held_at", sql.select().column(count).column(whenTrue("attended", as: "attended"))
            .column(whenTrue("report_submitted", as: "reports")).from(CoreGroupAttendanceRows.table))
        var byAgency: [ChildProtectionMeasures.AgencyAttendance] = []
        for row in try await attendance.column("agency_id").groupBy("agency_id").all() {
            byAgency.append(.init(agencyID: try row.decode(column: "agency_id", as: UUID.self),
                invited: try row.decode(column: "events", as: Int.self), attended: try row.decode(column: "attended", as: Int?.self) ?? 0,
                reportsSubmitted: try row.decode(column: "reports", as: Int?.self) ?? 0))
        }
        var byRole: [ProfessionalRole: ChildProtectionMeasures.RoleAttendance] = [:]
        for row in try await within("held_at", sql.select().column("role").column(count).column(whenTrue("attended", as: "attended"))
            .from(CoreGroupAttendanceRows.table)).groupBy("role").all()
        {
            guard let role = ProfessionalRole(rawValue: try row.decode(column: "role", as: String.self)) else { continue }
            byRole[role] = .init(role: role, invited: try row.decode(column: "events", as: Int.self),
                attended: try row.decode(column: "attended", as: Int?.self) ?? 0)
        }
        return ChildProtectionMeasures(
            strategyMeetingsHeld: heldCount,
            strategyMeetingsLate: try held?.decode(column: "late", as: Int?.self) ?? 0,
            strategyMeetingMeanWorkingDays: heldCount == 0 ? nil : days.map { Double($0) / Double(heldCount) },
            minutesCirculated: try circulated?.decode(column: "events", as: Int.self) ?? 0,
            minutesCirculatedLate: try circulated?.decode(column: "late", as: Int?.self) ?? 0,
            minutesOverdue: try overdue?.decode(column: "events", as: Int.self) ?? 0,
            initialConferencesHeld: conferences[.initial]?.held ?? 0, initialConferencesOnTime: conferences[.initial]?.onTime ?? 0,
            reviewConferencesHeld: conferences[.review]?.held ?? 0, reviewConferencesOnTime: conferences[.review]?.onTime ?? 0,
            coreGroupAttendance: byAgency.sorted { $0.agencyID.uuidString < $1.agencyID.uuidString },
            coreGroupAttendanceByRole: ProfessionalRole.allCases.compactMap { byRole[$0] })
    }
}
