import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import SQLKit
import Vapor

/// Reads the framework's figures for a page, the API or an export: every measure over
/// the periods its chart shows, each measure one aggregate, run side by side.
struct PerformanceDesk {
    let request: Request

    /// One measure over a run of periods, oldest first; the last is the one asked for.
    /// Children are counted for the last two only (``childrenCounted``).
    struct Series: Sendable {
        var measure: Measure
        var periods: [ReportingPeriod]
        var figures: [MeasureFigure]

        var current: MeasureFigure { figures.last ?? .none }
        /// Whether the period at `index` has its children counted: the period and the one before.
        func childrenCounted(_ index: Int) -> Bool { index >= figures.count - 2 }
        var previous: MeasureFigure { figures.count > 1 ? figures[figures.count - 2] : .none }
    }

    /// One agency's or team's figure for the period and the one before.
    struct Line: Sendable {
        var group: UUID?
        var current: MeasureFigure
        var previous: MeasureFigure
    }

    private var repository: PerformanceRepository {
        PerformanceRepository(request.db as! any SQLDatabase, calendar: request.application.workingCalendar)
    }

    func framework(_ query: PerformanceQuery, now: Date) async throws -> [Series] {
        let periods = query.period.series(query.chartLength)
        let repository = self.repository
        return try await withThrowingTaskGroup(of: Series.self) { group in
            for measure in Measure.all {
                group.addTask {
                    let counts = try await repository.counts(
                        of: measure.id, over: periods, childrenFrom: max(0, periods.count - 2), now: now)
                    return Self.series(measure, periods, counts)
                }
            }
            var all: [MeasureID: Series] = [:]
            for try await series in group { all[series.measure.id] = series }
            return MeasureID.allCases.compactMap { all[$0] }
        }
    }

    /// One measure over its chart's periods, and broken down for the period asked for.
    func measure(_ measure: Measure, _ query: PerformanceQuery, now: Date) async throws -> (Series, [Line]) {
        let periods = query.period.series(query.chartLength)
        async let counts = repository.counts(of: measure.id, over: periods, childrenFrom: max(0, periods.count - 2), now: now)
        let lines = query.breakdown == .partnership ? [] : try await breakdown(measure, query, now: now)
        return (Self.series(measure, periods, try await counts), lines)
    }

    /// Each agency's or team's figure for the period asked for and the one before.
    func breakdown(_ measure: Measure, _ query: PerformanceQuery, now: Date) async throws -> [Line] {
        let broken = try await repository.counts(of: measure.id, over: query.period.series(2), by: query.breakdown, now: now)
        return Set(broken.map(\.group)).map { group in
            Line(group: group,
                current: broken.first { $0.group == group && $0.period == 1 }?.figure ?? .none,
                previous: broken.first { $0.group == group && $0.period == 0 }?.figure ?? .none)
        }
    }

    /// The names a breakdown's groups go by, in the reader's language.
    func groupNames(_ breakdown: Measure.Breakdown) async throws -> [UUID: String] {
        let language = request.language
        switch breakdown {
        case .partnership: return [:]
        case .agency: return try await request.agenciesByID().mapValues { $0.name(in: language) }
        case .team:
            return Dictionary(uniqueKeysWithValues: try await AllocationRepository(request.db).teams().map { ($0.id, $0.name(in: language)) })
        }
    }

    private static func series(_ measure: Measure, _ periods: [ReportingPeriod], _ counts: [PerformanceRepository.Count]) -> Series {
        var figures = Array(repeating: MeasureFigure.none, count: periods.count)
        for count in counts where figures.indices.contains(count.period) { figures[count.period] = count.figure }
        return Series(measure: measure, periods: periods, figures: figures)
    }
}
