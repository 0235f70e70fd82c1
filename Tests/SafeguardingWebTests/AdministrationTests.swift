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
            let system = partnership.account(.integration)
            let issued = try await app.send(
                .POST, "/api/v1/tokens", as: admin,
                json: #"{"user_id": "\#(system.id)", "label": "Police case system", "valid_for_days": 90}"#)
            #expect(issued.status == .created)
            let token = try #require(issued.json["token"] as? String)
            let tokenID = try #require(issued.json["id"] as? String)
            let me = try await app.send(.GET, "/api/v1/me", as: Credentials(bearer: token))
            #expect(me.status == .ok)
            #expect((me.json["user"] as? [String: Any])?["username"] as? String == system.username)
            #expect(me.json["permissions"] as? [String] == ["use_account"])
            let listed = try await app.send(.GET, "/api/v1/tokens", as: admin)
            #expect(!listed.text.contains(token))
            #expect(listed.text.contains("Police case system"))
            let revoked = try await app.send(.DELETE, "/api/v1/tokens/\(tokenID)", as: admin)
            #expect(revoked.status == .noContent)
            let refused = try await app.send(.GET, "/api/v1/me", as: Credentials(bearer: token))
            #expect(refused.status == .unauthorized)
            let actions = try await AuditTrail.search(AuditQuery(), on: app.db).map(\.event.action)
            #expect(actions.contains(.apiTokenIssued) && actions.contains(.apiTokenRevoked))
        }
    }

    @Test("an administrator issues tokens only for integration accounts; a person issues their own, which acts as them")
    func tokensForPeopleAreTheirs() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            for person in [partnership.account(.hubManager), partnership.account(.safeguardingLead), partnership.account(.administrator)] {
                let refused = try await app.send(.POST, "/api/v1/tokens", as: admin,
                    json: #"{"user_id": "\#(person.id)", "label": "Acting as someone"}"#)
                #expect(refused.status == .unprocessableEntity, "\(person.username)")
                #expect(BadInputTests.fieldErrors(refused)["user_id"] != nil)
            }
            #expect(try await APITokenRepository(app.db).all().filter { $0.label == "Acting as someone" }.isEmpty)

            let lead = partnership.account(.safeguardingLead)
            let session = try await Credentials.apiToken(for: lead, on: app)
            let own = try await app.send(.POST, "/api/v1/me/tokens", as: session, json: #"{"label": "My laptop script"}"#)
            #expect(own.status == .created)
            let token = try #require(own.json["token"] as? String)
            let me = try await app.send(.GET, "/api/v1/me", as: Credentials(bearer: token))
            #expect((me.json["user"] as? [String: Any])?["username"] as? String == lead.username)
            let issued = try await AuditTrail.search(AuditQuery(action: .apiTokenIssued), on: app.db)
            #expect(issued.contains { $0.event.actorUserID == lead.id && $0.event.detail == "own" })
        }
    }

    @Test("no one changes their own roles; a role that reads records, given to anyone, is alerted to the hub managers")
    func rolesKeptApartFromCaseAccess() async throws {
        try await withTestApp { app, partnership in
            let administrator = partnership.account(.administrator)
            let admin = try await Credentials.apiToken(for: administrator, on: app)
            let selfPromotion = try await app.send(.PUT, "/api/v1/users/\(administrator.id)", as: admin,
                json: #"{"display_name": "\#(administrator.displayName)", "email": "\#(administrator.email)", "job_title": "Tester", "agency_id": "\#(administrator.agencyID)", "roles": ["administrator", "hub_manager"]}"#)
            #expect(selfPromotion.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(selfPromotion)["roles"] != nil)
            #expect(try await UserRepository(app.db).find(administrator.id)?.roles == [.administrator])
            #expect(try await AlertRepository(app.db).recent().isEmpty)

            let referrer = partnership.account(.referrer)
            let promoted = try await app.send(.PUT, "/api/v1/users/\(referrer.id)", as: admin,
                json: #"{"display_name": "\#(referrer.displayName)", "email": "\#(referrer.email)", "job_title": "Tester", "agency_id": "\#(referrer.agencyID)", "roles": ["referrer", "safeguarding_lead"]}"#)
            #expect(promoted.status == .ok, "\(promoted.text)")
            let alerts = try await AlertRepository(app.db).recent()
            #expect(alerts.map(\.kind) == [.privilegedRole])
            #expect(alerts.first?.reason == referrer.displayName)
            let manager = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let page = try await app.send(.GET, "/alerts", as: manager)
            #expect(page.text.contains("Role that reads children&#39;s records given") || page.text.contains("Role that reads children's records given"))
        }
    }

    @Test("a password reset by an administrator signs the person out, revokes their tokens and, for a record reader, alerts the hub managers")
    func passwordResetEndsTokens() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let manager = partnership.account(.hubManager)
            let token = try await Credentials.apiToken(for: manager, on: app)
            #expect(try await app.send(.GET, "/api/v1/me", as: token).status == .ok)
            let reset = try await app.send(.PUT, "/api/v1/users/\(manager.id)", as: admin,
                json: #"{"display_name": "\#(manager.displayName)", "email": "\#(manager.email)", "job_title": "Tester", "agency_id": "\#(manager.agencyID)", "roles": ["hub_manager"], "password": "a new long passphrase"}"#)
            #expect(reset.status == .ok, "\(reset.text)")
            #expect(try await app.send(.GET, "/api/v1/me", as: token).status == .unauthorized, "the token no longer acts for him")
            #expect(try await AlertRepository(app.db).recent().map(\.kind) == [.passwordReset])
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
