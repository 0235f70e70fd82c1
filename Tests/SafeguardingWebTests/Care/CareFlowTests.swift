import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Cerys becomes looked after and is placed at a B&B that nobody has checked: the
/// looked-after flag stands on her record, the check is a clock on the team queue and a
/// warning on her care page and the B&B's page, until a safety check finds it safe.
@Suite("Children in care: periods of being looked after and placements, in the browser and the API")
struct CareFlowTests {
    func html(_ app: Application, _ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        NetworkPagesTests.html(app, key, language, arguments)
    }

    @Test("a looked-after period shows the looked-after flag on every page about the child", arguments: Language.allCases)
    func lookedAfterFlag(language: Language) async throws {
        try await withTestApp { app, partnership in
            var worker = partnership.account(.socialWorker)
            worker.language = language
            try await UserRepository(app.db).update(worker)
            let social = try await Credentials.session(for: worker, on: app)
            let base = "/children/\(partnership.knownToHealth.id.uuidString.lowercased())"
            let flag = html(app, "flag.looked_after", language)
            var response = try await app.send(.GET, base, as: social)
            #expect(!response.text.contains("flag--looked_after"))
            let today = app.workingCalendar.day(of: Date())
            response = try await app.send(.POST, "\(base)/care/periods", as: social, form: [
                ("legal_status", "interim_care_order"), ("starts_on", today.adding(days: -3).iso),
                ("reason", "Neglect at home; the court made an interim care order"),
            ])
            #expect(response.status == .seeOther)
            for page in [base, "\(base)/care", "\(base)/network", "\(base)/missing"] {
                response = try await app.send(.GET, page, as: social)
                #expect(response.text.contains("flag--looked_after") && response.text.contains(flag), "\(page)")
            }
            response = try await app.send(.GET, "\(base)/care", as: social)
            #expect(response.text.contains(html(app, "care.legal_status.interim_care_order", language)))
            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            response = try await app.send(.GET, base, as: lead)
            #expect(response.text.contains("flag--looked_after"), "the GP's lead sees it too")
            let actions = Set(try await AuditTrail.latest(aboutChild: partnership.knownToHealth.id, limit: 20, on: app.db).map(\.event.action))
            #expect(actions.isSuperset(of: [.lookedAfterStarted, .careViewed]))
        }
    }

