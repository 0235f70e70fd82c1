import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// The police report a child missing once, by PPN; the hub should not have to type the
/// report again for the return interview's clock and the strategy meeting rule to run.
@Suite("A missing person PPN opens the missing episode on the child's record")
struct PoliceMissingNoticeTests {
    static func missingNotice(nhs: String, grade: String, incidentAt: String) -> String {
        """
        {"kind": "ppn", "submit": true, "form": {
          "child": {"given_name": "Cerys", "surname": "Jones", "date_of_birth": "2015-03-27", "sex": "female",
                    "address": "14 Heol Caerleon, Newport", "postcode": "NP19 7BX", "nhs_number": "\(nhs)"},
          "household": [{"name": "Ceri Jones", "relationship": "mother", "holds_parental_responsibility": true}],
          "concern": {"categories": ["missing", "exploitation"], "description": "Reported missing by her mother at 19:00.",
                      "immediate_protection": "Search under way."},
          "family_language": "welsh", "family_informed": true, "consent": {"status": "given"},
          "police_notice": {"occurrence_number": "GW-2026/9002", "notice_type": "missing_person",
                            "incident_at": "\(incidentAt)", "incident_location": "Newport bus station",
                            "child_present": false, "risk_rationale": "Seen with older males", "officer_risk_grade": "\(grade)",
                            "immediate_actions": ["none"]}}}
        """
    }

    @Test("linked by its NHS number on submission: the episode, its grade, the strategy meeting rule and the audit; a second notice while she is missing adds none")
    func onSubmission() async throws {
        try await withTestApp { app, partnership in
            let officer = try await PartnershipWorkingTests.account("pc.missing", [.referrer], at: partnership.police, on: app)
            let police = try await Credentials.apiToken(for: officer, on: app)
            let cerys = partnership.knownToHealth.id
            let twoHoursAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-7_200))
            let sent = try await app.send(.POST, "/api/v1/referrals", as: police,
                json: Self.missingNotice(nhs: "9434765919", grade: "high", incidentAt: twoHoursAgo))
            #expect(sent.status == .created, "\(sent.text)")
            let referralID = try #require(UUID(uuidString: sent.json["id"] as? String ?? ""))
            var episodes = try await MissingRepository(app.db).episodes(of: cerys)
            #expect(episodes.count == 1)
            let episode = try #require(episodes.first)
            #expect(episode.referralID == referralID && episode.isMissingNow)
            #expect(episode.riskGrade == .high && episode.strategyMeetingDue)
            #expect(episode.reportedByAgencyID == partnership.police.id && episode.lastSeenWhere == "Newport bus station")
            #expect(episode.reportedAt == ISO8601DateFormatter().date(from: twoHoursAgo), "reported when the notice says, not when it was sent")
            let audit = try await AuditTrail.search(AuditQuery(action: .missingReported), on: app.db).filter { $0.event.subjectID == episode.id }
            #expect(audit.count == 1 && audit.first?.event.detail.contains("from=police_notice") == true)

            // Her record shows her missing, as a report typed on the missing page would.
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let record = try await app.send(.GET, "/children/\(cerys.uuidString.lowercased())", as: hub)
            #expect(record.text.contains(app.catalogue.text("flag.missing_now", .english)))

            // Still missing when a second notice comes in: the police reported once.
            _ = try await app.send(.POST, "/api/v1/referrals", as: police,
                json: Self.missingNotice(nhs: "9434765919", grade: "medium", incidentAt: twoHoursAgo))
            episodes = try await MissingRepository(app.db).episodes(of: cerys)
            #expect(episodes.count == 1)
        }
    }

    @Test("a notice the hub links by hand opens the episode then, once; a standard grade is low risk with no meeting due")
    func linkedByTheHub() async throws {
        try await withTestApp { app, partnership in
            let officer = try await PartnershipWorkingTests.account("pc.missing", [.referrer], at: partnership.police, on: app)
            let police = try await Credentials.apiToken(for: officer, on: app)
            let cerys = partnership.knownToHealth.id
            let anHourAgo = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-3_600))
            let sent = try await app.send(.POST, "/api/v1/referrals", as: police,
                json: Self.missingNotice(nhs: "", grade: "standard", incidentAt: anHourAgo))
            let referralID = try #require(sent.json["id"] as? String)
            #expect(try await MissingRepository(app.db).episodes(of: cerys).isEmpty, "not linked, so no episode yet")

            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let linked = try await app.send(.POST, "/api/v1/referrals/\(referralID)/link", as: hub,
                json: #"{"child_id": "\#(cerys.uuidString)"}"#)
            #expect(linked.status == .noContent)
            let episodes = try await MissingRepository(app.db).episodes(of: cerys)
            #expect(episodes.count == 1)
            #expect(episodes.first?.riskGrade == .low && episodes.first?.strategyMeetingDue == false)
        }
    }

    @Test("the repeat-missing rule is the partnership's to set, and a value out of range stops the server")
    func repeatRuleFromTheEnvironment() throws {
        let standard = try DiogeluConfiguration.fromEnvironment([:]).missingRules
        #expect(standard.repeatEpisodes == 3 && standard.repeatWindowDays == 30)
        let own = try DiogeluConfiguration.fromEnvironment(
            ["DIOGELU_MISSING_REPEAT_EPISODES": "2", "DIOGELU_MISSING_REPEAT_DAYS": "60"]).missingRules
        #expect(own.repeatEpisodes == 2 && own.repeatWindowDays == 60)
        #expect(throws: ConfigurationError.self) { try DiogeluConfiguration.fromEnvironment(["DIOGELU_MISSING_REPEAT_EPISODES": "1"]) }
        #expect(throws: ConfigurationError.self) { try DiogeluConfiguration.fromEnvironment(["DIOGELU_MISSING_REPEAT_DAYS": "a month"]) }
    }
}
