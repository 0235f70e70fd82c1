import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// A leader reads the performance framework for May 2026 in either language, opens a
/// measure by team, and downloads the figures, for publication with small counts
/// suppressed; every download is in the audit trail.
@Suite("The performance framework's pages and export (issue 17, item 2)")
struct PerformancePagesTests {
    static let may = "period=range&from=2026-05-01&to=2026-05-31"

    /// Initial conferences: three in May (two on time, one late), one in April on time.
    func conferences(_ app: Application, _ partnership: TestPartnership) async throws {
        let calendar = app.workingCalendar
        func on(_ month: Int, _ day: Int) -> Date { calendar.date(on: CalendarDay(year: 2026, month: month, day: day)!, at: .nineAM) }
        let repository = ChildProtectionRepository(app.db, calendar: calendar)
        let (cerys, dylan) = (partnership.knownToHealth.id, partnership.knownToHubOnly.id)
        try await repository.save(ChildProtectionConference(childID: cerys, kind: .initial, dueAt: on(5, 8), heldAt: on(5, 6)))
        try await repository.save(ChildProtectionConference(childID: cerys, kind: .initial, dueAt: on(5, 12), heldAt: on(5, 20)))
        try await repository.save(ChildProtectionConference(childID: dylan, kind: .initial, dueAt: on(5, 14), heldAt: on(5, 14)))
        try await repository.save(ChildProtectionConference(childID: dylan, kind: .initial, dueAt: on(4, 20), heldAt: on(4, 17)))
        // The sealed record's late conference is not counted.
        try await repository.save(ChildProtectionConference(childID: partnership.sealed.id, kind: .initial, dueAt: on(5, 4), heldAt: on(5, 29)))
    }

    func text(_ app: Application, _ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        app.catalogue.text(key, language, arguments).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test("the dashboard: this period beside the one before, the change, the target, the chart and its sentence, the definition",
        arguments: Language.allCases)
    func dashboard(language: Language) async throws {
        try await withTestApp { app, partnership in
            try await conferences(app, partnership)
            var manager = partnership.account(.hubManager)
            manager.language = language
            try await UserRepository(app.db).update(manager)
            let leader = try await Credentials.session(for: manager, on: app)
            let response = try await app.send(.GET, "/performance?\(Self.may)", as: leader)
            #expect(response.status == .ok)
            let page = response.text
            let t = { (key: String, arguments: [String]) in text(app, key, language, arguments) }
            #expect(page.contains(t("performance.title", [])))
            #expect(page.contains(t("performance.showing", [language == .welsh ? "1 Mai 2026 i 31 Mai 2026" : "1 May 2026 to 31 May 2026"])))
            guard let start = page.range(of: "id=\"measure-initial-conferences-on-time\""),
                let end = page.range(of: "</section>", range: start.upperBound..<page.endIndex)
            else {
                Issue.record("no initial conferences measure on the page")
                return
            }
            let card = String(page[start.lowerBound..<end.upperBound])
            #expect(card.contains(t("measure.initial-conferences-on-time.title", [])))
            // May: two of three on time (the sealed record's left out); the 31 days before: one of one.
            #expect(card.contains("66.7%"))
            #expect(card.contains("100.0%"))
            #expect(card.contains(t("performance.change", [t("performance.unit.points", ["-33.3"]), t("performance.worse", [])])))
            #expect(card.contains("<svg class=\"chart\""))
            #expect(card.contains("aria-labelledby=\"chart-initial-conferences-on-time-title chart-initial-conferences-on-time-desc\""))
            #expect(card.contains(t("measure.initial-conferences-on-time.definition", [])))
            #expect(card.contains(t("performance.target_label", ["90.0%"])))
            // The Welsh Government's own definitions say so.
            #expect(page.contains(t("performance.welsh_government", [])))
            #expect(page.contains("/performance/export.csv?\(Self.may.replacingOccurrences(of: "&", with: "&amp;"))&amp;publication=true"))
        }
    }

    @Test("a range the wrong way round is refused beside the field, in the reader's language; no figures are drawn")
    func refusedRange() async throws {
        try await withTestApp { app, partnership in
            let leader = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let response = try await app.send(.GET, "/performance?period=range&from=2026-05-31&to=2026-05-01", as: leader)
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(text(app, "error.performance.range", .english)))
            #expect(!response.text.contains("<svg"))
            let api = try await app.send(.GET, "/api/v1/performance?period=range&from=2026-05-31&to=2026-05-01",
                as: try await Credentials.apiToken(for: partnership.account(.hubManager), on: app))
            #expect(api.status == .unprocessableEntity)
            #expect(api.isProblem)
            let long = try await app.send(.GET, "/performance?period=range&from=2020-01-01&to=2026-05-01", as: leader)
            #expect(long.status == .unprocessableEntity)
            #expect(long.text.contains(text(app, "error.performance.range_too_long", .english)))
        }
    }