    @Test("a B&B placement without a safety check shows the warning and the team queue clock; a check that finds it safe clears both")
    func bedAndBreakfastWithoutCheck() async throws {
        try await withTestApp { app, partnership in
            let social = try await Credentials.session(for: partnership.account(.socialWorker), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(cerys.uuidString.lowercased())"
            let today = app.workingCalendar.day(of: Date())
            var response = try await app.send(.POST, "\(base)/care/periods", as: social, form: [
                ("legal_status", "accommodated_s76"), ("starts_on", today.iso), ("reason", "Mother in hospital, no family able to care"),
            ])
            #expect(response.status == .seeOther)
            response = try await app.send(.POST, "\(base)/care/placements", as: social, form: [
                ("placement_type", "temporary_accommodation"), ("provider", "Bryn Guest House Ltd"), ("starts_on", today.iso),
                ("place_name", "Bryn Guest House"), ("place_address", "22 Chepstow Road, Newport"), ("place_postcode", "NP19 8EA"),
            ])
            #expect(response.status == .seeOther)
            let placement = try #require(try await CareRepository(app.db).placements(of: cerys).first)
            let place = "/places/\(placement.placeID.uuidString.lowercased())"
            let warning = html(app, "care.warning.no_safety_check", .english, ["Bryn Guest House"])

            response = try await app.send(.GET, "\(base)/care", as: social)
            #expect(response.text.contains(warning))
            #expect(response.text.contains("href=\"\(place)\""), "the placement's address links to the place")
            response = try await app.send(.GET, "/team", as: social)
            #expect(response.text.contains(html(app, "care.clock.safety_check", .english)))
            #expect(response.text.contains("\(place)#safety-check"))
            // The API's team queue carries the same clock, with the placement as its subject.
            let token = try await Credentials.apiToken(for: partnership.account(.socialWorker), on: app)
            func queued() async throws -> [[String: Any]] {
                let items = try await app.send(.GET, "/api/v1/team/queue", as: token).json["items"] as? [[String: Any]] ?? []
                return items.filter { $0["kind"] as? String == "safety_check" }
            }
            var checks = try await queued()
            #expect(checks.count == 1 && checks.first?["subject_id"] as? String == placement.id.uuidString)
            #expect(checks.first?["child_name"] as? String == "Cerys Jones")
            response = try await app.send(.GET, place, as: social)
            #expect(response.text.contains(html(app, "network.check.warning", .english)) && response.text.contains("Cerys Jones"))
            response = try await app.send(.GET, "\(base)/network", as: social)
            #expect(response.text.contains("Bryn Guest House"), "the placement linked her to the place")

            // A check that found it unsafe must say what it found, and does not clear it.
            response = try await app.send(.POST, "\(place)/safety-checks", as: social, form: [
                ("checked_on", today.iso), ("result", "unsafe"),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(html(app, "error.network.finding_needed", .english)))
            #expect(try await CareRepository(app.db).checks(of: [placement.placeID]).isEmpty)
            response = try await app.send(.POST, "\(place)/safety-checks", as: social, form: [
                ("checked_on", today.iso), ("result", "safe"), ("note", "Room, fire doors and other guests checked with the manager"),
            ])
            #expect(response.status == .seeOther)
            response = try await app.send(.GET, "\(base)/care", as: social)
            #expect(!response.text.contains(warning))
            response = try await app.send(.GET, "/team", as: social)
            #expect(!response.text.contains("\(place)#safety-check"))
            checks = try await queued()
            #expect(checks.isEmpty, "the check cleared the API's clock too")
            response = try await app.send(.GET, place, as: social)
            #expect(!response.text.contains(html(app, "network.check.warning", .english)))
            #expect(response.text.contains(html(app, "network.check.result.safe", .english)))
        }
    }

    @Test("the API places a child in a B&B and records its safety check with the same fields as the pages")
    func api() async throws {
        try await withTestApp { app, partnership in
            let token = try await Credentials.apiToken(for: partnership.account(.teamManager), on: app)
            let base = "/api/v1/children/\(partnership.knownToHubOnly.id.uuidString.lowercased())"
            let today = app.workingCalendar.day(of: Date()).iso
            var response = try await app.send(.POST, "\(base)/care/periods", as: token,
                json: #"{"legal_status": "police_protection", "starts_on": "\#(today)", "reason": "Found alone at night"}"#)
            #expect(response.status == .created)
            response = try await app.send(.POST, "\(base)/care/placements", as: token, json: #"""
                {"placement_type": "temporary_accommodation", "provider": "Tŷ Gwyn Hostel", "starts_on": "\#(today)",
                 "place_name": "Tŷ Gwyn Hostel", "place_postcode": "NP20 2BB"}
                """#)
            #expect(response.status == .created)
            let placeID = try #require(response.json["place_id"] as? String)
            response = try await app.send(.GET, "\(base)/care", as: token)
            #expect(((response.json["placements"] as? [[String: Any]])?.first?["lacks_safety_check"] as? Bool) == true)
            response = try await app.send(.POST, "/api/v1/places/\(placeID)/safety-checks", as: token,
                json: #"{"checked_on": "\#(today)", "result": "safe", "checked_by": "Rhys Bowen"}"#)
            #expect(response.status == .created)
            #expect(response.json["placements_lacking_check"] as? Int == 0)
            response = try await app.send(.GET, "\(base)/care", as: token)
            #expect(((response.json["placements"] as? [[String: Any]])?.first?["lacks_safety_check"] as? Bool) == false)
            response = try await app.send(.GET, "\(base)/network", as: token)
            let names = (response.json["members"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            #expect(names.contains("Tŷ Gwyn Hostel"), "the placement linked the child to the place")
        }
    }

    @Test("bad input is answered field by field, in the form and the API, and nothing is written")
    func badInput() async throws {
        try await withTestApp { app, partnership in
            let social = try await Credentials.session(for: partnership.account(.socialWorker), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(cerys.uuidString.lowercased())"
            let today = app.workingCalendar.day(of: Date())
            var response = try await app.send(.POST, "\(base)/care/placements", as: social, form: [
                ("placement_type", "foster_care"), ("provider", "Mr and Mrs Rees"), ("starts_on", today.iso), ("place_name", "12 Park Road"),
            ])
            #expect(response.status == .unprocessableEntity, "not looked after on that day")
            #expect(response.text.contains(html(app, "error.care.not_looked_after", .english)))
            #expect(try await NetworkRepository(app.db).search("12 Park").isEmpty, "the new address was not written")

            let token = try await Credentials.apiToken(for: partnership.account(.socialWorker), on: app)
            response = try await app.send(.POST, "/api/v1\(base)/care/periods", as: token,
                json: #"{"legal_status": "care_order", "starts_on": "\#(today.adding(days: 2).iso)", "reason": " "}"#)
            #expect(response.status == .unprocessableEntity && response.isProblem)
            let fields = Dictionary(((response.json["errors"] as? [[String: Any]]) ?? []).compactMap { error in
                (error["field"] as? String).map { ($0, error["code"] as? String ?? "") }
            }, uniquingKeysWith: { a, _ in a })
            #expect(Set(fields.keys) == ["starts_on", "reason"], "\(fields)")
            #expect(try await CareRepository(app.db).periods(of: cerys).isEmpty)

            response = try await app.send(.POST, "/api/v1\(base)/care/periods", as: token,
                json: #"{"legal_status": "care_order", "starts_on": "\#(today.iso)", "reason": "Care order made"}"#)
            #expect(response.status == .created)
            response = try await app.send(.POST, "/api/v1\(base)/care/periods", as: token,
                json: #"{"legal_status": "care_order", "starts_on": "\#(today.iso)", "reason": "Again"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect((response.json["errors"] as? [[String: Any]])?.first?["code"] as? String == "error.care.overlaps_period")
            response = try await app.send(.GET, "/api/v1\(base)/care", as: token)
            #expect(response.json["looked_after"] as? Bool == true)
            #expect((response.json["periods"] as? [Any])?.count == 1)
        }
    }
}
