import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Cerys comes into care: her missing page and care page say no profile is kept for the
/// police; one is kept; she moves to a children's home, and the profile, written before
/// the move, is to be checked again.
@Suite("The police's profile for a child in care follows her periods and placements")
struct MissingProfileReadinessFlowTests {
    @Test("owed once she is looked after, ready when kept, to be checked after a new placement, in the pages and the API")
    func readinessFollowsCare() async throws {
        try await withTestApp { app, partnership in
            let social = try await Credentials.session(for: partnership.account(.socialWorker), on: app)
            let token = try await Credentials.apiToken(for: partnership.account(.socialWorker), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(cerys.uuidString.lowercased())"
            let today = app.workingCalendar.day(of: Date())
            let t = { (key: String, arguments: [String]) in NetworkPagesTests.html(app, key, .english, arguments) }
            func readiness() async throws -> String? {
                try await app.send(.GET, "/api/v1\(base)/missing", as: token).json["profile_readiness"] as? String
            }

            var response = try await app.send(.GET, "\(base)/missing", as: social)
            #expect(!response.text.contains("id=\"profile-readiness\""), "not in care: nothing is owed")
            #expect(try await readiness() == "not_needed")

            response = try await app.send(.POST, "\(base)/care/periods", as: social, form: [
                ("legal_status", "interim_care_order"), ("starts_on", today.adding(days: -30).iso), ("reason", "Neglect at home"),
            ])
            #expect(response.status == .seeOther)
            let owed = t("missing.profile.readiness.missing", [])
            for page in ["\(base)/missing", "\(base)/care"] {
                response = try await app.send(.GET, page, as: social)
                #expect(response.text.contains(owed), "\(page) does not say the profile is owed")
            }
            #expect(response.text.contains("href=\"\(base)/missing#profile\""), "the care page links to the profile")
            #expect(try await readiness() == "missing")

            // Kept ten days ago, before she moves to a children's home two days ago.
            try await MissingRepository(app.db).save(MissingProfile(
                childID: cerys, description: "Small, dark hair, green school coat", associates: "", placesTheyGo: "The retail park",
                phonesAndAccounts: "", updatedAt: Date().addingTimeInterval(-10 * 86_400),
                updatedByUserID: partnership.account(.socialWorker).id))
            #expect(try await readiness() == "ready")
            response = try await app.send(.GET, "\(base)/care", as: social)
            #expect(response.text.contains(t("missing.profile.readiness.ready", [])))
            response = try await app.send(.POST, "\(base)/care/placements", as: social, form: [
                ("placement_type", "childrens_home"), ("provider", "Tŷ Derw"), ("starts_on", today.adding(days: -2).iso),
                ("place_name", "Tŷ Derw"), ("place_address", "4 Heol y Parc, Newport"), ("place_postcode", "NP20 6AB"),
            ])
            #expect(response.status == .seeOther)
            let review = t("missing.profile.readiness.needs_review", [DateWording.date(today.adding(days: -2), .english)])
            response = try await app.send(.GET, "\(base)/missing", as: social)
            #expect(response.text.contains(review))
            #expect(response.text.contains(t("missing.profile.readiness.update", [])), "the worker is offered the update")
            let care = try await app.send(.GET, "/api/v1\(base)/care", as: token)
            #expect(care.json["missing_profile_readiness"] as? String == "needs_review")

            response = try await app.send(.POST, "\(base)/missing-profile", as: social, form: [
                ("description", "Small, dark hair, green school coat"), ("associates", "Residents at Tŷ Derw"),
                ("places_they_go", "The retail park"), ("phones_and_accounts", ""),
            ])
            #expect(response.status == .seeOther)
            #expect(try await readiness() == "ready")
            response = try await app.send(.GET, "\(base)/missing", as: social)
            #expect(!response.text.contains(review) && response.text.contains(t("missing.profile.readiness.ready", [])))
        }
    }
}
