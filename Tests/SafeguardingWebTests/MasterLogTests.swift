import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// The master log puts the missing episode, the assessment and the warnings beside the
/// referrals, narrows by kind and agency, and shows each reader only what they may see.
@Suite("The master log: one chronology across agencies")
struct MasterLogTests {
    func input(_ date: Date) -> String { DateWording.inputValue(date) }

    @Test("every kind of entry, filtered by kind and agency, each cut to what the reader may see")
    func masterLog() async throws {
        try await withTestApp { app, partnership in
            let police = try await Credentials.session(for: partnership.welshPractitioner, on: app)
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(cerys.uuidString.lowercased())"
            let english = { (key: String, argument: String?) in
                app.catalogue.text(key, .english, argument.map { [app.catalogue.text($0, .english)] } ?? [])
                    .replacingOccurrences(of: "'", with: "&#39;")
            }
            let today = app.workingCalendar.day(of: Date())
            _ = try await app.send(.POST, "\(base)/missing", as: police, form: [
                ("reported_at", input(Date().addingTimeInterval(-3_600))), ("risk_grade", "medium"),
            ])
            _ = try await app.send(.POST, "\(base)/exploitation", as: lead, form: [
                ("seen_drug_debt", today.iso), ("reliability_drug_debt", "reliable_report"), ("summary", "Owes money"),
            ])
            _ = try await app.send(.POST, "\(base)/flags", as: hub, form: [
                ("kind", "child_abduction_warning_notice"), ("source", "CAWN 2026/9"), ("adult_named", "Dean Price"),
                ("ends_on", today.adding(days: 30).iso),
            ])
            let missing = english("chronology.missing_reported", "missing.grade.medium")
            let assessed = english("chronology.exploitation_assessed", "exploitation.level.medium")
            let flag = english("chronology.flag_raised", "flag.child_abduction_warning_notice")

            var response = try await app.send(.GET, "\(base)/log", as: hub)
            #expect(response.status == .ok)
            #expect(response.text.contains(missing) && response.text.contains(assessed) && response.text.contains(flag))
            response = try await app.send(.GET, "\(base)/log?kind=missing", as: hub)
            #expect(response.text.contains(missing) && !response.text.contains(assessed) && !response.text.contains(flag))
            response = try await app.send(
                .GET, "\(base)/log?agency=\(partnership.healthBoard.id.uuidString.lowercased())", as: hub)
            #expect(response.text.contains(assessed) && !response.text.contains(missing))
            // The GP's safeguarding lead reads the record but not the police's CAWN.
            response = try await app.send(.GET, "\(base)/log", as: lead)
            #expect(response.text.contains(missing) && !response.text.contains(flag))
            response = try await app.send(.GET, "\(base)/log?kind=gossip", as: hub)
            #expect(response.status == .unprocessableEntity || response.status == .badRequest)

            let token = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            response = try await app.send(.GET, "/api/v1/children/\(cerys.uuidString.lowercased())/log?kind=flags", as: token)
            let entries = response.json["entries"] as? [[String: Any]] ?? []
            #expect(entries.count == 1)
            #expect(entries.first?["kind"] as? String == "flags")
            #expect(entries.first?["detail"] as? String == "CAWN 2026/9")
        }
    }
}
