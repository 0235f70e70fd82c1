import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import SQLKit
import Vapor

/// `diogelu bench framework`: the performance framework timed over the configured
/// database as it stands (the national seed, or `bench measures`' child protection
/// work): every measure for the reporting year with the year before beside it, then one
/// measure for a quarter with the quarter before (issue 17, item 1: under 2 s and under
/// 200 ms).
enum BenchFramework {
    struct Timing {
        var year: [Duration]
        var quarter: [Duration]
        /// Events counted in the year, over every measure: what the figures stood on.
        var events: Int
        /// Each measure's time for the year in the last round, the slowest first.
        var byMeasure: [(MeasureID, Duration)] = []
    }

    static func run(app: Application, rounds: Int = 5) async throws -> Timing {
        let repository = PerformanceRepository(app.db as! any SQLDatabase, calendar: app.workingCalendar)
        let now = Date()
        let today = app.workingCalendar.day(of: now)
        let year = ReportingPeriod.containing(today, .year), quarter = ReportingPeriod.containing(today, .quarter)
        var timing = Timing(year: [], quarter: [], events: 0)
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            var events = 0
            var byMeasure: [(MeasureID, Duration)] = []
            for measure in MeasureID.allCases {
                let measureStarted = ContinuousClock.now
                let counts = try await repository.counts(of: measure, over: year.series(2), now: now)
                byMeasure.append((measure, ContinuousClock.now - measureStarted))
                events += counts.filter { $0.period == 1 }.reduce(0) { $0 + $1.figure.events }
            }
            timing.byMeasure = byMeasure.sorted { $0.1 > $1.1 }
            timing.year.append(ContinuousClock.now - started)
            timing.events = events
            let quarterStarted = ContinuousClock.now
            _ = try await repository.counts(of: .decisionsOnTime, over: quarter.series(2), by: .agency, now: now)
            timing.quarter.append(ContinuousClock.now - quarterStarted)
        }
        return timing
    }
}
