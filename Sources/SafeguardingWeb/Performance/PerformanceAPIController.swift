import Foundation
import Safeguarding
import Vapor

/// `/api/v1/performance`: the framework's figures, as the dashboard reads them, for a
/// partner's own reporting: every measure over the periods of its chart, or one measure
/// broken down by agency or team for the period and the one before.
struct PerformanceAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "performance", requires: .permission(.viewMeasures)) { request in
            let query = try PerformanceQuery(request)
            let series = try await PerformanceDesk(request: request).framework(query, now: Date())
            return FrameworkResponse(period: .init(query.period), measures: series.map(MeasureResponse.init))
        }
        routes.on(.GET, "performance", ":measure", requires: .permission(.viewMeasures)) { request in
            let (measure, query) = try PerformanceQuery.measure(named: request)
            let (series, lines) = try await PerformanceDesk(request: request).measure(measure, query, now: Date())
            let periods = query.period.series(2)
            return BreakdownResponse(
                measure: MeasureResponse(series), by: query.breakdown.rawValue,
                groups: lines.map { line in
                    .init(id: line.group, periods: [
                        FigureResponse(periods[0], line.previous, measure), FigureResponse(periods[1], line.current, measure),
                    ])
                }.sorted { ($0.id?.uuidString ?? "") < ($1.id?.uuidString ?? "") })
        }
    }

    struct PeriodResponse: Content {
        var length: String
        var from: String
        /// The last day counted.
        var to: String

        init(_ period: ReportingPeriod) {
            length = period.length.rawValue
            from = period.from.iso
            to = period.lastDay.iso
        }
    }

    struct FigureResponse: Content {
        var period: PeriodResponse
        var events: Int
        var met: Int
        var total: Double
        var children: Int
        var childrenMet: Int
        /// Per event: a percentage for a share, the mean for an average; null with no events.
        var value: Double?
        /// Per child, for a share.
        var childRate: Double?

        init(_ period: ReportingPeriod, _ figure: MeasureFigure, _ measure: Measure) {
            self.period = PeriodResponse(period)
            events = figure.events
            met = figure.met
            total = figure.total
            children = figure.children
            childrenMet = figure.childrenMet
            value = figure.value(for: measure)
            childRate = measure.isShare ? figure.childRate : nil
        }
    }

    struct MeasureResponse: Content {
        var id: String
        var section: String
        /// share or average
        var kind: String
        var unit: String?
        var higherIsBetter: Bool
        var welshGovernment: Bool
        var target: Double?
        /// Oldest first; the last is the period asked for.
        var periods: [FigureResponse]

        init(_ series: PerformanceDesk.Series) {
            let measure = series.measure
            id = measure.id.rawValue
            section = measure.section.rawValue
            switch measure.kind {
            case .share: kind = "share"; unit = "percent"
            case .average(let averaged): kind = "average"; unit = averaged.rawValue
            }
            higherIsBetter = measure.higherIsBetter
            welshGovernment = measure.welshGovernment
            target = measure.target
            periods = zip(series.periods, series.figures).map { FigureResponse($0, $1, measure) }
        }
    }

    struct FrameworkResponse: Content {
        var period: PeriodResponse
        var measures: [MeasureResponse]
    }

    struct BreakdownResponse: Content {
        struct Group: Content {
            /// The agency or team; null for events with none.
            var id: UUID?
            /// The period before, then the period asked for.
            var periods: [FigureResponse]
        }
        var measure: MeasureResponse
        var by: String
        var groups: [Group]
    }
}

extension PerformanceAPIController {
    typealias Doc = OpenAPIDocument

    static var query: [(String, [String: Any])] {
        [
            ("period", ["type": "string", "enum": ReportingPeriod.Length.allCases.map(\.rawValue)]),
            ("on", Doc.date), ("from", Doc.date), ("to", Doc.date),
        ]
    }

    static var operations: [OpenAPIDocument.Operation] {
        [
            .init(method: "get", path: "/api/v1/performance",
                summary: "Every measure of the performance framework over its chart's periods (month, quarter, reporting year or a range of days; the quarter holding today by default)",
                permission: .viewMeasures, query: query, response: "PerformanceFramework"),
            .init(method: "get", path: "/api/v1/performance/{measure}",
                summary: "One measure over its chart's periods, and by agency or team for the period and the one before",
                permission: .viewMeasures,
                query: query + [("by", ["type": "string", "enum": Measure.Breakdown.allCases.map(\.rawValue)])],
                response: "PerformanceBreakdown",
                pathParameters: ["measure": ["type": "string", "enum": MeasureID.allCases.map(\.rawValue)]]),
        ]
    }

    static var schemas: [String: Any] {
        [
            "PerformanceFramework": ["type": "object",
                "description": "period (length, from, to) and measures: id, section, kind, unit, higher_is_better, welsh_government, target, periods (period, events, met, total, children, children_met, value, child_rate)"],
            "PerformanceBreakdown": ["type": "object",
                "description": "measure (as in PerformanceFramework), by, and groups: id (agency or team, null for none) and periods (the period before, then the period asked for)"],
        ]
    }
}
