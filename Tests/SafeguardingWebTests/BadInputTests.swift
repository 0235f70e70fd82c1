import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Bad input is refused clearly and changes nothing")
struct BadInputTests {
    static func fieldErrors(_ response: TestingHTTPResponse) -> [String: String] {
        let errors = response.json["errors"] as? [[String: Any]] ?? []
        return Dictionary(errors.compactMap { error in
            (error["field"] as? String).map { ($0, error["code"] as? String ?? "") }
        }, uniquingKeysWith: { a, _ in a })
    }

    @Test("malformed JSON is a 400 problem, and nothing is written")
    func malformedJSON() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let before = try await UserRepository(app.db).all().count
            for body in ["{\"username\": ", "[1, 2]", "not json at all"] {
                let response = try await app.send(.POST, "/api/v1/users", as: admin, json: body)
                #expect(response.status == .badRequest, "body \(body)")
                #expect(response.isProblem)
                #expect(response.json["title"] as? String == "The request is not valid JSON")
            }
            #expect(try await UserRepository(app.db).all().count == before)
        }
    }

    @Test("a field named twice in one object is a 400 problem naming it, written or escaped; the same name in two objects is not a repeat")
    func duplicateKeys() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let police = partnership.police
            let before = try await AgencyRepository(app.db).all().count
            for body in [
                #"{"name": "Heddlu Dyfed-Powys", "welsh_name": "Heddlu Dyfed-Powys", "kind": "police", "is_hub_member": false, "is_hub_member": true}"#,
                #"{"name": "Heddlu Dyfed-Powys", "welsh_name": "Heddlu Dyfed-Powys", "kind": "police", "is_hub_member": false, "is_hub_m\u0065mber": true}"#,
            ] {
                let response = try await app.send(.POST, "/api/v1/agencies", as: admin, json: body)
                #expect(response.status == .badRequest, "body \(body)")
                #expect(response.isProblem)
                #expect(response.json["type"] as? String == "https://diogelu.cymru/problems/duplicate_field")
                #expect((response.json["detail"] as? String)?.contains("'is_hub_member'") == true)
            }
            #expect(try await AgencyRepository(app.db).all().count == before)
            let renamed = try await app.send(.PUT, "/api/v1/agencies/\(police.id)", as: admin,
                json: #"{"name": "Gwent Police", "name": "Heddlu Gwent", "welsh_name": "\#(police.welshName)", "kind": "police", "is_hub_member": true}"#)
            #expect(renamed.status == .badRequest)
            #expect(try await AgencyRepository(app.db).find(police.id)?.name == police.name, "neither name was taken")
        }
    }

    @Test("text is measured as the document measures it, in code points: 61 thumbs with a skin tone are 122 long, past a label's 120")
    func lengthInCodePoints() async throws {
        try await withTestApp { app, partnership in
            let lead = try await Credentials.apiToken(for: partnership.account(.safeguardingLead), on: app)
            let long = try await app.send(.POST, "/api/v1/me/tokens", as: lead,
                json: #"{"label": "\#(String(repeating: "👍🏻", count: 61))"}"#)
            #expect(long.status == .unprocessableEntity)
            #expect(Self.fieldErrors(long)["label"] == "error.field.too_long")
            let fits = try await app.send(.POST, "/api/v1/me/tokens", as: lead,
                json: #"{"label": "\#(String(repeating: "👍🏻", count: 60))"}"#)
            #expect(fits.status == .created)
        }
    }

    @Test("a control character anywhere in a referral form sent as JSON is refused by its path, and no referral is made")
    func controlCharacterInReferral() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let form = schoolReferralJSON().replacingOccurrences(of: "\"agencies_involved\": \"GP\"", with: #""agencies_involved": "GP\u0084""#)
                .replacingOccurrences(of: "Ceri Jones", with: #"Ceri\u0000Jones"#)
            #expect(form.contains("u0084") && form.contains("u0000"))
            let before = try await ReferralRepository(app.db).count()
            let response = try await app.send(.POST, "/api/v1/referrals", as: teacher, json: #"{"kind": "marf", "form": \#(form)}"#)
            #expect(response.status == .unprocessableEntity)
            let errors = Self.fieldErrors(response)
            #expect(errors["agencies_involved"] == "error.field.control_characters")
            #expect(errors["household.0.name"] == "error.field.control_characters")
            #expect(try await ReferralRepository(app.db).count() == before)
        }
    }

    @Test("the repeat finder follows nesting and strings: keys inside values, arrays of objects and escaped quotes are not repeats")
    func duplicateKeyFinder() {
        #expect(DuplicateJSONKey.first(in: Array(#"{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}"#.utf8)) == nil)
        #expect(DuplicateJSONKey.first(in: Array(#"{"a": "\"a\": 1, \"a\"", "b": ["a", "a"]}"#.utf8)) == nil)
        #expect(DuplicateJSONKey.first(in: Array(#"{"c": [{"a": 3, "b": 1, "a": 4}]}"#.utf8)) == "a")
        #expect(DuplicateJSONKey.first(in: Array(#"{"x": {}, "y": {"z": []}, "y": 1}"#.utf8)) == "y")
        #expect(DuplicateJSONKey.first(in: Array(#"{"q\"": 1, "q\u0022": 2}"#.utf8)) == "q\"")
        #expect(DuplicateJSONKey.first(in: Array(#"{"gwên": 1, "gw\u00ean": 2}"#.utf8)) == "gwên")
    }

    @Test("a null where a yes or no belongs, a NUL inside a name, and a body sent as plain text are refused, and change nothing")
    func nullNulAndPlainText() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let health = partnership.healthBoard
            #expect(health.isHubMember == false)
            let police = partnership.police
            let nulled = try await app.send(.PUT, "/api/v1/agencies/\(police.id)", as: admin,
                json: #"{"name": "\#(police.name)", "welsh_name": "\#(police.welshName)", "kind": "police", "is_hub_member": null}"#)
            #expect(nulled.status == .unprocessableEntity)
            #expect(Self.fieldErrors(nulled)["is_hub_member"] == "error.field.wrong_type")
            #expect(try await AgencyRepository(app.db).find(police.id)?.isHubMember == true, "the police stay in the hub")

            let withNUL = try await app.send(.POST, "/api/v1/agencies", as: admin,
                json: #"{"name": "Heddlu\u0000Dyfed", "welsh_name": "Heddlu Dyfed-Powys", "kind": "police", "is_hub_member": false}"#)
            #expect(withNUL.status == .unprocessableEntity)
            #expect(Self.fieldErrors(withNUL)["name"] == "error.field.control_characters")

            let before = try await AgencyRepository(app.db).all().count
            var headers = HTTPHeaders()
            headers.contentType = .plainText
            let plain = try await app.send(.POST, "/api/v1/agencies", as: admin, headers: headers,
                body: #"{"name": "Heddlu Dyfed-Powys", "welsh_name": "Heddlu Dyfed-Powys", "kind": "police", "is_hub_member": false}"#)
            #expect(plain.status == .unsupportedMediaType)
            #expect(plain.isProblem)
            #expect(try await AgencyRepository(app.db).all().count == before)
        }
    }

    @Test("every missing, unknown, over-long or invalid field is named in one answer")
    func everyBadFieldIsNamed() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let before = try await UserRepository(app.db).all().count
            let body = """
                {"username": "x", "display_name": "\(String(repeating: "a", count: 121))", "email": "not-an-email",
                 "agency_id": "not-a-uuid", "roles": ["hub_practitioner", "superuser"], "password": "short",
                 "favourite_colour": "green"}
                """
            let response = try await app.send(.POST, "/api/v1/users", as: admin, json: body)
            #expect(response.status == .unprocessableEntity)
            #expect(response.isProblem)
            let errors = Self.fieldErrors(response)
            #expect(errors["username"] == "error.user.username_format")
            #expect(errors["display_name"] == "error.field.too_long")
            #expect(errors["email"] == "error.user.email_format")
            #expect(errors["job_title"] == "error.field.missing")
            #expect(errors["agency_id"] == "error.field.not_an_identifier")
            #expect(errors["roles"] == "error.field.not_one_of")
            #expect(errors["password"] == "error.field.too_short")
            #expect(errors["favourite_colour"] == "error.field.unknown")
            #expect(try await UserRepository(app.db).all().count == before)
        }
    }

    @Test("a field of the wrong JSON type is refused, not coerced")
    func wrongTypes() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.apiToken(for: partnership.account(.administrator), on: app)
            let response = try await app.send(
                .POST, "/api/v1/agencies", as: admin,
                json: #"{"name": 42, "welsh_name": "Heddlu", "kind": "police", "is_hub_member": "yes"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(Self.fieldErrors(response) == ["name": "error.field.wrong_type", "is_hub_member": "error.field.wrong_type"])
            #expect(try await AgencyRepository(app.db).all().count == 4)

            // The kind of value expected is a word in the reader's language, not a Swift type name.
            try await UserRepository(app.db).setLanguage(.welsh, for: partnership.account(.administrator).id)
            let welsh = try await app.send(
                .POST, "/api/v1/agencies", as: admin,
                json: #"{"name": 42, "welsh_name": "Heddlu", "kind": "police", "is_hub_member": "yes"}"#)
            let messages = Dictionary(((welsh.json["errors"] as? [[String: Any]]) ?? []).compactMap { error in
                (error["field"] as? String).map { ($0, error["message"] as? String ?? "") }
            }, uniquingKeysWith: { a, _ in a })
            #expect(messages["name"]?.hasSuffix("(disgwylir: testun)") == true, "\(messages)")
            #expect(messages["is_hub_member"]?.hasSuffix("(disgwylir: gwir neu gau)") == true, "\(messages)")
        }
    }

    @Test("invalid dates and identifiers in a query are refused by name")
    func invalidQuery() async throws {
        try await withTestApp { app, partnership in
            let auditor = try await Credentials.apiToken(for: partnership.account(.auditor), on: app)
            let response = try await app.send(.GET, "/api/v1/audit?child=123&from=2026-02-30&limit=0&colour=red", as: auditor)
            #expect(response.status == .unprocessableEntity)
            #expect(Self.fieldErrors(response) == [
                "child": "error.field.not_an_identifier", "from": "error.field.not_a_date",
                "limit": "error.field.out_of_range", "colour": "error.field.unknown",
            ])
        }
    }

    @Test("problem messages are in the language of the person asking")
    func welshProblems() async throws {
        try await withTestApp { app, partnership in
            let welsh = try await Credentials.apiToken(for: partnership.welshPractitioner, on: app)
            let response = try await app.send(.GET, "/api/v1/children?dob=31-12-2015", as: welsh)
            #expect(response.status == .unprocessableEntity)
            #expect(response.json["title"] as? String == "Nid yw peth o'r wybodaeth yn gywir")
            let messages = (response.json["errors"] as? [[String: Any]])?.compactMap { $0["message"] as? String }
            #expect(messages == ["Rhowch ddyddiad go iawn, er enghraifft 27/03/2012"])
        }
    }

    @Test("a form with mistakes comes back with an error summary, the messages beside the fields and what was typed")
    func formComesBackWithMessages() async throws {
        try await withTestApp { app, partnership in
            let admin = try await Credentials.session(for: partnership.account(.administrator), on: app)
            let before = try await UserRepository(app.db).all().count
            let response = try await app.send(
                .POST, "/admin/users", as: admin,
                form: [("username", "rhys.bowen"), ("display_name", "Rhys Bowen"), ("email", "rhys"), ("password", "short")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("There is a problem"))
            #expect(response.text.contains(##"href="#email""##))
            #expect(response.text.contains("Enter an email address like name@example.org"))
            #expect(response.text.contains("This must be at least 12 characters"))
            #expect(response.text.contains(#"value="Rhys Bowen""#))
            #expect(try await UserRepository(app.db).all().count == before)
        }
    }

    @Test("a Welsh speaker's form errors are written in Welsh")
    func welshFormErrors() async throws {
        try await withTestApp { app, partnership in
            var admin = partnership.account(.administrator)
            admin.language = .welsh
            try await UserRepository(app.db).update(admin)
            let session = try await Credentials.session(for: admin, on: app)
            let response = try await app.send(.POST, "/admin/agencies", as: session, form: [("name", "Heddlu Dyfed-Powys")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("Mae problem"))
            // The summary names the field by its label; the message stands beside the field too.
            let label = app.catalogue.text("admin.agencies.welsh_name", .welsh)
            #expect(response.text.contains("\(label): Rhowch yr wybodaeth hon – ni ellir ei gadael yn wag</a>"))
            #expect(response.text.contains(#"<p class="error-message" id="welsh_name-error">Rhowch yr wybodaeth hon"#))
        }
    }
}
