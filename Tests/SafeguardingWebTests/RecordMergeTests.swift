import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Merging and unmerging duplicate records of a child")
struct RecordMergeTests {
    /// A second record of Cerys Jones, as a school knew her before the hub linked them.
    static func duplicateOfCerys(on app: Application, nhsNumber: String? = nil) async throws -> Child {
        let duplicate = Child(
            givenName: "Cerys", surname: "Jones", dateOfBirth: CalendarDay(year: 2015, month: 3, day: 27), sex: .female,
            nhsNumber: nhsNumber, uniquePupilNumber: "A680203425001", address: "14 Heol Caerleon", postcode: "NP19 7BX")
        try await ChildRepository(app.db).create(duplicate, family: [FamilyMember(name: "Osian Jones", relationship: .sibling)])
        return duplicate
    }

    @Test("a merge keeps both records' history, hides the duplicate from search, and an unmerge puts it all back")
    func mergeAndUnmerge() async throws {
        try await withTestApp { app, partnership in
            let kept = partnership.knownToHealth
            let duplicate = try await Self.duplicateOfCerys(on: app)
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let referralID = try #require(try await ReferralFlowTests.submit(app, as: teacher)["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            _ = try await app.send(.POST, "/api/v1/referrals/\(referralID)/link", as: hub, json: #"{"child_id": "\#(duplicate.id)"}"#)

            let manager = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            let merged = try await app.send(.POST, "/api/v1/children/\(kept.id)/merges", as: manager,
                json: #"{"merged_child_id": "\#(duplicate.id)", "reason": "Same child: school record before NHS number known"}"#)
            #expect(merged.status == .created, "\(merged.text)")
            let search = try await app.send(.GET, "/api/v1/children?q=jones", as: hub)
            #expect((search.json["results"] as? [Any])?.count == 1)
            let redirected = try await app.send(.GET, "/api/v1/children/\(duplicate.id)", as: hub)
            #expect(redirected.status == .seeOther)
            #expect(redirected.headers.first(name: .location) == "/api/v1/children/\(kept.id.uuidString.lowercased())")
            let page = try await app.send(.GET, "/children/\(kept.id)", as: try await Credentials.session(for: partnership.account(.hubManager), on: app))
            #expect(page.text.contains("Multi-agency referral form received"), "the duplicate's referral is in the kept record's chronology")
            #expect(page.text.contains("Records merged into this one"))

            let unmerged = try await app.send(.POST, "/api/v1/children/\(kept.id)/unmerge", as: manager,
                json: #"{"merged_child_id": "\#(duplicate.id)", "reason": "Twins: merged in error"}"#)
            #expect(unmerged.status == .noContent)
            #expect(try await app.send(.GET, "/api/v1/children/\(duplicate.id)", as: hub).status == .ok)
            let duplicateSummary = try #require(try await ChildRepository(app.db).summary(of: duplicate.id))
            #expect(duplicateSummary.family.map(\.name) == ["Osian Jones"])
            #expect(try await ReferralRepository(app.db).chronology(of: duplicate.id).count == 1)
            #expect(try await ReferralRepository(app.db).chronology(of: kept.id).isEmpty)
            let history = try await MergeRepository(app.db).history(of: kept.id)
            #expect(history.count == 1 && history[0].unmergedAt != nil)
            let actions = try await AuditTrail.search(AuditQuery(childID: duplicate.id), on: app.db).map(\.event.action)
            #expect(actions.contains(.recordsMerged) && actions.contains(.recordsUnmerged))
        }
    }

    @Test("records with different NHS numbers are merged only once the conflict is confirmed")
    func conflictingIdentifiersNeedConfirmation() async throws {
        try await withTestApp { app, partnership in
            let kept = partnership.knownToHealth
            let other = try await Self.duplicateOfCerys(on: app, nhsNumber: "4010232137")
            let manager = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            let refused = try await app.send(.POST, "/api/v1/children/\(kept.id)/merges", as: manager,
                json: #"{"merged_child_id": "\#(other.id)", "reason": "Looks the same"}"#)
            #expect(refused.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(refused) == ["confirm_conflicts": "merge.conflict.nhsNumber"])
            #expect(try await MergeRepository(app.db).mergedInto(other.id) == nil)
            let confirmed = try await app.send(.POST, "/api/v1/children/\(kept.id)/merges", as: manager,
                json: #"{"merged_child_id": "\#(other.id)", "reason": "GP confirms old NHS number replaced", "confirm_conflicts": true}"#)
            #expect(confirmed.status == .created)
            #expect(try await MergeRepository(app.db).mergedInto(other.id) == kept.id)
        }
    }

    @Test("only hub managers merge, a record cannot merge into itself, and a merged record cannot be merged again")
    func mergeRules() async throws {
        try await withTestApp { app, partnership in
            let duplicate = try await Self.duplicateOfCerys(on: app)
            let practitioner = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let body = #"{"merged_child_id": "\#(duplicate.id)", "reason": "Same child"}"#
            #expect(try await app.send(.POST, "/api/v1/children/\(partnership.knownToHealth.id)/merges", as: practitioner, json: body).status == .forbidden)
            let manager = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            let itself = try await app.send(.POST, "/api/v1/children/\(duplicate.id)/merges", as: manager, json: body)
            #expect(BadInputTests.fieldErrors(itself) == ["merged_child_id": "error.merge.same_record"])
            _ = try await app.send(.POST, "/api/v1/children/\(partnership.knownToHealth.id)/merges", as: manager, json: body)
            let again = try await app.send(.POST, "/api/v1/children/\(partnership.knownToHubOnly.id)/merges", as: manager, json: body)
            #expect(BadInputTests.fieldErrors(again) == ["merged_child_id": "error.merge.already_merged"])
        }
    }
}
