import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// A police officer in the hub reports Cerys missing; the hub and her GP's safeguarding
/// lead see it at the top of her record; she comes back, the return interview is held
/// inside the 72 hours, and what she said reaches her exploitation assessment.
@Suite("Missing episodes and the return interview, in the browser")
struct MissingEpisodeFlowTests {
    func html(_ app: Application, _ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        app.catalogue.text(key, language, arguments).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func input(_ date: Date) -> String { DateWording.inputValue(date) }

    @Test("reported, flagged, found, interviewed in time, and the assessment updated", arguments: Language.allCases)
    func wholeEpisode(language: Language) async throws {
        try await withTestApp { app, partnership in
            var officer = partnership.welshPractitioner
            officer.language = language
            try await UserRepository(app.db).update(officer)
            var worker = partnership.account(.socialWorker)
            worker.language = language
            try await UserRepository(app.db).update(worker)
            let police = try await Credentials.session(for: officer, on: app)
            let social = try await Credentials.session(for: worker, on: app)
            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(cerys.uuidString.lowercased())"
            let t = { (key: String) in html(app, key, language) }
            let now = Date()

            // The profile is kept ready before she goes missing.
            var response = try await app.send(.POST, "\(base)/missing-profile", as: social, form: [
                ("description", "Small, dark hair, green school coat"), ("associates", "Older boys from Pillgwenlly"),
                ("places_they_go", "The retail park"), ("phones_and_accounts", ""),
            ])
            #expect(response.status == .seeOther)

            // A report dated tomorrow is refused beside its field, and nothing is written.
            response = try await app.send(.POST, "\(base)/missing", as: police, form: [
                ("reported_at", input(now.addingTimeInterval(86_400))), ("risk_grade", "high"),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.missing.in_future")))
            #expect(try await MissingRepository(app.db).episodes(of: cerys).isEmpty)

            response = try await app.send(.POST, "\(base)/missing", as: police, form: [
                ("reported_at", input(now.addingTimeInterval(-6 * 3_600))), ("risk_grade", "high"),
                ("last_seen_where", "Newport bus station"),
            ])
            #expect(response.status == .seeOther)
            var episodes = try await MissingRepository(app.db).episodes(of: cerys)
            #expect(episodes.count == 1)
            let episode = try #require(episodes.first)
            #expect(episode.isMissingNow && episode.strategyMeetingDue, "high risk makes a strategy meeting due")

            // Everyone who may open her record sees that she is missing, at the top of it;
            // the police see the profile on the missing page.
            response = try await app.send(.GET, base, as: police)
            #expect(response.text.contains(t("flag.missing_now")))
            response = try await app.send(.GET, base, as: lead)
            #expect(response.text.contains(html(app, "flag.missing_now", .english)))
            response = try await app.send(.GET, "\(base)/missing", as: police)
            #expect(response.text.contains("Older boys from Pillgwenlly"))
            #expect(response.text.contains(t("missing.strategy_meeting_due")))

            // Reported again while still missing: refused.
            response = try await app.send(.POST, "\(base)/missing", as: police, form: [
                ("reported_at", input(now.addingTimeInterval(-3_600))), ("risk_grade", "low"),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.missing.already_missing")))

            // Found before she was reported: refused; then found.
            let episodePath = "\(base)/missing/\(episode.id.uuidString.lowercased())"
            response = try await app.send(.POST, "\(episodePath)/located", as: police, form: [
                ("located_at", input(now.addingTimeInterval(-7 * 3_600))), ("found_where", "Cardiff"),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.missing.located_before_report")))
            #expect(response.text.contains("value=\"Cardiff\""), "what was typed is kept")
            response = try await app.send(.POST, "\(episodePath)/located", as: police, form: [
                ("located_at", input(now.addingTimeInterval(-2 * 3_600))), ("found_where", "A flat in Cardiff"),
                ("found_with", "Two older males"),
            ])
            #expect(response.status == .seeOther)
            response = try await app.send(.GET, base, as: police)
            #expect(!response.text.contains(t("flag.missing_now")))

            // The return interview's clock is on the team queue.
            response = try await app.send(.GET, "/team", as: social)
            #expect(response.text.contains(t("missing.clock.return_interview")))
            #expect(response.text.contains("\(base)/missing#interview"))
            let queueToken = try await Credentials.apiToken(for: partnership.account(.socialWorker), on: app)
            func interviewsQueued() async throws -> [[String: Any]] {
                let items = try await app.send(.GET, "/api/v1/team/queue", as: queueToken).json["items"] as? [[String: Any]] ?? []
                return items.filter { $0["kind"] as? String == "return_interview" }
            }
            let owed = try await interviewsQueued()
            #expect(owed.count == 1 && owed.first?["child_id"] as? String == cerys.uuidString, "the API's queue has the clock too")
            #expect(owed.first?["overdue"] as? Bool == false)
            let unclear = try await app.send(.GET, "/api/v1/team/queue?mine=AAA", as: queueToken)
            #expect(unclear.status == .unprocessableEntity && unclear.isProblem && unclear.text.contains("mine"),
                "mine is true or false, nothing else")
            let mineOnly = try await app.send(.GET, "/api/v1/team/queue?mine=true", as: queueToken)
            #expect(mineOnly.status == .ok && (mineOnly.json["items"] as? [Any])?.isEmpty == true, "no case is allocated to the worker")

            // A held interview must say what the child said.
            response = try await app.send(.POST, "\(episodePath)/return-interview", as: social, form: [
                ("offered_at", input(now.addingTimeInterval(-3_600))), ("outcome", "held"), ("by_name", "Sam Advocate"),
                ("independent", "true"),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.missing.child_said_needed")))
            response = try await app.send(.POST, "\(episodePath)/return-interview", as: social, form: [
                ("offered_at", input(now.addingTimeInterval(-3_600))), ("outcome", "held"), ("by_name", "Sam Advocate"),
                ("independent", "true"), ("child_said", "They gave me a phone and told me to carry a bag"),
                ("pull_factors", "adult_offering_money_or_gifts"), ("indicators_found", "unexplained_money_phones_or_clothes"),
                ("indicators_found", "county_lines"),
            ])
            #expect(response.status == .seeOther)
            episodes = try await MissingRepository(app.db).episodes(of: cerys)
            let interviewed = try #require(episodes.first)
            #expect(interviewed.returnInterviewOfferedInTime(now: Date()) == true)
            #expect(interviewed.returnInterview?.pullFactors == [.adultOfferingMoneyOrGifts])

            // What she said reached the children's services assessment: three significant
            // indicators seen today (the two heard and going missing) score 15, medium.
            let assessments = try await ExploitationRepository(app.db).assessments(of: cerys)
            let assessment = try #require(assessments.last)
            #expect(Set(assessment.sightings.map(\.indicator)) == [.goingMissing, .unexplainedMoneyPhonesOrClothes, .countyLines])
            #expect(assessment.agencyID == partnership.childrensServices.id)
            #expect(assessment.score(dateOfBirth: partnership.knownToHealth.dateOfBirth).level == .medium)
            response = try await app.send(.GET, "/team", as: social)
            #expect(!response.text.contains("\(base)/missing#interview"))
            #expect(try await interviewsQueued().isEmpty)
            response = try await app.send(.GET, "\(base)/missing", as: social)
            #expect(response.text.contains(t("missing.interview.in_time")))

            // The measures count her episode, offered and held inside the 72 hours.
            let manager = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            response = try await app.send(.GET, "/api/v1/measures/missing", as: manager)
            #expect(response.json["episodes"] as? Int == 1)
            #expect(response.json["held_in_time"] as? Int == 1)
            #expect((response.json["missed"] as? [Any])?.isEmpty == true)

            // Every step is in the audit trail of her record.
            let actions = Set(try await AuditTrail.latest(aboutChild: cerys, limit: 50, on: app.db).map(\.event.action))
            #expect(actions.isSuperset(of: [
                .missingReported, .missingLocated, .returnInterviewRecorded, .missingProfileSaved, .missingViewed,
                .exploitationAssessed,
            ]))
        }
    }

    @Test("a CAWN needs the adult it names, shows to the hub and not to a school's lead, and ends with a reason")
    func childAbductionWarningNotice() async throws {
        try await withTestApp { app, partnership in
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(cerys.uuidString.lowercased())"
            let t = { (key: String) in html(app, key, .english) }
            let today = app.workingCalendar.day(of: Date())

            var response = try await app.send(.POST, "\(base)/flags", as: hub, form: [
                ("kind", "child_abduction_warning_notice"), ("source", "Gwent Police CAWN 2026/117"),
                ("ends_on", today.adding(days: 180).iso),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.flag.adult_needed")))
            response = try await app.send(.POST, "\(base)/flags", as: hub, form: [
                ("kind", "missing_now"), ("source", "x"), ("ends_on", today.adding(days: 1).iso),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.flag.follows_from_record")))
            #expect(try await RaisedFlagRepository(app.db).flags(of: cerys).isEmpty)

            response = try await app.send(.POST, "\(base)/flags", as: hub, form: [
                ("kind", "child_abduction_warning_notice"), ("source", "Gwent Police CAWN 2026/117"),
                ("adult_named", "Dean Price"), ("ends_on", today.adding(days: 180).iso),
            ])
            #expect(response.status == .seeOther)
            response = try await app.send(.GET, base, as: hub)
            #expect(response.text.contains(html(app, "flag.child_abduction_warning_notice.adult", .english, ["Dean Price"])))
            response = try await app.send(.GET, base, as: lead)
            #expect(response.status == .ok)
            #expect(!response.text.contains("Dean Price"), "the CAWN is for those who protect the child")

            let flag = try #require(try await RaisedFlagRepository(app.db).flags(of: cerys).first)
            response = try await app.send(
                .POST, "\(base)/flags/\(flag.id.uuidString.lowercased())/end", as: hub, form: [("reason", "Notice withdrawn")])
            #expect(response.status == .seeOther)
            response = try await app.send(.GET, base, as: hub)
            #expect(!response.text.contains("class=\"flags\""), "no warning stands, so none is shown")
            response = try await app.send(.GET, "\(base)/flags", as: hub)
            #expect(response.text.contains("Notice withdrawn"))
        }
    }
}
