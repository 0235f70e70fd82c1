import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Reading a child's record")
struct ChildRecordTests {
    @Test("the record page shows identity, family, agencies and who has looked, and the look is audited")
    func recordPageShowsAndAudits() async throws {
        try await withTestApp { app, partnership in
            let manager = partnership.account(.hubManager)
            let session = try await Credentials.session(for: manager, on: app)
            let child = partnership.knownToHealth
            let page = try await app.send(.GET, "/children/\(child.id)", as: session)
            #expect(page.status == .ok)
            for expected in [
                "<h1>Cerys Jones</h1>", "27 March 2015", "943 476 5919", "Ceri Jones", "Mother",
                "Aneurin Bevan University Health Board", "GP practice", "Dr Shah", "Who has looked at this record",
                "You can see this record because you work in the safeguarding hub.",
            ] {
                #expect(page.text.contains(expected), "record page lacks \(expected)")
            }
            let views = try await AuditTrail.search(AuditQuery(childID: child.id, action: .childRecordViewed), on: app.db)
            #expect(views.count == 1)
            #expect(views.first?.event.actorUserID == manager.id)
            #expect(views.first?.event.agencyID == partnership.childrensServices.id)
            #expect(views.first?.event.roles == [.hubManager])
            #expect(views.first?.event.reason == AccessBasis.hubScreening.rawValue)
            // The second visit lists the first one in "who has looked".
            let again = try await app.send(.GET, "/children/\(child.id)", as: session)
            #expect(again.text.contains("Test hub_manager"))
            #expect(again.text.contains("Read the record"))
        }
    }

    @Test("the API gives the same record and audits it the same way")
    func apiRecord() async throws {
        try await withTestApp { app, partnership in
            let token = try await Credentials.apiToken(for: partnership.account(.auditor), on: app)
            let response = try await app.send(.GET, "/api/v1/children/\(partnership.knownToHealth.id)", as: token)
            #expect(response.status == .ok)
            #expect(response.json["surname"] as? String == "Jones")
            #expect(response.json["date_of_birth"] as? String == "2015-03-27")
            #expect(response.json["access_basis"] as? String == "quality_assurance")
            #expect((response.json["family"] as? [[String: Any]])?.first?["relationship"] as? String == "mother")
            let views = try await AuditTrail.search(
                AuditQuery(childID: partnership.knownToHealth.id, action: .childRecordViewed), on: app.db)
            #expect(views.map(\.event.actorUserID) == [partnership.account(.auditor).id])
        }
    }

    @Test("a safeguarding lead reads the children their agency works with, and must break the glass for others")
    func leadSeesOwnAgencysChildren() async throws {
        try await withTestApp { app, partnership in
            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            #expect(try await app.send(.GET, "/children/\(partnership.knownToHealth.id)", as: lead).status == .ok)
            let other = try await app.send(.GET, "/children/\(partnership.knownToHubOnly.id)", as: lead)
            #expect(other.status == .forbidden)
            // The record is open to the hub, only not to this agency: it is not called restricted.
            #expect(other.text.contains("Your agency is not recorded as working with this child"))
            #expect(!other.text.contains("This record is restricted"))
            #expect(!other.text.contains("Williams"))
            let sealed = try await app.send(.GET, "/children/\(partnership.sealed.id)", as: lead)
            #expect(sealed.text.contains("This record is restricted"))
        }
    }

