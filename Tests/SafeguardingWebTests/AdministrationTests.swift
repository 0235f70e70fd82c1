import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Administrators manage agencies, accounts and API tokens")
struct AdministrationTests {
    @Test("a token issued through the API works once, is never listed again, and stops working when revoked")
    func tokenLifecycle() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let lead = partnership.account(.safeguardingLead)
            let issued = try await app.send(
                .POST, "/api/v1/tokens", as: admin,
                json: #"{"user_id": "\#(lead.id)", "label": "Health board case system", "valid_for_days": 90}"#)
            #expect(issued.status == .created)
            let token = try #require(issued.json["token"] as? String)
            let tokenID = try #require(issued.json["id"] as? String)
            let me = try await app.send(.GET, "/api/v1/me", as: Credentials(bearer: token))
            #expect(me.status == .ok)
            #expect((me.json["user"] as? [String: Any])?["username"] as? String == lead.username)
            #expect(me.json["permissions"] as? [String] == ["use_account", "search_children", "view_child_record", "break_glass", "submit_referral",
                    "answer_information_requests", "acknowledge_encompass"])
            let listed = try await app.send(.GET, "/api/v1/tokens", as: admin)
            #expect(!listed.text.contains(token))
            #expect(listed.text.contains("Health board case system"))
            let revoked = try await app.send(.DELETE, "/api/v1/tokens/\(tokenID)", as: admin)
            #expect(revoked.status == .noContent)
            let refused = try await app.send(.GET, "/api/v1/me", as: Credentials(bearer: token))
            #expect(refused.status == .unauthorized)
            let actions = try await AuditTrail.search(AuditQuery(), on: app.db).map(\.event.action)
            #expect(actions.contains(.apiTokenIssued) && actions.contains(.apiTokenRevoked))
        }
    }

    @Test("an account created in the admin pages can sign in with its roles, and the creation is audited")
    func createAccountInBrowser() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.session(for: partnership.account(.administrator), on: app)
            let response = try await app.send(
                .POST, "/admin/users", as: admin,
                form: [
                    ("username", "ffion.watkins"), ("display_name", "Ffion Watkins"), ("email", "ffion@example.org"),
                    ("job_title", "Hub social worker"), ("agency_id", partnership.childrensServices.id.uuidString),
                    ("roles", "hub_practitioner"), ("roles", "auditor"), ("language", "cy"),
                    ("password", "mynydd-afon-seren-77"),
                ])
            #expect(response.status == .seeOther)
            let signIn = try await SignInTests.signIn(app, username: "ffion.watkins", password: "mynydd-afon-seren-77")
            #expect(signIn.status == .seeOther)
            let created = try #require(try await UserRepository(app.db).credentials(username: "ffion.watkins"))
            #expect(created.account.roles == [.hubPractitioner, .auditor])
            #expect(created.account.language == .welsh)
            #expect(created.passwordHash.hasPrefix("$2"))
            let entries = try await AuditTrail.search(AuditQuery(action: .accountCreated), on: app.db)
            #expect(entries.first?.event.subjectID == created.account.id)
        }
    }

    @Test("a username already taken is refused by name")
    func duplicateUsername() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let response = try await app.send(
                .POST, "/api/v1/users", as: admin,
                json: """
                    {"username": "test.auditor", "display_name": "Another", "email": "a@example.org", "job_title": "QA",
                     "agency_id": "\(partnership.childrensServices.id)", "roles": ["auditor"], "password": "long-enough-password"}
                    """)
            #expect(response.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(response) == ["username": "error.user.username_taken"])
        }
    }

    @Test("deactivating an account signs it out everywhere")
    func deactivation() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let practitioner = partnership.account(.hubPractitioner)
            let session = try await Credentials.session(for: practitioner, on: app)
            let response = try await app.send(
                .PUT, "/api/v1/users/\(practitioner.id)", as: admin,
                json: """
                    {"display_name": "\(practitioner.displayName)", "email": "\(practitioner.email)", "job_title": "Left",
                     "agency_id": "\(practitioner.agencyID)", "roles": ["hub_practitioner"], "is_active": false}
                    """)
            #expect(response.status == .ok)
            #expect(response.json["is_active"] as? Bool == false)
            #expect(try await app.send(.GET, "/home", as: session).status == .seeOther)
        }
    }

    @Test("agencies can be added and renamed, with both names, and a duplicate name is refused")
    func agencies() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.session(for: partnership.account(.administrator), on: app)
            let added = try await app.send(
                .POST, "/admin/agencies", as: admin,
                form: [("name", "Dyfed-Powys Police"), ("welsh_name", "Heddlu Dyfed-Powys"), ("kind", "police"),
                    ("is_hub_member", "true")])
            #expect(added.status == .seeOther)
            let agency = try #require(try await AgencyRepository(app.db).find(named: "Dyfed-Powys Police"))
            #expect(agency.welshName == "Heddlu Dyfed-Powys" && agency.isHubMember && agency.kind == .police)
            let duplicate = try await app.send(
                .POST, "/admin/agencies", as: admin,
                form: [("name", "Gwent Police"), ("welsh_name", "Heddlu Gwent"), ("kind", "police")])
            #expect(duplicate.status == .unprocessableEntity)
            #expect(duplicate.text.contains("An agency with this name already exists"))

            // Pages name agencies from a list held in memory: a rename shows at once.
            #expect(try await app.send(.GET, "/admin/agencies", as: admin).text.contains("Gwent Police"))
            let renamed = try await app.send(
                .POST, "/admin/agencies/\(partnership.police.id.uuidString.lowercased())", as: admin,
                form: [("name", "Heddlu Gwent Police"), ("welsh_name", "Heddlu Gwent"), ("kind", "police"),
                    ("is_hub_member", "true")])
            #expect(renamed.status == .seeOther)
            let list = try await app.send(.GET, "/admin/agencies", as: admin).text
            #expect(list.contains("Heddlu Gwent Police") && !list.contains(">Gwent Police<"))
        }
    }
}