    @Test("a measure by team: the team the case stood with when the conference was held")
    func byTeam() async throws {
        try await withTestApp { app, partnership in
            try await conferences(app, partnership)
            let team = Team(agencyID: partnership.childrensServices.id, name: "Newport East", welshName: "Dwyrain Casnewydd")
            try await AllocationRepository(app.db).save(team)
            try await AllocationRepository(app.db).save(CaseAllocation(
                childID: partnership.knownToHealth.id, teamID: team.id, workerUserID: nil,
                allocatedAt: Date(timeIntervalSince1970: 1_700_000_000), allocatedByUserID: partnership.account(.teamManager).id))
            let leader = try await Credentials.session(for: partnership.account(.auditor), on: app)
            let response = try await app.send(.GET, "/performance/initial-conferences-on-time?\(Self.may)&by=team", as: leader)
            #expect(response.status == .ok)
            guard let table = response.text.range(of: "id=\"breakdown\"") else {
                Issue.record("no breakdown table")
                return
            }
            let breakdown = String(response.text[table.lowerBound...])
            // Cerys's two conferences stood with Newport East: one of two on time. Dylan's one is not allocated.
            #expect(breakdown.contains("<th scope=\"row\">Newport East</th><td class=\"numeric\">50.0%</td>"))
            #expect(breakdown.contains("<th scope=\"row\">\(text(app, "performance.group.no_team", .english))</th><td class=\"numeric\">100.0%</td>"))
            let unknown = try await app.send(.GET, "/performance/no-such-measure", as: leader)
            #expect(unknown.status == .notFound)
            let wrong = try await app.send(.GET, "/performance/initial-conferences-on-time?\(Self.may)&by=agency", as: leader)
            #expect(wrong.status == .unprocessableEntity)
        }
    }

    @Test("the CSV: a byte order mark, the reader's language, and for publication counts under 5 suppressed; audited")
    func export() async throws {
        try await withTestApp { app, partnership in
            try await conferences(app, partnership)
            let leader = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let full = try await app.send(.GET, "/performance/export.csv?\(Self.may)", as: leader)
            #expect(full.status == .ok)
            #expect(full.headers.contentType?.description.hasPrefix("text/csv") == true)
            #expect(full.headers.first(name: .contentDisposition)?.contains("performance-2026-05-01-2026-05-31.csv") == true)
            let bytes = Array(full.body.readableBytesView)
            #expect(bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
            let title = app.catalogue.text("measure.initial-conferences-on-time.title", .english, [])
            let may = lines.first { $0.hasPrefix(title) && $0.contains("2026-05-01") }
            // Three events, two met, 66.7%; two children, one all on time.
            #expect(may?.contains(",3,2,66.7,,2,1,50.0,90.0") == true)

            let published = try await app.send(.GET, "/performance/export.csv?\(Self.may)&publication=true", as: leader)
            let publishedLines = String(buffer: published.body).components(separatedBy: "\r\n")
            let suppressed = publishedLines.first { $0.contains(title) && $0.contains("2026-05-01") }
            #expect(suppressed?.contains(",[c],[c],[c],,[c],[c],[c],90.0") == true)

            let exports = try await AuditTrail.search(AuditQuery(action: .measuresExported), on: app.db)
            #expect(exports.count == 2)
            #expect(exports.contains { $0.event.detail.contains("publication=true") })
            let refused = try await app.send(.GET, "/performance/export.csv?\(Self.may)",
                as: try await Credentials.session(for: partnership.account(.referrer), on: app))
            #expect(refused.status == .forbidden)
            #expect(try await AuditTrail.search(AuditQuery(action: .measuresExported), on: app.db).count == 2)
        }
    }
}