    @Test("search finds children by surname first, given name first, a given name alone, accents ignored, or NHS number")
    func searchFindsChildren() async throws {
        try await withTestApp { app, partnership in
            let token = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            // A given name alone ("cerys") found nothing: only surnames were read as a prefix.
            for query in ["jones", "Cerys Jones", "JONES CERYS", "943%20476%205919", "cerys", "CER"] {
                let response = try await app.send(.GET, "/api/v1/children?q=\(query.replacingOccurrences(of: " ", with: "%20"))", as: token)
                let names = (response.json["results"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
                #expect(names == ["Cerys Jones"], "search for \(query) gave \(names)")
            }
            let none = try await app.send(.GET, "/api/v1/children?q=evans", as: token)
            #expect((none.json["results"] as? [Any])?.isEmpty == true)
            let searches = try await AuditTrail.search(AuditQuery(action: .childrenSearched), on: app.db)
            #expect(searches.count == 7)
            // One is one child, not "1 children", in both languages.
            let session = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            #expect(try await app.send(.GET, "/children?q=cerys", as: session).text.contains("<h2>1 child found</h2>"))
            var welsh = partnership.account(.hubPractitioner)
            welsh.language = .welsh
            try await UserRepository(app.db).update(welsh)
            #expect(try await app.send(.GET, "/children?q=cerys", as: session).text.contains("<h2>Daethpwyd o hyd i un plentyn</h2>"))
        }
    }

    @Test("a restricted record shows in search only as 'a restricted record may match: ask a hub manager', with neither its id nor anything that names the child")
    func restrictedRecordIsHiddenInSearch() async throws {
        try await withTestApp { app, partnership in
            let sealed = partnership.sealed.id.uuidString.lowercased()
            let session = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let page = try await app.send(.GET, "/children?q=hughes", as: session)
            #expect(page.text.contains("A restricted record may match your search. Ask a hub manager"))
            #expect(!page.text.contains("Alaw"))
            #expect(!page.text.lowercased().contains(sealed), "the page does not hand out the record's id")
            let token = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let api = try await app.send(.GET, "/api/v1/children?q=hughes", as: token)
            #expect((api.json["results"] as? [Any])?.isEmpty == true)
            #expect(api.json["restricted_may_match"] as? Bool == true)
            #expect(!api.text.lowercased().contains(sealed))
            let unrelated = try await app.send(.GET, "/api/v1/children?q=jones", as: token)
            #expect(unrelated.json["restricted_may_match"] as? Bool == false)
            let record = try await app.send(.GET, "/api/v1/children/\(partnership.sealed.id)", as: token)
            #expect(record.status == .forbidden)
            #expect(record.json["type"] as? String == "https://diogelu.cymru/problems/break_glass_required")
        }
    }

    @Test("a search made only of separators is refused beside its field, and lists nobody")
    func separatorsAreNoSearch() async throws {
        try await withTestApp { app, partnership in
            let token = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            for query in ["%25", "_", ",", "%25%25", "%20,%20", "a"] {
                let response = try await app.send(.GET, "/api/v1/children?q=\(query)", as: token)
                #expect(response.status == .unprocessableEntity, "q=\(query)")
                #expect(response.isProblem)
                #expect(BadInputTests.fieldErrors(response)["q"] != nil)
                #expect(response.json["results"] == nil)
            }
            let session = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let page = try await app.send(.GET, "/children?q=%25", as: session)
            #expect(page.status == .unprocessableEntity)
            #expect(page.text.contains("Enter the child&#39;s name or an identifier") || page.text.contains("Enter the child's name or an identifier"))
            #expect(!page.text.contains("Cerys Jones"))
            let searches = try await AuditTrail.search(AuditQuery(action: .childrenSearched), on: app.db)
            #expect(searches.isEmpty, "a refused search reads nothing")
        }
    }

    @Test("a safeguarding lead searches by a name with a date of birth, or by an identifier, never by a name alone")
    func leadSearchesNarrowly() async throws {
        try await withTestApp { app, partnership in
            let lead = try await Credentials.apiToken(for: partnership.account(.safeguardingLead), on: app)
            let byName = try await app.send(.GET, "/api/v1/children?q=jones", as: lead)
            #expect(byName.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(byName)["q"] != nil)
            let byDateAlone = try await app.send(.GET, "/api/v1/children?dob=2014-05-02", as: lead)
            #expect(byDateAlone.status == .unprocessableEntity)
            let cerys = partnership.knownToHealth
            let dob = try #require(cerys.dateOfBirth)
            let withDate = try await app.send(.GET, "/api/v1/children?q=jones&dob=\(dob.iso)", as: lead)
            #expect(withDate.status == .ok)
            #expect((withDate.json["results"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Cerys Jones"])
            let byNHS = try await app.send(.GET, "/api/v1/children?q=943%20476%205919", as: lead)
            #expect(byNHS.status == .ok)
            // Hub staff, who read every unrestricted record, search by name alone.
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            #expect(try await app.send(.GET, "/api/v1/children?q=jones", as: hub).status == .ok)
        }
    }

    @Test("breaking the glass needs a reason, opens the record, is audited and alerts hub managers")
    func breakGlass() async throws {
        try await withTestApp { app, partnership in
            let practitioner = partnership.account(.hubPractitioner)
            let session = try await Credentials.session(for: practitioner, on: app)
            let path = "/children/\(partnership.sealed.id)"
            let tooShort = try await app.send(.POST, path + "/break-glass", as: session, form: [("reason", "urgent")])
            #expect(tooShort.status == .unprocessableEntity)
            #expect(tooShort.text.contains("This must be at least 10 characters"))
            #expect(try await app.send(.GET, path, as: session).status == .forbidden)

            let reason = "Police at the house now; child reported injured"
            let opened = try await app.send(.POST, path + "/break-glass", as: session, form: [("reason", reason)])
            #expect(opened.status == .seeOther)
            let page = try await app.send(.GET, path, as: session)
            #expect(page.status == .ok)
            #expect(page.text.contains("Alaw Hughes"))
            #expect(page.text.contains("You opened this restricted record in an emergency"))

            let entries = try await AuditTrail.search(AuditQuery(childID: partnership.sealed.id, action: .breakGlassOpened), on: app.db)
            #expect(entries.first?.event.reason == reason)
            #expect(entries.first?.event.actorUserID == practitioner.id)
            let alerts = try await AlertRepository(app.db).recent()
            #expect(alerts.map(\.reason) == [reason])
            let manager = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let alertsPage = try await app.send(.GET, "/alerts", as: manager)
            #expect(alertsPage.text.contains(reason))
            #expect(alertsPage.text.contains("Test hub_practitioner"))
            let home = try await app.send(.GET, "/home", as: manager)
            #expect(home.text.contains("Alerts waiting for you: 1"))
        }
    }

    @Test("an auditor cannot break the glass on a restricted record, and is not told it exists")
    func auditorCannotBreakGlass() async throws {
        try await withTestApp { app, partnership in
            let auditor = try await Credentials.session(for: partnership.account(.auditor), on: app)
            let page = try await app.send(.GET, "/children/\(partnership.sealed.id)", as: auditor)
            #expect(page.status == .notFound)
            let search = try await app.send(.GET, "/children?q=hughes", as: auditor)
            #expect(!search.text.contains("restricted record may match"))
        }
    }

    @Test("a hub manager can restrict a record and name who may read it")
    func restrictAndGrant() async throws {
        try await withTestApp { app, partnership in
            let manager = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let child = partnership.knownToHubOnly
            let restrict = try await app.send(
                .POST, "/children/\(child.id)/restriction", as: manager,
                form: [("restricted", "true"), ("reason", "Child of a member of hub staff")])
            #expect(restrict.status == .seeOther)
            let practitioner = partnership.account(.hubPractitioner)
            let session = try await Credentials.session(for: practitioner, on: app)
            #expect(try await app.send(.GET, "/children/\(child.id)", as: session).status == .forbidden)
            let noReason = try await app.send(
                .POST, "/children/\(child.id)/access-grants", as: manager, form: [("user_id", practitioner.id.uuidString)])
            #expect(noReason.status == .unprocessableEntity)
            let reason = "Covering the case while the allocated worker is on leave"
            let grant = try await app.send(
                .POST, "/children/\(child.id)/access-grants", as: manager,
                form: [("user_id", practitioner.id.uuidString), ("reason", reason)])
            #expect(grant.status == .seeOther)
            let page = try await app.send(.GET, "/children/\(child.id)", as: session)
            #expect(page.status == .ok)
            #expect(page.text.contains("a hub manager named you"))
            let entries = try await AuditTrail.search(AuditQuery(childID: child.id), on: app.db)
            #expect(entries.contains { $0.event.action == .recordRestricted })
            #expect(entries.contains { $0.event.action == .accessGranted && $0.event.reason == reason })
            #expect(try await AlertRepository(app.db).recent().contains { $0.kind == .accessGranted && $0.reason == reason })
        }
    }

    @Test("a grant to read a sealed record goes to no one who names themself, nor to a role that never reads records; merging needs both records open")
    func grantAndMergeRefusals() async throws {
        try await withTestApp { app, partnership in
            let manager = partnership.account(.hubManager)
            let token = try await Credentials.apiToken(for: manager, on: app)
            let sealed = partnership.sealed.id
            let reason = #""reason": "Needs it for a strategy meeting today""#
            for (who, field) in [(manager, "to_oneself"), (partnership.account(.administrator), "role"), (partnership.account(.referrer), "role")] {
                let refused = try await app.send(.POST, "/api/v1/children/\(sealed)/access-grants", as: token,
                    json: #"{"user_id": "\#(who.id)", \#(reason)}"#)
                #expect(refused.status == .unprocessableEntity, "\(who.username)")
                #expect(BadInputTests.fieldErrors(refused)["user_id"] != nil, "\(field)")
            }
            #expect(try await app.send(.GET, "/api/v1/children/\(sealed)", as: token).status == .forbidden, "still sealed to him")
            #expect(try await AlertRepository(app.db).recent().isEmpty)
            // Lifting the seal of a record he cannot open is refused too.
            let lift = try await app.send(.PUT, "/api/v1/children/\(sealed)/restriction", as: token,
                json: #"{"restricted": false, "reason": "No longer needed"}"#)
            #expect(lift.status == .notFound)
            #expect(try await ChildRepository(app.db).find(sealed)?.isRestricted == true)
            // Nor may he merge the sealed record into an open one.
            let merge = try await app.send(.POST, "/api/v1/children/\(partnership.knownToHubOnly.id)/merges", as: token,
                json: #"{"merged_child_id": "\#(sealed)", "reason": "Looks like the same child", "confirm_conflicts": true}"#)
            #expect(merge.status == .unprocessableEntity)
            let open = try await app.send(.GET, "/api/v1/children/\(partnership.knownToHubOnly.id)", as: token)
            #expect(!open.text.contains("Alaw"))
            #expect(try await MergeRepository(app.db).mergedInto(sealed) == nil)
        }
    }
}
