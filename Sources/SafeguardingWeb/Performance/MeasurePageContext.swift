import Foundation
import Safeguarding
import Vapor

/// One measure's page: its definition, its chart over time with the figures in a table,
/// and the period broken down by agency or team with the period before beside it.
struct MeasurePageContext: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var name: String
        var value: String
        var previous: String
        var events: Int
        var children: Int
        var childRate: String
    }

    /// The measure's card, as a list of one so the dashboard's partial draws it.
    var cards: [PerformancePageContext.Card]
    var title: String
    var definition: String
    var welshGovernment: Bool
    var formAction: String
    var lengths: [PerformancePageContext.Option]
    var breakdowns: [PerformancePageContext.Option]
    var measureID: String
    var on: String
    var from: String
    var to: String
    var showing: String
    var breakdownTitle: String
    var lines: [Line]
    var counting: String
    var backHref: String

    init(_ request: Request, query: PerformanceQuery, series: PerformanceDesk.Series, lines: [PerformanceDesk.Line], groups: [UUID: String]) {
        let words = MeasureWording(request: request), language = request.language, measure = series.measure
        let address = PerformancePageContext.address(query)
        let card = PerformancePageContext.Card(series, words: words, language: language, address: address)
        cards = [card]
        title = card.title
        definition = card.definition
        welshGovernment = card.welshGovernment
        formAction = "/performance/\(measure.id.rawValue)"
        lengths = PerformancePageContext.lengths(request, chosen: query.period.length)
        breakdowns = measure.breakdowns.map {
            .init(value: $0.rawValue, label: request.t("performance.by.\($0.rawValue)"), selected: $0 == query.breakdown)
        }
        measureID = measure.id.rawValue
        on = query.on.iso
        from = query.period.length == .range ? query.period.from.iso : ""
        to = query.period.length == .range ? query.period.lastDay.iso : ""
        showing = request.t("performance.showing", PeriodWording.name(query.period, language))
        breakdownTitle = request.t("performance.breakdown_title", request.t("performance.by.\(query.breakdown.rawValue)"))
        let none = request.t(query.breakdown == .agency ? "performance.group.no_agency" : "performance.group.no_team")
        self.lines = lines.map { line in
            Line(name: line.group.flatMap { groups[$0] } ?? none, value: words.figure(line.current, of: measure),
                previous: words.figure(line.previous, of: measure), events: line.current.events, children: line.current.children,
                childRate: measure.isShare ? words.value(line.current.childRate, of: measure) : "")
        }.sorted { $0.name < $1.name }
        counting = request.t("performance.counting_note")
        backHref = "/performance?\(address)"
    }
}
