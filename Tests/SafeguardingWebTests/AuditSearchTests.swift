import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// "Who looked at Cerys Jones last week?", asked as an auditor asks it (issue 15, item 5).
@Suite("The audit search is asked by name and date and answers in words")
struct AuditSearchTests {
    /// The rows of the results table, each as its text with the tags taken out.
    static func rows(_ html: String) -> [String] {
        guard let body = html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first
        else { return [] }
        return body.components(separatedBy: "<tr>").dropFirst().map {
            $0.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "&#39;", with: "'")
        }
    }

    @Test("a child and a person are found by name, and the Why column speaks words, not keys")
    func byNameInWords() async throws {
        try await withTestApp { app, partnership in
            let cerys = partnership.knownToHealth
            let gwenllian = partnership.welshPractitioner
            // Gwenllian opens Cerys's record as the hub does; the trail records why.
            let her = try await Credentials.session(for: gwenllian, on: app)
            #expect(try await app.send(.GET, "/children/\(cerys.id)", as: her).status == .ok)
            let officer = partnership.account(.referrer)
            for (action, detail) in [
                (AuditAction.informationAnswered, "knowledge=currently_involved late=true"),
                (.strategyDiscussionRecorded, "outcome=section_47_enquiry"),
                (.accountChanged, "user=\(officer.id.uuidString.lowercased())"),
                (.decisionSignedOff, "returned"),
            ] {
                try await AuditTrail.append(
                    AuditEvent(actorUserID: gwenllian.id, actorName: gwenllian.displayName, agencyID: gwenllian.agencyID,
                        roles: Array(gwenllian.roles), action: action, childID: cerys.id, detail: detail), on: app.db)
            }
            let auditor = try await Credentials.session(for: partnership.account(.auditor), on: app)
            let week = CalendarDay(Date().addingTimeInterval(-7 * 86_400), in: DateWording.london).iso
            let page = try await app.send(.GET, "/audit?child=cerys+jones&user=gwenllian&from=\(week)", as: auditor)
            #expect(page.status == .ok)
            let rows = Self.rows(page.text)
            #expect(rows.count == 5, "the record opening and the four entries: \(rows.count)")
            #expect(rows.allSatisfy { $0.contains("Cerys Jones") && $0.contains("Gwenllian Hughes") }, "the child by name")
            #expect(!page.text.contains("Open record"))
            let text = rows.joined(separator: "\n")
            #expect(text.contains("Safeguarding hub screening"))
            #expect(text.contains("Answer: Yes, we are involved now; Answered after it was due"))
            #expect(text.contains("Outcome: Start Section 47 enquiries"), "as the strategy discussion's outcome is worded")
            #expect(text.contains("Account: \(officer.displayName)"))
            #expect(text.contains("The manager sent the decision back"))
            for raw in ["hub_screening", "knowledge=", "late=", "outcome=", "user=", "section_47"] {
                #expect(!text.contains(raw), "\(raw) is a key, not a word")
            }
            #expect(page.text.contains("Children whose name matches: Cerys Jones"))
            #expect(page.text.contains("5 entries, newest first"))

            // Another person's name finds only what they did: the auditor's own search just now.
            let someoneElse = try await app.send(.GET, "/audit?child=cerys+jones&user=test+auditor", as: auditor)
            let theirs = Self.rows(someoneElse.text)
            #expect(theirs.count == 1 && theirs[0].contains("Searched the audit trail") && theirs[0].contains("Results: 5"))
        }
    }

    @Test("a name that matches no child or no one is a message by the field, and nothing is listed")
    func unmatchedNames() async throws {
        try await withTestApp { app, partnership in
            let auditor = try await Credentials.session(for: partnership.account(.auditor), on: app)
            let page = try await app.send(.GET, "/audit?child=Zebedee+Quartz&user=nobody+here", as: auditor)
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("No child you can open has that name or number"))
            #expect(page.text.contains("No account has that name"))
            #expect(Self.rows(page.text).isEmpty)
        }
    }

    @Test("a restricted record the auditor may not open keeps its name to itself, in the list and in the search")
    func restrictedStaysUnnamed() async throws {
        try await withTestApp { app, partnership in
            let sealed = partnership.sealed
            let manager = partnership.account(.hubManager)
            try await AuditTrail.append(
                AuditEvent(actorUserID: manager.id, actorName: manager.displayName, agencyID: manager.agencyID,
                    roles: Array(manager.roles), action: .childRecordViewed, childID: sealed.id, reason: "explicit_grant"),
                on: app.db)
            let auditor = try await Credentials.session(for: partnership.account(.auditor), on: app)
            let page = try await app.send(.GET, "/audit?user=\(manager.id)", as: auditor)
            let row = try #require(Self.rows(page.text).first)
            #expect(row.contains("A record you cannot open"))
            #expect(!page.text.contains(sealed.fullName) && !page.text.contains("/children/\(sealed.id.uuidString.lowercased())"))
            let byName = try await app.send(.GET, "/audit?child=\(sealed.givenName)+\(sealed.surname)", as: auditor)
            #expect(byName.status == .unprocessableEntity, "the search does not tell a restricted record exists")
            #expect(!byName.text.contains(sealed.fullName + ","))
        }
    }

    @Test("results come fifty to a page, with links to the older and the newer, carrying the search")
    func paged() async throws {
        try await withTestApp { app, partnership in
            let worker = partnership.account(.hubPractitioner)
            for index in 0..<60 {
                try await AuditTrail.append(
                    AuditEvent(actorUserID: worker.id, actorName: worker.displayName, agencyID: worker.agencyID,
                        roles: Array(worker.roles), action: .childrenSearched, reason: "search \(index)", detail: "results=1"),
                    on: app.db)
            }
            let auditor = try await Credentials.session(for: partnership.account(.auditor), on: app)
            let first = try await app.send(.GET, "/audit?user=\(worker.id)&action=children.searched", as: auditor)
            #expect(Self.rows(first.text).count == 50)
            #expect(first.text.contains("60 entries, newest first – showing 1–50"))
            #expect(Self.rows(first.text).first?.contains("search 59; Results: 1") == true)
            let older = "/audit?user=\(worker.id.uuidString)&amp;action=children.searched&amp;page=2"
            #expect(first.text.contains("href=\"\(older)\""), "the next page keeps the filters")
            #expect(!first.text.contains("Newer entries"))
            let second = try await app.send(
                .GET, "/audit?user=\(worker.id.uuidString)&action=children.searched&page=2", as: auditor)
            #expect(Self.rows(second.text).count == 10)
            #expect(second.text.contains("showing 51–60"))
            #expect(second.text.contains("Newer entries") && !second.text.contains("Older entries"))
        }
    }

    @Test("in Welsh the Why column is Welsh")
    func inWelsh() async throws {
        try await withTestApp { app, partnership in
            let cerys = partnership.knownToHealth
            let her = try await Credentials.session(for: partnership.welshPractitioner, on: app)
            #expect(try await app.send(.GET, "/children/\(cerys.id)", as: her).status == .ok)
            let auditor = partnership.account(.auditor)
            try await UserRepository(app.db).setLanguage(.welsh, for: auditor.id)
            let page = try await app.send(.GET, "/audit?child=\(cerys.id)", as: try await Credentials.session(for: auditor, on: app))
            #expect(page.text.contains("Sgrinio yn yr hyb diogelu"))
            #expect(page.text.contains("Plant y mae eu henw'n cyfateb: Cerys Jones") || page.text.contains("cyfateb: Cerys Jones"))
        }
    }
}
