import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// The one statement that reads what the partnership has done about a child gives what
/// each table's own read gives, in the same order, on the demo's busiest records.
@Suite("A child's work read in one statement")
struct ChildWorkReadTests {
    @Test("the same records in the same order as each repository's own read")
    func sameAsEachRead() async throws {
        try await withDemoApp { app, _ in
            let today = app.workingCalendar.day(of: Date())
            var checked = 0
            for (given, surname) in [("Kai", "Bowen"), ("Jac", "Evans"), ("Ianto", "Rees"), ("Cerys", "Jones"), ("Lexi", "Bowen"),
                ("Tyler", "Williams")]
            {
                guard let child = try await ChildRepository(app.db).search(text: "\(given) \(surname)", dateOfBirth: nil)
                    .first(where: { $0.fullName == "\(given) \(surname)" })
                else { continue }
                let work = try await ChildWorkRepository(app.db).work(of: child.id)
                #expect(work.childProtection == (try await ChildProtectionRepository(app.db).record(of: child.id)))
                #expect(work.missingEpisodes == (try await MissingRepository(app.db).episodes(of: child.id)))
                #expect(work.assessments == (try await ExploitationRepository(app.db).assessments(of: child.id)))
                #expect(work.agreedLevels == (try await ExploitationRepository(app.db).agreedLevels(of: child.id)))
                #expect(work.raisedFlags == (try await RaisedFlagRepository(app.db).flags(of: child.id)))
                #expect(work.carePeriods == (try await CareRepository(app.db).periods(of: child.id)))
                #expect(work.carePeriods.first { $0.isCurrent(on: today) } == (try await CareRepository(app.db).currentPeriod(of: child.id, on: today)))
                checked += [work.missingEpisodes.count, work.assessments.count, work.agreedLevels.count, work.raisedFlags.count,
                    work.childProtection.meetings.count + work.childProtection.conferences.count].reduce(0, +)
            }
            #expect(checked > 10, "the demo's records were there to compare")
        }
    }
}
