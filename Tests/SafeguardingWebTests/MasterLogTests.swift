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

    @Test("the referral being screened and the request being answered carry the child's warnings, as far as the reader may see")
    func flagsOnScreeningAndRequests() async throws {
        try await withTestApp { app, partnership in
            let referrer = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let created = try await app.send(
                .POST, "/api/v1/referrals", as: referrer, json: #"{"kind": "marf", "submit": true, "form": \#(schoolReferralJSON())}"#)
            let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""))
            let referral = try #require(try await ReferralRepository(app.db).find(id))
            let cerys = partnership.knownToHealth.id
            #expect(referral.childID == cerys, "the NHS number links the referral to Cerys's record")
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let today = app.workingCalendar.day(of: Date())
            _ = try await app.send(.POST, "/children/\(cerys.uuidString.lowercased())/flags", as: hub, form: [
                ("kind", "marac"), ("source", "Newport MARAC"), ("ends_on", today.adding(days: 30).iso),
            ])
            let text = app.catalogue.text("flag.marac", .english)
            var response = try await app.send(.GET, "/referrals/\(id.uuidString.lowercased())", as: hub)
            #expect(response.text.contains(text))
            // The health board's lead is asked about Cerys, and may open her record (her GP is involved), but a MARAC
            // is for the hub and child protection: the request page shows no warning it may not see.
            let token = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            response = try await app.send(.POST, "/api/v1/referrals/\(id.uuidString.lowercased())/requests", as: token,
                json: #"{"agency_ids": ["\#(partnership.healthBoard.id.uuidString)"], "question": "What do you know?"}"#)
            let requests = try await InformationRequestRepository(app.db).forReferrals([id])
            let request = try #require(requests.first, "the request was sent: \(response.text)")
            do {
                let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
                response = try await app.send(.GET, "/requests/\(request.id.uuidString.lowercased())", as: lead)
                #expect(response.status == .ok)
                #expect(!response.text.contains(text))
                #expect(!response.text.contains("class=\"flags\""))
            }
        }
    }
}
