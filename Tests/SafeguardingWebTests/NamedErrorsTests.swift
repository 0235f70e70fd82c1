import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Issue 15, item 3: "Enter this information: it cannot be left blank", often twice, with
/// no field named, and no message beside the field the summary's link lands on.
@Suite("Form errors name their field and stand beside it")
struct NamedErrorsTests {
    /// Every link of the error summary: its target and its words.
    static func summaryLinks(_ html: String) -> [(target: String, text: String)] {
        guard let start = html.range(of: #"class="error-summary""#), let end = html.range(of: "</div>", range: start.upperBound..<html.endIndex)
        else { return [] }
        return html[start.upperBound..<end.lowerBound].matches(of: /<a href="#([^"]+)">([^<]*)<\/a>/)
            .map { (String($0.1), String($0.2)) }
    }

    /// What every refused form must show: each summary line names its field by the label the
    /// form shows (`label` lists the ones expected), links to an element that exists, and the
    /// same words stand beside it; no line is said twice.
    func expectNamed(
        _ response: TestingHTTPResponse, _ app: Application, _ language: Language, labels: [String: String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(response.status == .unprocessableEntity, sourceLocation: sourceLocation)
        let html = response.body.string
        let links = Self.summaryLinks(html)
        #expect(!links.isEmpty, "no error summary", sourceLocation: sourceLocation)
        #expect(Set(links.map { $0.target + $0.text }).count == links.count, "a line said twice", sourceLocation: sourceLocation)
        for link in links {
            #expect(html.contains(#"id="\#(link.target)""#), "the summary links to \(link.target), not on the page",
                sourceLocation: sourceLocation)
            #expect(html.contains(#"id="\#(link.target)-error""#), "no message beside \(link.target)",
                sourceLocation: sourceLocation)
        }
        for (target, key) in labels {
            let label = HTMLText.escape(app.catalogue.text(key, language))
            #expect(links.contains { $0.target == target && $0.text.hasPrefix(label + ": ") },
                "\(target) is not named \(label): \(links)", sourceLocation: sourceLocation)
        }
    }

    @Test("the labels are read from the templates: a label's for, a fieldset's legend, a prefixed id")
    func labelsFromTemplates() {
        let labels = FormLabels.labels(in: """
            <form id="#(line.formID)"><label for="#(line.formID)-held_at">#t("cp.held_on")</label>
            <input type="date" id="#(line.formID)-held_at" name="held_at">
            <fieldset class="fieldset" id="#(line.formID)-outcome"><legend>#t("cp.decision")</legend>
            <input type="radio" id="o-1" name="outcome" value="a"><label for="o-1">#t("cp.strategy_outcome.a")</label>
            </fieldset>
            <input type="checkbox" id="urgent" name="urgent"><label for="urgent">#t("cp.immediate_risk")</label>
            <input type="hidden" name="_csrf" value="x"></form>
            """)
        #expect(labels == ["held_at": "cp.held_on", "outcome": "cp.decision", "urgent": "cp.immediate_risk"])
        let real = FormLabels(viewsDirectory: "Resources/Views")
        #expect(real.key(template: "child-protection-strategy-discussion", field: "held_at") == "cp.held_on")
        #expect(real.key(template: "referral-decision", field: "outcome") == "referral.decide.outcome")
        #expect(real.key(template: "admin-user", field: "roles") == "admin.users.roles")
    }

    @Test("the administrator's new user form, the hub's decision and a strategy discussion", arguments: Language.allCases)
    func refusedForms(language: Language) async throws {
        try await withTestApp { app, partnership in
            var accounts: [Role: UserAccount] = [:]
            for role in [Role.administrator, .hubPractitioner, .socialWorker] {
                var account = partnership.account(role)
                account.language = language
                try await UserRepository(app.db).update(account)
                accounts[role] = account
            }
            let admin = try await Credentials.session(for: try #require(accounts[.administrator]), on: app)
            var response = try await app.send(.POST, "/admin/users", as: admin, form: [("display_name", "")])
            expectNamed(response, app, language, labels: ["username": "admin.users.username", "display_name": "admin.users.name"])

            // "Check your answers" on an empty draft names each question, once.
            var teacher = partnership.account(.referrer)
            teacher.language = language
            try await UserRepository(app.db).update(teacher)
            let school = try await Credentials.session(for: teacher, on: app)
            let started = try await app.send(.POST, "/referrals", as: school, form: [("kind", "marf")])
            let draft = try #require(started.headers.first(name: .location)?.split(separator: "/").dropFirst().first)
            let check = try await app.send(.GET, "/referrals/\(draft)/check", as: school).body.string
            let problems = check.matches(of: /<li><a href="([^"]+)">([^<]*)<\/a><\/li>/).map { (String($0.1), String($0.2)) }
            let childName = HTMLText.escape(app.catalogue.text("referral.field.child.given_name", language))
            #expect(problems.contains { $0.0.hasSuffix("/section/child#child.given_name") && $0.1.hasPrefix(childName + ": ") })
            #expect(Set(problems.map(\.1)).count == problems.count, "a line said twice: \(problems)")

            let referrer = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let created = try await app.send(
                .POST, "/api/v1/referrals", as: referrer, json: #"{"kind": "marf", "submit": true, "form": \#(schoolReferralJSON())}"#)
            let referral = try #require(created.json["id"] as? String)
            let hub = try await Credentials.session(for: try #require(accounts[.hubPractitioner]), on: app)
            response = try await app.send(.POST, "/referrals/\(referral)/decision", as: hub, form: [("reasons", "")])
            expectNamed(response, app, language, labels: ["outcome": "referral.decide.outcome", "reasons": "referral.decide.reasons"])

            let hubToken = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            _ = try await app.send(.POST, "/api/v1/referrals/\(referral)/decision", as: hubToken,
                json: #"{"outcome": "strategy_discussion", "reasons": "Injury disclosed"}"#)
            let cerys = partnership.knownToHealth.id
            let discussion = try #require(try await ChildProtectionRepository(app.db).record(of: cerys).discussions.first)
            let social = try await Credentials.session(for: try #require(accounts[.socialWorker]), on: app)
            let form = "discussion-\(discussion.id.uuidString.lowercased())"
            response = try await app.send(
                .POST, "/children/\(cerys.uuidString.lowercased())/strategy-discussions/\(discussion.id.uuidString.lowercased())",
                as: social, form: [("held_time", "")])
            expectNamed(response, app, language, labels: ["\(form)-held_at": "cp.held_on", "\(form)-outcome": "cp.decision"])
        }
    }
}
