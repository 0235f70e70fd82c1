/// The stretch of days a measure is counted over: a calendar month, a quarter or a year
/// of the Welsh Government's reporting year (1 April to 31 March), or any range of days.
/// `until` is the day after the last, so periods laid end to end neither overlap nor
/// leave a gap.
public struct ReportingPeriod: Sendable, Hashable, Codable {
    public enum Length: String, Sendable, Hashable, Codable, CaseIterable {
        case month, quarter, year, range
    }

    public var length: Length
    public var from: CalendarDay
    public var until: CalendarDay

    /// A range of the reader's choosing; `until` must come after `from`.
    public init?(from: CalendarDay, until: CalendarDay) {
        guard from < until else { return nil }
        self.init(length: .range, from: from, until: until)
    }

    private init(length: Length, from: CalendarDay, until: CalendarDay) {
        self.length = length
        self.from = from
        self.until = until
    }

    /// The month, quarter or reporting year that holds `day`. Quarters run April–June,
    /// July–September, October–December and January–March, as the returns count them.
    public static func containing(_ day: CalendarDay, _ length: Length) -> ReportingPeriod {
        switch length {
        case .month:
            let first = CalendarDay(year: day.year, month: day.month, day: 1)!
            return ReportingPeriod(length: .month, from: first, until: first.adding(months: 1))
        case .quarter:
            // Months counted from April: April is 0, March is 11.
            let sinceApril = (day.month + 8) % 12
            let first = CalendarDay(year: day.year, month: day.month, day: 1)!.adding(months: -(sinceApril % 3))
            return ReportingPeriod(length: .quarter, from: first, until: first.adding(months: 3))
        case .year, .range:
            let startYear = day.month >= 4 ? day.year : day.year - 1
            let first = CalendarDay(year: startYear, month: 4, day: 1)!
            return ReportingPeriod(length: .year, from: first, until: first.adding(months: 12))
        }
    }

    /// The period just before, of the same length: the figure a measure is read beside.
    public var previous: ReportingPeriod {
        switch length {
        case .month: return ReportingPeriod(length: .month, from: from.adding(months: -1), until: from)
        case .quarter: return ReportingPeriod(length: .quarter, from: from.adding(months: -3), until: from)
        case .year: return ReportingPeriod(length: .year, from: from.adding(months: -12), until: from)
        case .range: return ReportingPeriod(length: .range, from: from.adding(days: -dayCount), until: from)
        }
    }

    /// This period and the `count - 1` before it, oldest first: the bars of a chart.
    public func series(_ count: Int) -> [ReportingPeriod] {
        var periods = [self]
        while periods.count < max(1, count) { periods.insert(periods[0].previous, at: 0) }
        return periods
    }

    public var dayCount: Int { from.days(to: until) }

    /// The last day counted.
    public var lastDay: CalendarDay { until.adding(days: -1) }

    public func contains(_ day: CalendarDay) -> Bool { from <= day && day < until }
}
