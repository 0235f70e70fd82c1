import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The performance framework for leaders and the partnership board: the dashboard, each
/// measure's own page (its definition, its chart over time, by agency or team), and the
/// figures as CSV, for publication with small numbers suppressed. Every download is
/// audited.
struct PerformanceWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "performance", requires: .permission(.viewMeasures), use: dashboard)
        routes.on(.GET, "performance", "export.csv", requires: .permission(.viewMeasures), use: export)
        routes.on(.GET, "performance", ":measure", requires: .permission(.viewMeasures), use: measurePage)
    }

    func dashboard(_ request: Request) async throws -> Response {
        let today = PerformanceQuery.today(request)
        let query: PerformanceQuery
        do {
            query = try PerformanceQuery(request, today: today)
        } catch let failure as ValidationFailure {
            return try await request.page("performance", titleKey: "performance.title",
                PerformancePageContext.refused(request, failure, today: today), status: .unprocessableEntity)
        }
        let series = try await PerformanceDesk(request: request).framework(query, now: Date())
        return try await request.page("performance", titleKey: "performance.title",
            PerformancePageContext(request, query: query, series: series), status: .ok)
    }

    func measurePage(_ request: Request) async throws -> Response {
        let (measure, query) = try PerformanceQuery.measure(named: request)
        let desk = PerformanceDesk(request: request)
        let (series, lines) = try await desk.measure(measure, query, now: Date())
        let groups = try await desk.groupNames(query.breakdown)
        let context = MeasurePageContext(request, query: query, series: series, lines: lines, groups: groups)
        return try await request.page("performance-measure", titleKey: "measure.\(measure.id.rawValue).title", context, status: .ok)
    }

    /// The framework's figures for the period and the one before, one row per measure (and
    /// per agency or team when broken down), as CSV in the reader's language.
    func export(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let query = try PerformanceQuery(request)
        let rows = try await PerformanceExport(request: request).rows(query, now: Date())
        let requestID = request.requestID
        let detail = "period=\(query.period.from.iso)..\(query.period.lastDay.iso) by=\(query.breakdown.rawValue) publication=\(query.publication)"
        try await request.store.transaction { db in
            try await AuditTrail.append(user.auditEvent(.measuresExported, detail: detail, requestID: requestID), on: db)
        }
        let response = Response(status: .ok, body: .init(data: rows.data))
        response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let name = "performance-\(query.period.from.iso)-\(query.period.lastDay.iso)\(query.publication ? "-publication" : "").csv"
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}
