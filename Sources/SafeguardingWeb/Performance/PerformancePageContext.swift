import Foundation
import Safeguarding
import Vapor

/// The dashboard: the period form, then each section's measures with this period's
/// figure beside the one before, the change, the target, the chart with its sentence and
/// table, and the definition one click away (a `details` element, no script needed).
struct PerformancePageContext: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Row: Encodable, Sendable {
        var period: String
        var figure: String
        var events: Int
        var met: Int
        /// Empty for a chart's older periods, whose children are not counted.
        var children: String
        var childRate: String
    }

    struct Card: Encodable, Sendable {
        var id: String
        var title: String
        var href: String
        var value: String
        var previous: String
        var change: String
        var target: String
        var definition: String
        var welshGovernment: Bool
        var chartHTML: String
        var summary: String
        var rows: [Row]

        /// One measure as the dashboard and its own page draw it.
        init(_ series: PerformanceDesk.Series, words: MeasureWording, language: Language, address: String) {
            let measure = series.measure
            id = measure.id.rawValue
            title = words.title(measure)
            href = "/performance/\(measure.id.rawValue)?\(address)"
            value = words.figure(series.current, of: measure)
            previous = words.figure(series.previous, of: measure)
            change = words.change(series)
            target = words.target(measure)
            definition = words.definition(measure)
            welshGovernment = measure.welshGovernment
            chartHTML = words.chart(series)
            summary = words.summary(series)
            rows = PerformancePageContext.rows(series, words: words, language: language)
        }
    }

    struct Section: Encodable, Sendable {
        var title: String
        var cards: [Card]
    }

    var lengths: [Option]
    /// The dashboard does not break its measures down; each measure's page does.
    var breakdowns: [Option] = []
    var formAction = "/performance"
    var on: String
    var from: String
    var to: String
    var showing: String
    var sections: [Section]
    var csvHref: String
    var publicationHref: String
    var errors: [FormErrorContext]

    init(_ request: Request, query: PerformanceQuery, series: [PerformanceDesk.Series]) {
        let words = MeasureWording(request: request), language = request.language
        lengths = Self.lengths(request, chosen: query.period.length)
        on = query.on.iso
        from = query.period.length == .range ? query.period.from.iso : ""
        to = query.period.length == .range ? query.period.lastDay.iso : ""
        showing = request.t("performance.showing", PeriodWording.name(query.period, language))
        let address = Self.address(query)
        csvHref = "/performance/export.csv?\(address)"
        publicationHref = "/performance/export.csv?\(address)&publication=true"
        errors = []
        sections = Measure.Section.allCases.map { section in
            Section(title: request.t("performance.section.\(section.rawValue)"), cards: series.filter { $0.measure.section == section }.map { series in
                Card(series, words: words, language: language, address: address)
            })
        }
    }

    /// The form shown again with what was wrong, and no figures.
    static func refused(_ request: Request, _ failure: ValidationFailure, today: CalendarDay) -> PerformancePageContext {
        var context = PerformancePageContext(request, query: .fallback(today), series: [])
        context.errors = request.formErrors(failure)
        context.lengths = lengths(request, chosen: .range)
        context.sections = []
        return context
    }

    static func lengths(_ request: Request, chosen: ReportingPeriod.Length) -> [Option] {
        ReportingPeriod.Length.allCases.map {
            Option(value: $0.rawValue, label: request.t("performance.period.\($0.rawValue)"), selected: $0 == chosen)
        }
    }

    /// The query's period (and breakdown) as an address's query, built from known values.
    static func address(_ query: PerformanceQuery, by breakdown: Measure.Breakdown? = nil) -> String {
        var parts = ["period=\(query.period.length.rawValue)"]
        if query.period.length == .range {
            parts += ["from=\(query.period.from.iso)", "to=\(query.period.lastDay.iso)"]
        } else {
            parts.append("on=\(query.on.iso)")
        }
        if let breakdown, breakdown != .partnership { parts.append("by=\(breakdown.rawValue)") }
        return parts.joined(separator: "&")
    }

    static func rows(_ series: PerformanceDesk.Series, words: MeasureWording, language: Language) -> [Row] {
        zip(series.periods, series.figures).enumerated().map { index, pair in
            let (period, figure) = pair, counted = series.childrenCounted(index)
            return Row(period: PeriodWording.name(period, language), figure: words.figure(figure, of: series.measure),
                events: figure.events, met: figure.met, children: counted ? String(figure.children) : "",
                childRate: counted && series.measure.isShare ? words.value(figure.childRate, of: series.measure) : "")
        }.reversed()
    }
}

extension PerformanceQuery {
    /// The quarter holding today: what a refused form falls back to.
    static func fallback(_ today: CalendarDay) -> PerformanceQuery {
        PerformanceQuery(period: .containing(today, .quarter), breakdown: .partnership, publication: false, on: today)
    }
}
