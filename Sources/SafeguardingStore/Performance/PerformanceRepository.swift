import Foundation
import Safeguarding
import SQLKit

/// The performance framework's figures, counted by the database: for one measure, one
/// aggregate over the events of every period asked for (a period and the one before it,
/// or a year of months for a chart), by the partnership, agency or team.
///
/// Restricted records are left out: a measure's reader may not open them, and a count is
/// as much a disclosure as a list. The statutory returns count them.
public struct PerformanceRepository: Sendable {
    let sql: any SQLDatabase
    let calendar: WorkingCalendar

    public init(_ sql: any SQLDatabase, calendar: WorkingCalendar = WorkingCalendar()) {
        self.sql = sql
        self.calendar = calendar
    }

    /// One figure: for the period at `period` in the list asked for, and the agency or
    /// team (`group`, nil for the partnership, or for events with no agency or team).
    public struct Count: Sendable, Hashable {
        public var period: Int
        public var group: UUID?
        public var figure: MeasureFigure
    }

    /// Per child, a standard (decided on time) counts the children every one of whose
    /// events met it; what should be rare (a re-referral) counts the children with any.
    ///
    /// Children are counted from the period at `childrenFrom` on: a chart's older bars need
    /// only their events, and telling children apart is most of a measure's cost.
    public func counts(
        of measure: MeasureID, over periods: [ReportingPeriod], by breakdown: Measure.Breakdown = .partnership,
        childrenFrom: Int = 0, now: Date
    ) async throws -> [Count] {
        guard !periods.isEmpty else { return [] }
        let dialect = MeasureSource.Dialect(postgres: sql.dialect.name == "postgresql")
        let today = calendar.day(of: now)
        var events = SQLQueryString("")
        for (index, period) in periods.enumerated() {
            let bounds = MeasureSource.Bounds(
                start: calendar.startOfDay(period.from), end: calendar.startOfDay(period.until),
                startDay: period.from, endDay: period.until, now: now, today: today)
            if index > 0 { events.appendLiteral(" UNION ALL ") }
            events.appendInterpolation(
                "SELECT \(unsafeRaw: String(index)) AS bucket, b.* FROM (\(MeasureSource.branch(measure, bounds, dialect))) b" as SQLQueryString)
        }
        let group: String
        var join = ""
        switch breakdown {
        case .partnership: group = ""
        case .agency: group = "e.agency_id"
        case .team:
            group = "ca.team_id"
            join = """
                LEFT JOIN case_allocations ca ON ca.child_id = e.child_id AND ca.allocated_at <= e.at
                AND (ca.ended_at IS NULL OR ca.ended_at > e.at)
                """
        }
        let groupColumn = group.isEmpty ? "" : ", \(group) AS grp", groupBy = group.isEmpty ? "" : ", grp"
        // Children are counted by grouping each child's events first: COUNT(DISTINCT) over
        // a year of referrals was twice as slow on SQLite.
        let query: SQLQueryString = """
            SELECT bucket\(unsafeRaw: groupBy), CAST(SUM(events) AS BIGINT) AS events, CAST(SUM(met) AS BIGINT) AS met,
            SUM(total) AS total, COUNT(child_id) AS children,
            CAST(SUM(CASE WHEN child_id IS NOT NULL THEN all_met ELSE 0 END) AS BIGINT) AS children_met
            FROM (
                SELECT e.bucket\(unsafeRaw: groupColumn), CASE WHEN e.bucket >= \(unsafeRaw: String(childrenFrom)) THEN e.child_id END AS child_id,
                COUNT(*) AS events, SUM(e.met) AS met, SUM(e.value) AS total,
                \(unsafeRaw: measure.measure.higherIsBetter ? "MIN" : "MAX")(e.met) AS all_met
                FROM (\(events)) e \(unsafeRaw: join)
                WHERE e.child_id IS NULL OR e.child_id NOT IN (SELECT id FROM children WHERE is_restricted)
                GROUP BY e.bucket\(unsafeRaw: group.isEmpty ? "" : ", \(group)"), CASE WHEN e.bucket >= \(unsafeRaw: String(childrenFrom)) THEN e.child_id END
            ) c
            GROUP BY bucket\(unsafeRaw: groupBy)
            """
        return try await sql.raw(query).all().map { row in
            Count(
                period: try row.decode(column: "bucket", as: Int.self),
                group: group.isEmpty ? nil : try row.decode(column: "grp", as: UUID?.self),
                figure: MeasureFigure(
                    events: try row.decode(column: "events", as: Int.self), met: try row.decode(column: "met", as: Int?.self) ?? 0,
                    total: try row.decode(column: "total", as: Double?.self) ?? 0,
                    children: try row.decode(column: "children", as: Int.self),
                    childrenMet: try row.decode(column: "children_met", as: Int?.self) ?? 0))
        }
    }
}
