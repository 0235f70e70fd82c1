import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Issue 15, item 8: a long record opens on a summary of what is due, and each step has
/// its own page with a way back. The child protection record was one page of eight
/// forms with identical "Save" buttons and headings over empty sections; the hub's
/// referral page put its actions at the bottom and the manager's sign-off below the
/// request form.
@Suite("Each step has its own page, reached from a summary of what is due")
struct StepPagesTests {
    func lower(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// A catalogue text as a page prints it.
    func html(_ app: Application, _ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        app.catalogue.text(key, language, arguments).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Where `text` first stands in `page`, to compare the order of two things on it.
    func position(of text: String, in page: String) -> Int? {
        page.range(of: text).map { page.distance(from: page.startIndex, to: $0.lowerBound) }
    }

    /// An account of `role` that reads the pages in `language`, signed in.
    func session(_ app: Application, _ partnership: TestPartnership, _ role: Role, _ language: Language) async throws
        -> Credentials
    {
        var account = partnership.account(role)
        account.language = language
        try await UserRepository(app.db).update(account)
        return try await Credentials.session(for: account, on: app)
    }

    /// A referral about Cerys sent by her school, waiting for the hub.
    func submittedReferral(_ app: Application, _ partnership: TestPartnership) async throws -> UUID {
        let referrer = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
        let created = try await app.send(
            .POST, "/api/v1/referrals", as: referrer, json: #"{"kind": "marf", "submit": true, "form": \#(schoolReferralJSON())}"#)
        #expect(created.status == .created)
        return try #require(UUID(uuidString: created.json["id"] as? String ?? ""))
    }

    /// Cerys's referral decided "strategy discussion", which opens her discussion.
    func openDiscussion(_ app: Application, _ partnership: TestPartnership) async throws -> StrategyDiscussion {
        let id = try await submittedReferral(app, partnership)
        let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
        let decided = try await app.send(
            .POST, "/api/v1/referrals/\(id)/decision", as: hub,
            json: #"{"outcome": "strategy_discussion", "reasons": "Injury disclosed by Cerys; partner named"}"#)
        #expect(decided.status == .ok)
        let record = try await ChildProtectionRepository(app.db).record(of: partnership.knownToHealth.id)
        return try #require(record.discussions.first)
    }

    // MARK: The child protection record

    @Test("the summary names the stage and what is due, and leaves out every step with nothing on it", arguments: Language.allCases)
    func summaryWithoutEmptySteps(language: Language) async throws {
        try await withTestApp { app, partnership in
            _ = try await openDiscussion(app, partnership)
            let social = try await session(app, partnership, .socialWorker, language)
            let t = { (key: String) in html(app, key, language) }
            let base = "/children/\(lower(partnership.knownToHealth.id))/child-protection"
            let page = try await app.send(.GET, base, as: social).text
            #expect(page.contains(t("cp.stage")) && page.contains(t("cp.discussion.title")))
            #expect(page.contains(t("cp.clocks")) && page.contains(t("cp.clock.strategy_discussion")))
            #expect(page.contains(#"href="\#(base)/strategy-discussion""#))
            #expect(page.contains(t("cp.step.next")), "the discussion is the next thing to do")
            // Nothing is on the meeting, the enquiries, the conferences, the register or the core groups.
            for key in ["cp.meeting.title", "cp.enquiries", "cp.conferences", "cp.register", "cp.core_groups", "cp.visits"] {
                #expect(!page.contains(t(key)), "\(key) stands on the summary with nothing under it")
            }
            for step in [ChildProtectionStepPage.strategyMeeting, .enquiry, .conference, .register, .coreGroup, .visits] {
                #expect(!page.contains(#"href="\#(step.href(child: lower(partnership.knownToHealth.id)))""#), "\(step)")
            }
            // What the team may start instead leads to its page; the summary holds no form of its own.
            #expect(page.contains(#"href="\#(base)/assessment""#) && page.contains(t("cp.assessment.start")))
            #expect(!page.contains(#"<form method="post" action="/children/"#))

            // A child with no child protection work has no list of steps at all.
            let untouched = try await app.send(
                .GET, "/children/\(lower(partnership.knownToHubOnly.id))/child-protection", as: social)
            if untouched.status == .ok {
                #expect(untouched.text.contains(t("cp.stage.not_started")))
                #expect(!untouched.text.contains("<h2>\(t("cp.steps"))</h2>"))
            }
        }
    }

    @Test("every step's page leads back to the summary, has its step as its heading, and no button just says Save",
        arguments: Language.allCases)
    func stepPagesLeadBack(language: Language) async throws {
        try await withTestApp { app, partnership in
            _ = try await openDiscussion(app, partnership)
            let social = try await session(app, partnership, .socialWorker, language)
            let t = { (key: String) in html(app, key, language) }
            let child = lower(partnership.knownToHealth.id)
            let save = language == .welsh ? ">Cadw</button>" : ">Save</button>"
            for step in ChildProtectionStepPage.allCases {
                let response = try await app.send(.GET, step.href(child: child), as: social)
                #expect(response.status == .ok, "\(step)")
                let page = response.text
                #expect(page.contains(#"<a class="back-link" href="/children/\#(child)/child-protection">\#(t("cp.back_to_summary"))</a>"#),
                    "\(step) has no way back")
                #expect(page.contains("<h1>\(t(step.titleKey))</h1>"), "\(step) is not headed by its step")
                #expect(!page.contains(save), "\(step) has a button that only says Save")
            }
            let discussion = try await app.send(.GET, ChildProtectionStepPage.strategyDiscussion.href(child: child), as: social).text
            #expect(discussion.contains(">\(t("cp.discussion.record"))</button>"))
            #expect(discussion.contains(">\(t("cp.discussion.start"))</button>"))
            let plan = try await app.send(.GET, ChildProtectionStepPage.plan.href(child: child), as: social).text
            for key in ["cp.plan.add_outcome.submit", "cp.plan.add_action", "cp.plan.save_voice", "cp.plan.record_review",
                "cp.agreement.record"]
            {
                #expect(plan.contains(">\(t(key))</button>"), "the plan has no button \(key)")
            }
            let unknown = try await app.send(.GET, "/children/\(child)/child-protection/everything", as: social)
            #expect(unknown.status == .notFound)
        }
    }

    @Test("a refused step comes back on its own page with the field named, and nothing is saved", arguments: Language.allCases)
    func refusedStepStaysOnItsPage(language: Language) async throws {
        try await withTestApp { app, partnership in
            let discussion = try await openDiscussion(app, partnership)
            let social = try await session(app, partnership, .socialWorker, language)
            let t = { (key: String) in html(app, key, language) }
            let child = lower(partnership.knownToHealth.id)
            let nextWeek = CalendarDay(Date(), in: app.workingCalendar.timeZone).adding(days: 7)
            let response = try await app.send(
                .POST, "/children/\(child)/strategy-discussions/\(lower(discussion.id))", as: social,
                form: [("held_at", nextWeek.description), ("held_time", "10:00"), ("outcome", "strategy_meeting"),
                    ("information_agency_id", lower(partnership.healthBoard.id)),
                    ("information", "Bruising seen at the surgery in May")])
            #expect(response.status == .unprocessableEntity)
            let page = response.text
            #expect(page.contains("<h1>\(t("cp.discussion.title"))</h1>"))
            #expect(page.contains(#"class="back-link" href="/children/\#(child)/child-protection""#))
            let form = "discussion-\(lower(discussion.id))"
            let named = html(app, "error.named", language, [app.catalogue.text("cp.held_on", language),
                app.catalogue.text("error.cp.held_in_future", language)])
            #expect(page.contains(##"<a href="#\##(form)-held_at">\##(named)</a>"##), "the summary does not name the field")
            #expect(page.contains(#"id="\#(form)-held_at-error""#), "no message beside the field")
            #expect(page.contains("Bruising seen at the surgery in May"), "what was typed is kept")
            let record = try await ChildProtectionRepository(app.db).record(of: partnership.knownToHealth.id)
            #expect(record.discussions.first?.heldAt == nil && record.meetings.isEmpty, "a refusal changes nothing")
        }
    }

    @Test("a step saved returns to the summary, which says it was saved and what is next", arguments: Language.allCases)
    func savedStepReturnsToSummary(language: Language) async throws {
        try await withTestApp { app, partnership in
            let discussion = try await openDiscussion(app, partnership)
            let social = try await session(app, partnership, .socialWorker, language)
            let t = { (key: String) in html(app, key, language) }
            let child = lower(partnership.knownToHealth.id)
            let yesterday = CalendarDay(Date(), in: app.workingCalendar.timeZone).adding(days: -1)
            let response = try await app.send(
                .POST, "/children/\(child)/strategy-discussions/\(lower(discussion.id))", as: social,
                form: [("held_at", yesterday.description), ("held_time", "10:00"), ("outcome", "strategy_meeting"),
                    ("attended_\(lower(discussion.invitees[0].id))", "true")])
            #expect(response.status == .seeOther)
            let location = try #require(response.headers.first(name: .location))
            #expect(location == "/children/\(child)/child-protection?saved=step_recorded")
            let summary = try await app.send(.GET, location, as: social).text
            #expect(summary.contains(#"<div class="banner banner--saved" role="status"><strong>\#(t("saved.step_recorded"))"#))
            // The meeting the discussion called for is now on the summary, leading to its page.
            #expect(summary.contains(#"href="/children/\#(child)/child-protection/strategy-meeting""#))
            #expect(summary.contains(t("cp.meeting.title")))
        }
    }

    // MARK: The hub's referral page

    @Test("the hub's referral page lists its actions above the referral; deciding has its own page", arguments: Language.allCases)
    func hubActionsAtTheTop(language: Language) async throws {
        try await withTestApp { app, partnership in
            let id = lower(try await submittedReferral(app, partnership))
            let hub = try await session(app, partnership, .hubPractitioner, language)
            let t = { (key: String) in html(app, key, language) }
            let page = try await app.send(.GET, "/referrals/\(id)", as: hub).text
            let actions = try #require(position(of: t("referral.actions.title"), in: page))
            let decide = try #require(position(of: #"<a href="/referrals/\#(id)/decision">\#(t("referral.decide.title"))</a>"#, in: page))
            let ask = try #require(position(of: #"<a href="/referrals/\#(id)/requests">\#(t("referral.requests.send_title"))</a>"#, in: page))
            let referral = try #require(position(of: "<h2>\(t(ReferralSection.child.titleKey))</h2>", in: page))
            #expect(position(of: t("referral.page.decision_due"), in: page)! < actions, "what is due comes first")
            #expect(actions < decide && decide < referral && ask < referral, "the actions come before the referral")
            #expect(!page.contains(#"action="/referrals/\#(id)/decision""#), "the decision's form is on its own page")
            #expect(!page.contains(#"action="/referrals/\#(id)/requests""#), "the request form is on its own page")

            let decision = try await app.send(.GET, "/referrals/\(id)/decision", as: hub).text
            #expect(decision.contains(#"<a class="back-link" href="/referrals/\#(id)">\#(t("back.referral"))</a>"#))
            #expect(decision.contains("<h1>\(t("referral.decide.title"))</h1>"))
            #expect(decision.contains(">\(t("referral.decide.submit"))</button>"))
            let requests = try await app.send(.GET, "/referrals/\(id)/requests", as: hub).text
            #expect(requests.contains(#"<a class="back-link" href="/referrals/\#(id)">"#))
            #expect(requests.contains(">\(t("referral.requests.send"))</button>"))

            // Refused: the decision's own page again, the field named; nothing decided.
            let refused = try await app.send(
                .POST, "/referrals/\(id)/decision", as: hub, form: [("outcome", "care_and_support_assessment")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("<h1>\(t("referral.decide.title"))</h1>"))
            let named = html(app, "error.named", language, [app.catalogue.text("referral.decide.reasons", language),
                app.catalogue.text("error.field.missing", language)])
            #expect(refused.text.contains(##"<a href="#reasons">\##(named)</a>"##), "the summary does not name the reasons")
            #expect(try await ReferralRepository(app.db).find(UUID(uuidString: id)!)?.status == .submitted)
        }
    }

    @Test("the manager's sign-off is its own page, listed among the actions and never below the request form",
        arguments: Language.allCases)
    func signOffOnItsOwnPage(language: Language) async throws {
        try await withTestApp { app, partnership in
            let id = lower(try await submittedReferral(app, partnership))
            let hub = try await session(app, partnership, .hubPractitioner, language)
            let manager = try await session(app, partnership, .hubManager, language)
            let t = { (key: String) in html(app, key, language) }
            let decided = try await app.send(
                .POST, "/referrals/\(id)/decision", as: hub,
                form: [("outcome", "care_and_support_assessment"), ("reasons", "Neglect over months; assess the family's needs"),
                    ("agencies_disagree", "true")])
            #expect(decided.status == .seeOther)
            #expect(decided.headers.first(name: .location) == "/referrals/\(id)?saved=decided")
            // The one who decided is not offered the sign-off.
            let own = try await app.send(.GET, "/referrals/\(id)", as: hub).text
            #expect(!own.contains("/referrals/\(id)/sign-off"))
            #expect(try await app.send(.GET, "/referrals/\(id)/decision", as: hub).status == .seeOther, "decided already")

            let page = try await app.send(.GET, "/referrals/\(id)", as: manager).text
            let signOff = try #require(
                position(of: #"<a href="/referrals/\#(id)/sign-off">\#(t("referral.sign_off.title"))</a>"#, in: page))
            let requestsHeading = try #require(position(of: t("referral.requests.title"), in: page))
            let referral = try #require(position(of: "<h2>\(t(ReferralSection.child.titleKey))</h2>", in: page))
            #expect(signOff < referral && signOff < requestsHeading, "the sign-off is listed at the top")
            #expect(!page.contains(#"action="/referrals/\#(id)/sign-off""#), "the sign-off form is on its own page")

            let form = try await app.send(.GET, "/referrals/\(id)/sign-off", as: manager).text
            #expect(form.contains("<h1>\(t("referral.sign_off.title"))</h1>"))
            #expect(form.contains(#"<a class="back-link" href="/referrals/\#(id)">\#(t("back.referral"))</a>"#))
            #expect(form.contains(#"action="/referrals/\#(id)/sign-off""#))
            #expect(!form.contains(#"action="/referrals/\#(id)/requests""#), "no request form on the sign-off page")
            #expect(form.contains("Neglect over months; assess the family&#39;s needs"), "the decision to sign off is shown")
            #expect(form.contains(">\(t("referral.sign_off.submit"))</button>"))

            let refused = try await app.send(.POST, "/referrals/\(id)/sign-off", as: manager, form: [("sign_off_reason", "")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("<h1>\(t("referral.sign_off.title"))</h1>"))
            #expect(refused.text.contains(##"href="#agreed""##))
            #expect(try await ReferralRepository(app.db).find(UUID(uuidString: id)!)?.status == .awaitingSignOff)
            let signed = try await app.send(
                .POST, "/referrals/\(id)/sign-off", as: manager,
                form: [("agreed", "true"), ("sign_off_reason", "Spoke to the school and the GP")])
            #expect(signed.status == .seeOther)
            #expect(signed.headers.first(name: .location) == "/referrals/\(id)?saved=signed_off")
            let after = try await app.send(.GET, "/referrals/\(id)?saved=signed_off", as: manager).text
            #expect(after.contains(t("saved.signed_off")))
            #expect(try await ReferralRepository(app.db).find(UUID(uuidString: id)!)?.status == .decided)
        }
    }
}
