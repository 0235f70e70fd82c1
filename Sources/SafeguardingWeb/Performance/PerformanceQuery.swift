import Foundation
import Safeguarding
import Vapor

/// The period and breakdown a reader asks the performance framework for:
/// `?period=month|quarter|year&on=YYYY-MM-DD` (the period holding that day, today by
/// default), or `?period=range&from=YYYY-MM-DD&to=YYYY-MM-DD` (both days counted), and
/// `by=partnership|agency|team` where a page breaks a measure down, and
/// `publication=true` for an export with small numbers suppressed.
struct PerformanceQuery {
    /// Three years of days: a range longer than that is a mistake, and costly to count.
    static let longestRange = 1_100

    var period: ReportingPeriod
    var breakdown: Measure.Breakdown
    /// An export for publication: counts under 5 suppressed (`publication=true`).
    var publication: Bool
    /// What the reader typed, to show the form as they left it.
    var on: CalendarDay

    init(period: ReportingPeriod, breakdown: Measure.Breakdown, publication: Bool, on: CalendarDay) {
        self.period = period
        self.breakdown = breakdown
        self.publication = publication
        self.on = on
    }

    /// The query on today's date in Wales.
    init(_ request: Request) throws {
        try self.init(request, today: Self.today(request))
    }

    static func today(_ request: Request) -> CalendarDay { request.application.workingCalendar.day(of: Date()) }

    /// The measure a path names (`/performance/{measure}`, not found before anything else
    /// is read) and the query, which breaks it down only by what it counts.
    static func measure(named request: Request) throws -> (Measure, PerformanceQuery) {
        guard let id = request.parameters.get("measure").flatMap(MeasureID.init(rawValue:)) else { throw Abort(.notFound) }
        let query = try PerformanceQuery(request)
        guard id.measure.breakdowns.contains(query.breakdown) else {
            throw ValidationFailure([FieldError("by", .notOneOf(id.measure.breakdowns.map(\.rawValue)))])
        }
        return (id.measure, query)
    }

    init(_ request: Request, today: CalendarDay) throws {
        var fields = FieldReader.query(of: request)
        let length = fields.choice("period", as: ReportingPeriod.Length.self, required: false) ?? .quarter
        let on = fields.date("on", required: false) ?? today
        let from = fields.date("from", required: false), to = fields.date("to", required: false)
        breakdown = fields.choice("by", as: Measure.Breakdown.self, required: false) ?? .partnership
        publication = fields.flag("publication") ?? false
        try fields.finish()
        self.on = on
        guard length == .range else {
            period = ReportingPeriod.containing(on, length)
            return
        }
        guard let from, let to, let range = ReportingPeriod(from: from, until: to.adding(days: 1)) else {
            throw ValidationFailure([FieldError("to", .invalid("error.performance.range"))])
        }
        guard range.dayCount <= Self.longestRange else {
            throw ValidationFailure([FieldError("to", .invalid("error.performance.range_too_long"))])
        }
        period = range
    }

    /// How many periods are read, ending with the one chosen: an export needs only two.
    var chartPeriods: Int?

    /// How many periods a chart shows, ending with the one chosen.
    var chartLength: Int {
        if let chartPeriods { return chartPeriods }
        switch period.length {
        case .month: return 12
        case .quarter: return 8
        case .year: return 3
        case .range: return 2
        }
    }
}
