import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Duplicate police notices are one episode (F4)")
struct DuplicateNoticeTests {
    static func notice(occurrence: String, hour: Int) -> String {
        """
        {"kind": "ppn", "submit": true, "form": {
          "child": {"given_name": "Tyler", "surname": "Williams", "date_of_birth": "2012-11-02", "sex": "male",
                    "address": "3 Alway Crescent, Newport", "postcode": "NP19 9JG"},
          "household": [{"name": "Kayleigh Williams", "relationship": "mother", "holds_parental_responsibility": true}],
          "concern": {"categories": ["exploitation"], "description": "Arrested with cannabis and cash at Newport station.",
                      "immediate_protection": "Released to his mother."},
          "family_language": "english", "family_informed": true, "consent": {"status": "given"},
          "police_notice": {"occurrence_number": "\(occurrence)", "notice_type": "custody_detention",
                            "incident_at": "2026-11-22T\(hour):15:00Z", "incident_location": "Newport railway station",
                            "risk_rationale": "Signs of county lines", "officer_risk_grade": "high", "immediate_actions": ["arrest"]}}}
        """
    }

    static func officer(_ name: String, on app: Application, partnership: TestPartnership) async throws -> UserAccount {
        let account = UserAccount(
            username: name, displayName: name, email: "\(name)@gwent.police.example", jobTitle: "Constable",
            agencyID: partnership.police.id, roles: [.referrer])
        try await UserRepository(app.db).create(account, passwordHash: try Bcrypt.hash("x", cost: 4))
        return account
    }

    @Test("the arresting and the custody officer's notices are counted once in the queue, shown together and decided once")
    func oneEpisode() async throws {
        try await withTestApp { app, partnership in
            let arresting = try await Self.officer("pc.arrest", on: app, partnership: partnership)
            let custody = try await Self.officer("pc.custody", on: app, partnership: partnership)
            let first = try await app.send(.POST, "/api/v1/referrals", as: try await Credentials.apiToken(for: arresting, on: app),
                json: Self.notice(occurrence: "GW-2026/4471", hour: 21))
            let second = try await app.send(.POST, "/api/v1/referrals", as: try await Credentials.apiToken(for: custody, on: app),
                json: Self.notice(occurrence: "gw 2026 4471", hour: 23))
            let firstID = try #require(first.json["id"] as? String)
            let secondID = try #require(second.json["id"] as? String)

            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let queue = try await app.send(.GET, "/api/v1/hub/queue", as: hub)
            let items = queue.json["items"] as? [[String: Any]] ?? []
            #expect(items.count == 1)
            #expect(items.first?["id"] as? String == firstID)
            #expect(items.first?["linked_notices"] as? Int == 1)

            let duplicate = try await app.send(.GET, "/api/v1/referrals/\(secondID)", as: hub)
            #expect(duplicate.json["episode_lead_id"] as? String == firstID)
            let deciding = try await app.send(.POST, "/api/v1/referrals/\(secondID)/decision", as: hub,
                json: #"{"outcome": "strategy_discussion", "reasons": "Exploitation"}"#)
            #expect(deciding.status == .conflict)

            let page = try await app.send(.GET, "/referrals/\(firstID)",
                as: try await Credentials.session(for: partnership.account(.hubPractitioner), on: app))
            #expect(page.text.contains("Other notices about the same incident"))

            let decided = try await app.send(.POST, "/api/v1/referrals/\(firstID)/decision", as: hub,
                json: #"{"outcome": "strategy_discussion", "reasons": "Criminal exploitation: strategy discussion today"}"#)
            #expect(decided.json["final"] as? Bool == true)
            // Decided, it is past deciding and has nothing to sign off: the state, not the body, is wrong.
            let again = try await app.send(.POST, "/api/v1/referrals/\(firstID)/decision", as: hub,
                json: #"{"outcome": "no_further_action", "reasons": "Changed my mind"}"#)
            #expect(again.status == .conflict)
            #expect(again.json["type"] as? String == "https://diogelu.cymru/problems/decision.referralNotAwaitingDecision")
            let manager = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            let signOff = try await app.send(.POST, "/api/v1/referrals/\(firstID)/sign-off", as: manager,
                json: #"{"agreed": true, "reason": "Agreed"}"#)
            #expect(signOff.status == .conflict)
            #expect(signOff.json["type"] as? String == "https://diogelu.cymru/problems/decision.nothingToSignOff")
            let second_ = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: secondID)!))
            #expect(second_.status == .decided && second_.outcome == .strategyDiscussion)
            #expect(try await NoticeRepository(app.db).forRecipient(arresting.id).count == 1)
            #expect(try await NoticeRepository(app.db).forRecipient(custody.id).count == 1)
        }
    }

    @Test("a notice about a different incident for the same child is its own episode")
    func differentIncident() async throws {
        try await withTestApp { app, partnership in
            let officer = try await Self.officer("pc.one", on: app, partnership: partnership)
            let token = try await Credentials.apiToken(for: officer, on: app)
            _ = try await app.send(.POST, "/api/v1/referrals", as: token, json: Self.notice(occurrence: "GW-2026/4471", hour: 21))
            _ = try await app.send(.POST, "/api/v1/referrals", as: token, json: Self.notice(occurrence: "GW-2026/5000", hour: 21))
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let queue = try await app.send(.GET, "/api/v1/hub/queue", as: hub)
            #expect((queue.json["items"] as? [[String: Any]])?.count == 2)
        }
    }
}
