import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `diogelu bench measures --cases N`: two years of child protection work for N
/// children (a strategy meeting each, with its minutes; an initial conference for most;
/// for those registered, core groups with four agencies and a review) seeded into the
/// configured database, then the child protection measures timed for a year and for a
/// quarter, as the performance framework asks for them (issue 17, item 1: a year's
/// framework in under 2 s, one measure for a quarter in under 200 ms).
enum BenchMeasures {
    struct Timing {
        var cases: Int
        var year: [Duration]
        var quarter: [Duration]
        var heldInYear: Int
    }

    static func run(app: Application, cases wanted: Int, rounds: Int = 10, log: (String) -> Void) async throws -> Timing {
        _ = try await DemoPartnership.load(into: app)
        let db = app.db
        let agencies = try await AgencyRepository(db).all().map(\.id)
        guard agencies.count >= 4 else { throw BenchError.usage }
        let seedStarted = ContinuousClock.now
        try await seed(wanted, agencies: Array(agencies.prefix(4)), calendar: app.workingCalendar, on: db, log: log)
        log("seeded \(ValidationFigures.count(wanted)) children's child protection records in \(BenchValidation.seconds(ContinuousClock.now - seedStarted)) s")

        let repository = ChildProtectionRepository(db, calendar: app.workingCalendar)
        let now = Date()
        let year = now.addingTimeInterval(-365 * 86_400)..<now, quarter = now.addingTimeInterval(-91 * 86_400)..<now
        var timing = Timing(cases: wanted, year: [], quarter: [], heldInYear: 0)
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            let measures = try await repository.measures(during: year, now: now)
            timing.year.append(ContinuousClock.now - started)
            timing.heldInYear = measures.strategyMeetingsHeld
            let quarterStarted = ContinuousClock.now
            _ = try await repository.measures(during: quarter, now: now)
            timing.quarter.append(ContinuousClock.now - quarterStarted)
        }
        return timing
    }

    /// A thousand children to a transaction, each child's records through the repository
    /// as the pages write them, so the typed columns are the ones production fills.
    static func seed(_ wanted: Int, agencies: [UUID], calendar: WorkingCalendar, on db: any Database, log: (String) -> Void) async throws {
        var partnership = SyntheticPartnership(), random = SeededRandom(seed: 17_000_000)
        let loader = BulkLoader(Store(db)), now = Date(), span: Double = 2 * 365 * 86_400
        let roles: [ProfessionalRole] = [.policeOfficer, .generalPractitioner, .teacher, .healthVisitor]
        var seeded = 0
        while seeded < wanted {
            let count = min(1_000, wanted - seeded)
            let children = (seeded..<(seeded + count)).map { partnership.child(1_000_000 + $0) }
            try await loader.insertChildren(children)
            // Made first, then written: the transaction's closure may not draw on the generator.
            var meetings: [StrategyMeeting] = [], conferences: [ChildProtectionConference] = []
            var entries: [RegisterEntry] = [], coreGroups: [CoreGroupMeeting] = []
            for child in children {
                let requested = now.addingTimeInterval(-Double(random.next() % UInt64(span)) - 30 * 86_400)
                let day: (Double) -> Date = { requested.addingTimeInterval($0 * 86_400) }
                let held = day(Double(1 + random.next() % 5))
                meetings.append(StrategyMeeting(
                    childID: child.id, discussionID: UUID(), requestedAt: requested, dueAt: day(3), heldAt: held,
                    minutesDueAt: held.addingTimeInterval(3 * 86_400),
                    minutesCirculatedAt: random.next() % 10 == 0 ? nil : held.addingTimeInterval(Double(1 + random.next() % 5) * 86_400)))
                guard random.next() % 10 < 6 else { continue }
                conferences.append(ChildProtectionConference(
                    childID: child.id, kind: .initial, dueAt: day(21), heldAt: day(Double(15 + random.next() % 10))))
                guard random.next() % 10 < 4 else { continue }
                let entry = RegisterEntry(childID: child.id, categories: [.neglect], registeredAt: day(22), registeredByConference: UUID())
                entries.append(entry)
                for meeting in 0..<2 {
                    let due = day(Double(32 + meeting * 28))
                    var members: [CoreGroupMember] = []
                    for (agency, role) in zip(agencies, roles) {
                        members.append(CoreGroupMember(agencyID: agency, role: role, name: "Member", attended: random.next() % 4 != 0,
                            reportSubmitted: random.next() % 2 == 0))
                    }
                    coreGroups.append(CoreGroupMeeting(
                        childID: child.id, registerEntryID: entry.id, dueAt: due, heldAt: due.addingTimeInterval(-86_400), members: members))
                }
                conferences.append(ChildProtectionConference(
                    childID: child.id, kind: .review, dueAt: day(110), heldAt: day(Double(100 + random.next() % 20))))
            }
            let made = (meetings, conferences, entries, coreGroups)
            try await Store(db).transaction { db in
                let (meetings, conferences, entries, coreGroups) = made
                let repository = ChildProtectionRepository(db, calendar: calendar)
                for meeting in meetings { try await repository.save(meeting) }
                for conference in conferences { try await repository.save(conference) }
                for entry in entries { try await repository.save(entry) }
                for meeting in coreGroups { try await repository.save(meeting) }
            }
            seeded += count
            if seeded % 20_000 == 0 { log("children's records: \(ValidationFigures.count(seeded))") }
        }
        try await loader.settle()
    }

    /// "median 12.3 ms, slowest 15.0 ms" over the rounds.
    static func summary(_ durations: [Duration]) -> String {
        let sorted = durations.sorted()
        func ms(_ duration: Duration) -> String {
            let (whole, fraction) = duration.components
            return ValidationFigures.decimal((Double(whole) + Double(fraction) / 1e18) * 1_000, places: 1)
        }
        guard let slowest = sorted.last else { return "no rounds" }
        return "median \(ms(sorted[sorted.count / 2])) ms, slowest \(ms(slowest)) ms"
    }
}
