import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Issue 15, item 4: a meeting closed with three items undecided, two days before its
/// date, with no question asked; its minutes said "carried forward" and "decided
/// without information" of one item, and gave references only.
@Suite("Closing a hub meeting asks first, and its minutes say what happened")
struct MeetingClosingTests {
    @Test("not before it is held; undecided items named before closing; minutes without contradiction", arguments: Language.allCases)
    func closing(language: Language) async throws {
        try await withTestApp { app, partnership in
            _ = try await PartnershipWorkingTests.submitSchoolReferral(app, partnership)
            var chair = partnership.account(.hubManager)
            chair.language = language
            try await UserRepository(app.db).update(chair)
            let manager = try await Credentials.session(for: chair, on: app)
            let text = { (key: String, arguments: [String]) in HTMLText.escape(app.catalogue.text(key, language, arguments)) }
            let police = partnership.police.id.uuidString.lowercased()
            let today = CalendarDay(Date(), in: app.workingCalendar.timeZone)

            func open(_ day: CalendarDay) async throws -> String {
                let opened = try await app.send(.POST, "/hub/meetings", as: manager, form: [("starts_at", "\(day)T10:00")])
                let location = try #require(opened.headers.first(name: .location))
                _ = try await app.send(.POST, "\(location)/attendance", as: manager, form: [("present", police)])
                return location
            }
            func isClosed(_ location: String) async throws -> Bool {
                try await HubMeetingRepository(app.db).find(UUID(uuidString: String(location.split(separator: "/").last!))!)?
                    .isClosed ?? false
            }

            // Planned for the day after tomorrow: the confirmation says so and offers no "yes".
            let planned = try await open(today.adding(days: 2))
            var page = try await app.send(.GET, "\(planned)/close", as: manager)
            #expect(page.status == .ok)
            #expect(page.text.contains(text("meeting.close.not_yet_held", []).prefix(20)))
            #expect(!page.text.contains(text("meeting.close.confirm", [])))
            var refused = try await app.send(.POST, "\(planned)/close", as: manager, form: [("confirmed", "true")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains(text("error.meeting.not_yet_held", [])))
            #expect(try await isClosed(planned) == false)

            // Held yesterday, its one item undecided: named before closing, carried forward after.
            let held = try await open(today.adding(days: -1))
            page = try await app.send(.GET, "\(held)/close", as: manager)
            #expect(page.text.contains(text("meeting.close.undecided.one", [])))
            #expect(page.text.contains("Cerys Jones"))
            #expect(page.text.contains(text("meeting.close.confirm", [])))
            #expect(try await isClosed(held) == false)
            refused = try await app.send(.POST, "\(held)/close", as: manager, form: [("confirmed", "maybe")])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await isClosed(held) == false)
            let closed = try await app.send(.POST, "\(held)/close", as: manager, form: [("confirmed", "true")])
            #expect(closed.status == .seeOther)
            #expect(try await isClosed(held))
            let minutes = try await app.send(.GET, "\(held)/minutes", as: manager)
            #expect(minutes.text.contains("Cerys Jones"))
            #expect(minutes.text.contains(text("minutes.not_decided", [])))
            #expect(!minutes.text.contains(text("minutes.lacking", [""])))
            // Once closed, its close page leads back to the meeting.
            page = try await app.send(.GET, "\(held)/close", as: manager)
            #expect(page.status == .seeOther)
        }
    }
}
