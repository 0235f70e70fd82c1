import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// The record of what was done about a child: the decision and its reasons, each
/// partner's answer and the child protection work, with the agencies that work shows.
@Suite("A child's chronology shows the work done on the referral")
struct ChronologyWorkTests {
    @Test("decision and reasons, the partner's answer, the strategy discussion, and the agencies involved", arguments: Language.allCases)
    func workOnTheRecord(language: Language) async throws {
        try await withTestApp { app, partnership in
            let flow = ChildProtectionFlowTests()
            let referralID = try await flow.referralDecidedForStrategy(app, partnership)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let sent = try await app.send(.POST, "/api/v1/referrals/\(referralID)/requests", as: hub,
                json: #"{"agency_ids": ["\#(partnership.healthBoard.id.uuidString)"], "question": "Seen lately?"}"#)
            #expect(sent.status == .created)
            let lead = try await Credentials.apiToken(for: partnership.account(.safeguardingLead), on: app)
            let requestID = try #require(
                (try await app.send(.GET, "/api/v1/requests", as: lead).json["items"] as? [[String: Any]])?.first?["id"] as? String)
            let answered = try await app.send(.POST, "/api/v1/requests/\(requestID)/answer", as: lead, json: #"""
                {"knowledge": "currently_involved", "what_is_known": "Seen by the school nurse last week", "known_risks": "None known",
                 "named_worker": "Nia Roberts"}
                """#)
            #expect(answered.status == .ok, "\(answered.text)")
            // The strategy discussion is held, the school added to it.
            var worker = partnership.account(.socialWorker)
            worker.language = language
            try await UserRepository(app.db).update(worker)
            let social = try await Credentials.session(for: worker, on: app)
            let cerys = partnership.knownToHealth.id
            let discussion = try #require(try await ChildProtectionRepository(app.db).record(of: cerys).discussions.first)
            let yesterday = CalendarDay(Date(), in: app.workingCalendar.timeZone).adding(days: -1)
            let held = try await app.send(
                .POST, "/children/\(flow.lower(cerys))/strategy-discussions/\(flow.lower(discussion.id))", as: social,
                form: [("held_at", yesterday.description), ("held_time", "10:00"), ("outcome", "strategy_meeting"),
                    ("attended_\(flow.lower(discussion.invitees[0].id))", "true"),
                    ("added_agency_id", flow.lower(partnership.school.id)), ("added_name", "Mr Pugh")])
            #expect(held.status == .seeOther, "\(held.text.prefix(300))")

            let t = { (key: String, arguments: [String]) in flow.html(app, key, language, arguments) }
            let page = try await app.send(.GET, "/children/\(flow.lower(cerys))", as: social).text
            #expect(page.contains(t("chronology.decision", [app.catalogue.text("decision.outcome.strategy_discussion", language)])))
            #expect(page.contains("Injury disclosed by Cerys; partner named"), "the hub's reasons, not the referrer's message")
            #expect(!page.contains(flow.html(app, "feedback.\(DecisionOutcome.strategyDiscussion.feedbackCategory.rawValue)", language)))
            #expect(page.contains(t("chronology.information", [app.catalogue.text("request.knowledge.currently_involved", language)])))
            #expect(page.contains("Seen by the school nurse last week None known"))
            #expect(page.contains(t("chronology.strategy_discussion", [app.catalogue.text("cp.strategy_outcome.strategy_meeting", language)])))
            // Agencies involved: the GP as recorded, the school from the strategy discussion; health not twice.
            let agencies = try #require(page.components(separatedBy: t("child.agencies", [])).dropFirst().first?
                .components(separatedBy: "</table>").first)
            #expect(agencies.contains("Dr Shah"))
            #expect(agencies.contains("Mr Pugh") && agencies.contains(t("involvement.child_protection", [])))
            #expect(agencies.components(separatedBy: partnership.healthBoard.name(in: language)).count == 2)
            #expect(!agencies.contains(partnership.police.name(in: language)))

            // The health lead reads what was done, not the hub's reasons, and nothing of child protection.
            let leadPage = try await app.send(
                .GET, "/children/\(flow.lower(cerys))",
                as: try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)).text
            #expect(leadPage.contains("Hub decision: Strategy discussion"))
            #expect(!leadPage.contains("Injury disclosed by Cerys"))
            #expect(!leadPage.contains("Strategy discussion held"))
        }
    }

    @Test("an agency whose latest answer says it is no longer involved is not listed from its earlier answer")
    func latestAnswerCounts() {
        let health = UUID(), police = UUID(), referral = UUID()
        func request(_ agency: UUID, _ knowledge: AgencyKnowledge, daysAgo: Double) -> InformationRequest {
            var made = InformationRequest(
                referralID: referral, childID: nil, agencyID: agency, requestedBy: UUID(), requestedAt: Date(), dueAt: Date(), question: "")
            made.answer = InformationAnswer(
                knowledge: knowledge, namedWorker: "PC Evans", answeredBy: UUID(), answeredAt: Date().addingTimeInterval(-daysAgo * 86_400))
            return made
        }
        let involved = ChildChronology.agenciesInvolved(
            recorded: [], requests: [
                request(health, .currentlyInvolved, daysAgo: 30), request(health, .previouslyInvolved, daysAgo: 1),
                request(police, .currentlyInvolved, daysAgo: 2),
            ], childProtection: nil)
        #expect(involved.map(\.agencyID) == [police])
        #expect(involved.first?.source == .answeredRequest && involved.first?.namedWorker == "PC Evans")
    }
}
