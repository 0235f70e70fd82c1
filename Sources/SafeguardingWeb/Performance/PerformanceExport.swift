import Foundation
import Safeguarding
import Vapor

/// The framework's figures as CSV: for every measure, the period asked for and the one
/// before, per event and per child, broken down by agency or team when asked. For
/// publication, counts from 1 to 4 and the rates drawn from them are suppressed.
struct PerformanceExport {
    let request: Request

    func rows(_ query: PerformanceQuery, now: Date) async throws -> PublicationCSV {
        let words = MeasureWording(request: request), language = request.language
        let t = { (key: String) in request.application.catalogue.text(key, language, []) }
        var csv = PublicationCSV(
            header: ["csv.measure", "csv.period", "csv.first_day", "csv.last_day", "csv.group", "csv.events", "csv.met", "csv.rate",
                "csv.average", "csv.children", "csv.children_met", "csv.child_rate", "csv.target"].map(t),
            forPublication: query.publication)
        let desk = PerformanceDesk(request: request)
        let groups = try await desk.groupNames(query.breakdown)
        var twoPeriods = query
        twoPeriods.chartPeriods = 2
        let periods = query.period.series(2)
        let none = t(query.breakdown == .agency ? "performance.group.no_agency" : "performance.group.no_team")
        for series in try await desk.framework(twoPeriods, now: now) {
            let measure = series.measure
            var lines = [(name: t("performance.group.partnership"), figures: series.figures)]
            if query.breakdown != .partnership && measure.breakdowns.contains(query.breakdown) {
                lines = try await desk.breakdown(measure, query, now: now).map { line in
                    (line.group.flatMap { groups[$0] } ?? none, [line.previous, line.current])
                }.sorted { $0.name < $1.name }
            }
            for line in lines {
                for (period, figure) in zip(periods, line.figures) {
                    let average: PublicationCSV.Cell = measure.isShare ? .number(nil, places: 1)
                        : (query.publication && PublicationCSV.isSuppressed(figure.met) ? .text(PublicationCSV.suppressedMarker)
                            : .number(figure.average, places: 1))
                    csv.append([
                        .text(words.title(measure)), .text(PeriodWording.name(period, language)), .text(period.from.iso),
                        .text(period.lastDay.iso), .text(line.name), .count(figure.events),
                        measure.isShare ? .count(figure.met) : .number(nil, places: 0),
                        measure.isShare ? .rate(numerator: figure.met, denominator: figure.events) : .number(nil, places: 1),
                        average, .count(figure.children),
                        measure.isShare ? .count(figure.childrenMet) : .number(nil, places: 0),
                        measure.isShare ? .rate(numerator: figure.childrenMet, denominator: figure.children) : .number(nil, places: 1),
                        .number(measure.target, places: 1),
                    ])
                }
            }
        }
        return csv
    }
}
