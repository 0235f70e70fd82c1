import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("At intake the hub sees the children it may already know")
struct IntakeMatchingTests {
    /// Cerys Jones as a school might write her: a short address, no NHS number, day and month swapped.
    static let cerysWithoutIdentifiers = #"""
        {"child": {"given_name": "Cerys", "surname": "Jones", "date_of_birth": "2015-03-27", "sex": "female",
                   "address": "14 Heol Caerleon", "postcode": "NP19 7BX"},
         "household": [{"name": "Ceri Jones", "relationship": "mother", "holds_parental_responsibility": true}],
         "concern": {"categories": ["neglect"], "description": "Arrives hungry most mornings this term.",
                     "immediate_protection": "Given breakfast at school."},
         "family_language": "welsh", "family_informed": true, "consent": {"status": "given"}}
        """#

    @Test("a referral with no identifier finds the child's record, with the probability and the reasons")
    func candidatesWithReasons() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: Self.cerysWithoutIdentifiers)["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let response = try await app.send(.GET, "/api/v1/referrals/\(id)/candidates", as: hub)
            #expect(response.status == .ok)
            let first = try #require((response.json["items"] as? [[String: Any]])?.first)
            #expect(first["child_id"] as? String == partnership.knownToHealth.id.uuidString)
            #expect((first["probability"] as? Double ?? 0) > 0.9)
            let reasons = first["reasons"] as? [String] ?? []
            #expect(reasons.contains("givenNameEqual") && reasons.contains("surnameEqual") && reasons.contains("dateOfBirthEqual"))
            let teacherAsks = try await app.send(.GET, "/api/v1/referrals/\(id)/candidates", as: teacher)
            #expect(teacherAsks.status == .forbidden)
        }
    }

    @Test("the screening page offers the likely record in words, and linking puts the referral on the child's record")
    func linkFromScreeningPage() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: Self.cerysWithoutIdentifiers)["id"] as? String)
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let page = try await app.send(.GET, "/referrals/\(id)", as: hub)
            #expect(page.text.contains("Is this a child Diogelu already knows?"))
            #expect(page.text.contains("Date of birth the same"))
            #expect(page.text.contains("% likely"))
            let linked = try await app.send(.POST, "/referrals/\(id)/link", as: hub,
                form: [("child_id", partnership.knownToHealth.id.uuidString)])
            #expect(linked.status == .seeOther)
            let referral = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            #expect(referral.childID == partnership.knownToHealth.id)
            let after = try await app.send(.GET, "/referrals/\(id)", as: hub)
            #expect(!after.text.contains("Is this a child Diogelu already knows?"))
            let audit = try await AuditTrail.search(AuditQuery(childID: partnership.knownToHealth.id, action: .referralLinked), on: app.db)
            #expect(audit.count == 1)
        }
    }

    @Test("a record sharing all but the surname is never 100% likely, and the different surname is said apart, as against it")
    func differentSurnameIsWeighed() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            // No NHS number, so the hub is asked; everything else agrees, down to the house.
            let renamed = Self.cerysWithoutIdentifiers.replacingOccurrences(of: #""surname": "Jones""#, with: #""surname": "Pritchard""#)
            #expect(renamed.contains("Pritchard"))
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: renamed)["id"] as? String)
            let api = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let first = try #require((try await app.send(.GET, "/api/v1/referrals/\(id)/candidates", as: api)
                .json["items"] as? [[String: Any]])?.first)
            #expect(first["child_id"] as? String == partnership.knownToHealth.id.uuidString)
            #expect((first["probability"] as? Double ?? 0) >= 0.995, "the matcher is all but sure, so rounding would say 100%")
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let page = try await app.send(.GET, "/referrals/\(id)", as: hub).text
            #expect(page.contains("99% likely") && !page.contains("100% likely"))
            let against = try #require(page.range(of: "Against it being this child:"))
            #expect(page[against.upperBound...].prefix(200).contains("Surnames differ"))
            #expect(page.contains("Date of birth the same") && page.contains("Postcode the same"))
        }
        #expect(CandidateLine.percent(1) == 99 && CandidateLine.percent(0.996) == 99 && CandidateLine.percent(0.5) == 50)
        #expect(CandidateLine.percent(0) == 1)
    }

    @Test("a child no one knows gets a new record, with the household as the family, and is then found by the next referral")
    func createRecord() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let newChild = Self.cerysWithoutIdentifiers.replacingOccurrences(of: "Cerys", with: "Gwenllian")
                .replacingOccurrences(of: "Jones", with: "Watkins").replacingOccurrences(of: "2015-03-27", with: "2013-08-19")
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: newChild)["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let created = try await app.send(.POST, "/api/v1/referrals/\(id)/link", as: hub, json: #"{"create": true}"#)
            #expect(created.status == .created)
            let referral = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            let childID = try #require(referral.childID)
            let summary = try #require(try await ChildRepository(app.db).summary(of: childID))
            #expect(summary.child.fullName == "Gwenllian Watkins")
            #expect(summary.child.preferredLanguage == .welsh)
            #expect(summary.family.map(\.name) == ["Ceri Watkins"])
            let second = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: newChild)["id"] as? String)
            let candidates = try await app.send(.GET, "/api/v1/referrals/\(second)/candidates", as: hub)
            #expect((candidates.json["items"] as? [[String: Any]])?.first?["child_id"] as? String == childID.uuidString)
        }
    }

    @Test("linking to a record that does not exist is refused by name and changes nothing")
    func badLink() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: Self.cerysWithoutIdentifiers)["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let response = try await app.send(.POST, "/api/v1/referrals/\(id)/link", as: hub, json: #"{"child_id": "\#(UUID())"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(response) == ["child_id": "error.field.not_an_identifier"])
            let empty = try await app.send(.POST, "/api/v1/referrals/\(id)/link", as: hub, json: "{}")
            #expect(BadInputTests.fieldErrors(empty) == ["child_id": "error.field.missing"])
            #expect(try await ReferralRepository(app.db).find(UUID(uuidString: id)!)?.childID == nil)
        }
    }
}
