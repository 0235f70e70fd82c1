import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Nothing of a restricted (sealed) record reaches a page its reader could not open: not
/// through intake matching, not by linking a referral to its id, not as the suggested
/// agencies or the earlier referrals on a referral's page.
@Suite("A sealed record stays sealed at the front door")
struct SealedRecordTests {
    static let alawReferral = """
        {"child": {"given_name": "Alaw", "surname": "Hughes", "date_of_birth": "2016-06-09", "sex": "female",
                   "address": "15 Ffordd y Brenin, Caerleon", "postcode": "NP18 1AA", "communication_needs": "None known",
                   "school_and_attendance": "Ysgol Gynradd Caerllion, 95%"},
         "household": [{"name": "Bethan Hughes", "relationship": "mother", "holds_parental_responsibility": true}],
         "agencies_involved": "None known",
         "concern": {"categories": ["neglect"], "description": "Alaw has come to school hungry every day this week and says there is no food at home.",
                     "childs_own_words": "There's nothing in the cupboards", "immediate_protection": "Breakfast club at school.",
                     "action_already_taken": "Spoke to the family."},
         "family_language": "welsh", "family_informed": true, "consent": {"status": "given"}}
        """

    @Test("hub staff without a grant are told only that a restricted record may match, and cannot link the referral to it")
    func candidatesAndLinking() async throws {
        try await withTestApp { app, partnership in
            let sealed = partnership.sealed.id
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: Self.alawReferral)["id"] as? String)
            let practitioner = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)

            let candidates = try await app.send(.GET, "/api/v1/referrals/\(id)/candidates", as: practitioner)
            #expect(candidates.status == .ok)
            #expect(candidates.json["restricted_may_match"] as? Bool == true)
            #expect(!candidates.text.lowercased().contains(sealed.uuidString.lowercased()))
            let session = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let page = try await app.send(.GET, "/referrals/\(id)", as: session)
            #expect(page.text.contains("A restricted record may match your search"))
            #expect(!page.text.lowercased().contains(sealed.uuidString.lowercased()))

            let link = try await app.send(.POST, "/api/v1/referrals/\(id)/link", as: practitioner, json: #"{"child_id": "\#(sealed)"}"#)
            #expect(link.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(link)["child_id"] != nil)
            #expect(try await ReferralRepository(app.db).find(UUID(uuidString: id)!)?.childID == nil, "nothing linked")
            #expect(try await AuditTrail.search(AuditQuery(childID: sealed, action: .referralLinked), on: app.db).isEmpty)
        }
    }

    @Test("once a named manager links referrals to the sealed record, other hub staff see neither its agencies nor its earlier referrals")
    func linkedReferralShowsNothingOfTheRecord() async throws {
        try await withTestApp { app, partnership in
            let sealed = partnership.sealed.id
            let manager = partnership.account(.hubManager)
            try await ChildRepository(app.db).grantAccess(childID: sealed, userID: manager.id, grantedBy: manager.id, now: Date())
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let first = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: Self.alawReferral)["id"] as? String)
            let firstReference = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: first)!)?.reference)
            let second = try #require(try await ReferralFlowTests.submit(app, as: teacher, json: Self.alawReferral)["id"] as? String)
            let managerToken = try await Credentials.apiToken(for: manager, on: app)
            for id in [first, second] {
                let link = try await app.send(.POST, "/api/v1/referrals/\(id)/link", as: managerToken, json: #"{"child_id": "\#(sealed)"}"#)
                #expect(link.status == .ok || link.status == .noContent || link.status == .created, "\(link.text)")
            }

            // The named manager sees the record's history and its agencies suggested.
            let managerSession = try await Credentials.session(for: manager, on: app)
            let managerPage = try await app.send(.GET, "/referrals/\(second)", as: managerSession)
            #expect(managerPage.text.contains(firstReference))
            let healthBoard = partnership.healthBoard.id.uuidString.lowercased()
            let managerRequests = try await app.send(.GET, "/referrals/\(second)/requests", as: managerSession)
            #expect(managerRequests.text.contains(#"value="\#(healthBoard)" checked"#))

            // Another practitioner does not.
            let practitioner = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let page = try await app.send(.GET, "/referrals/\(second)", as: practitioner)
            #expect(page.status == .ok)
            #expect(!page.text.contains(firstReference), "the sealed child's earlier referral is not listed")
            let requests = try await app.send(.GET, "/referrals/\(second)/requests", as: practitioner)
            #expect(requests.status == .ok)
            #expect(!requests.text.contains(#"value="\#(healthBoard)" checked"#), "the sealed child's agencies are not suggested")
        }
    }
}
