import Fluent
import Foundation
import NoticeDelivery
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("The front door: from a referrer's form to the hub's decision and back")
struct ReferralFlowTests {
    static func submit(_ app: Application, as credentials: Credentials, json: String = schoolReferralJSON()) async throws
        -> [String: Any]
    {
        let response = try await app.send(.POST, "/api/v1/referrals", as: credentials, json: #"{"kind": "marf", "submit": true, "form": \#(json)}"#)
        #expect(response.status == .created, "\(response.text)")
        return response.json
    }

    @Test("a draft shows what is missing and what would raise its score; it can be finished and submitted")
    func draftToSubmission() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let created = try await app.send(.POST, "/api/v1/referrals", as: teacher, json: #"{"kind": "marf"}"#)
            #expect(created.status == .created)
            let id = try #require(created.json["id"] as? String)
            let problems = (created.json["problems"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(problems.contains("child.given_name") && problems.contains("concern.description"))
            let empty = try #require(created.json["quality"] as? [String: Any])
            #expect(empty["score"] as? Int == 0)
            let toImprove = empty["improvements"] as? [String] ?? []
            #expect(toImprove.first == "referral.quality.rule.childIdentified", "the rule worth most comes first")

            let tooEarly = try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: teacher)
            #expect(tooEarly.status == .unprocessableEntity)

            let saved = try await app.send(.PUT, "/api/v1/referrals/\(id)", as: teacher, json: #"{"form": \#(schoolReferralJSON())}"#)
            #expect(saved.status == .ok)
            #expect((saved.json["problems"] as? [Any])?.isEmpty == true)
            let quality = try #require(saved.json["quality"] as? [String: Any])
            #expect((quality["score"] as? Int ?? 0) > 70)
            #expect((quality["improvements"] as? [String] ?? ["x"]).count < toImprove.count)

            let submitted = try await app.send(.POST, "/api/v1/referrals/\(id)/submit", as: teacher)
            #expect(submitted.status == .ok)
            #expect((submitted.json["reference"] as? String)?.hasPrefix("DIO-") == true)
            #expect(submitted.json["status"] as? String == "submitted")
            #expect(submitted.json["decision_due_at"] != nil)

            let edit = try await app.send(.PUT, "/api/v1/referrals/\(id)", as: teacher, json: #"{"form": {"agencies_involved": "none"}}"#)
            #expect(edit.status == .conflict)
            #expect(edit.json["title"] as? String == "This referral has already been submitted")
            let addition = try await app.send(.POST, "/api/v1/referrals/\(id)/additions", as: teacher,
                json: #"{"text": "Cerys's brother Osian also has a bruise."}"#)
            #expect(addition.status == .created)
            let stored = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: id)!))
            #expect(stored.form.agenciesInvolved == "GP")
            #expect(try await ReferralRepository(app.db).additions(of: stored.id).map(\.text) == ["Cerys's brother Osian also has a bruise."])
        }
    }

    @Test("a form field that does not exist is refused by its full path, and the draft is unchanged")
    func unknownFormField() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let response = try await app.send(.POST, "/api/v1/referrals", as: teacher,
                json: #"{"kind": "marf", "form": {"child": {"given_name": "Cerys", "favourite_colour": "red"}, "household": [{"name": "Ceri", "relationship": "aunt"}]}}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(response) == ["child.favourite_colour": "error.field.unknown"])
            let wrongValue = try await app.send(.POST, "/api/v1/referrals", as: teacher,
                json: #"{"kind": "marf", "form": {"household": [{"name": "Ceri", "relationship": "aunt"}]}}"#)
            #expect(BadInputTests.fieldErrors(wrongValue) == ["household.0.relationship": "error.field.invalid_value"])
        }
    }

    @Test("identifiers that fail their checks stop submission, named by field")
    func identifiersChecked() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let response = try await app.send(.POST, "/api/v1/referrals", as: teacher,
                json: #"{"kind": "marf", "submit": true, "form": \#(schoolReferralJSON(nhsNumber: "943 476 5918"))}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(response)["child.nhs_number"] == "error.identifier.nhs_number")
            #expect(try await ReferralRepository(app.db).queue().isEmpty)
        }
    }

    @Test("only the police send Public Protection Notices")
    func policeNoticesFromPoliceOnly() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let refused = try await app.send(.POST, "/api/v1/referrals", as: teacher, json: #"{"kind": "ppn"}"#)
            #expect(refused.status == .forbidden)
            let officer = try await Credentials.apiToken(for: partnership.welshPractitioner, on: app)
            let allowed = try await app.send(.POST, "/api/v1/referrals", as: officer, json: #"{"kind": "ppn"}"#)
            #expect(allowed.status == .created)
            let fields = (allowed.json["problems"] as? [[String: Any]])?.compactMap { $0["field"] as? String } ?? []
            #expect(fields.contains("ppn.occurrence_number"))
        }
    }

    @Test("the hub sees the referral in its queue, decides, and the referrer is told in their own language")
    func decisionAndFeedback() async throws {
        try await withTestApp { app, partnership in
            var teacherAccount = partnership.account(.referrer)
            teacherAccount.language = .welsh
            try await UserRepository(app.db).update(teacherAccount)
            let teacher = try await Credentials.apiToken(for: teacherAccount, on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher)["id"] as? String)

            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let queue = try await app.send(.GET, "/api/v1/hub/queue", as: hub)
            let line = try #require((queue.json["items"] as? [[String: Any]])?.first)
            #expect(line["child_name"] as? String == "Cerys Jones")
            #expect(line["overdue"] as? Bool == false)

            let screening = try await app.send(.GET, "/api/v1/referrals/\(id)", as: hub)
            #expect(screening.json["child_id"] as? String == partnership.knownToHealth.id.uuidString,
                "the NHS number links the referral to Cerys's record")
            let decided = try await app.send(.POST, "/api/v1/referrals/\(id)/decision", as: hub,
                json: #"{"outcome": "strategy_discussion", "reasons": "Disclosure of physical abuse by an adult in the home"}"#)
            #expect(decided.status == .ok)
            #expect(decided.json["final"] as? Bool == true)
            #expect(try await ReferralRepository(app.db).queue().isEmpty)

            let mine = try await app.send(.GET, "/api/v1/referrals/mine", as: teacher)
            let mineLine = try #require((mine.json["items"] as? [[String: Any]])?.first)
            #expect(mineLine["feedback"] as? String == "childrens_services_acting")
            #expect(mineLine["outcome"] == nil, "the referrer is not told the hub's own outcome")
            #expect(mineLine["decisions"] == nil)

            let notices = try await NoticeRepository(app.db).forRecipient(teacherAccount.id)
            let notice = try #require(notices.first)
            #expect(notice.language == .welsh)
            #expect(notice.subject.hasPrefix("Atgyfeiriad DIO-"))
            #expect(notice.body.contains("Mae'r gwasanaethau plant yn bwrw ymlaen"))
            #expect(!notice.body.contains("Cerys"), "a notice never names the child")

            let audit = try await AuditTrail.search(AuditQuery(childID: partnership.knownToHealth.id), on: app.db)
            let actions = Set(audit.map(\.event.action))
            #expect(actions.isSuperset(of: [.referralSubmitted, .referralViewed, .referralDecided]))
        }
    }

    @Test("a third referral in twelve months cannot close with no further action without a manager's reason")
    func thirdReferralNeedsManager() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try #require(try await Self.submit(app, as: teacher)["id"] as? String)) }
            for id in ids.prefix(2) {
                let first = try await app.send(.POST, "/api/v1/referrals/\(id)/decision", as: hub,
                    json: #"{"outcome": "information_advice_assistance", "reasons": "Advice to mother"}"#)
                #expect(first.status == .ok)
            }
            let third = try await app.send(.GET, "/api/v1/referrals/\(ids[2])", as: hub)
            #expect((third.json["earlier_referrals"] as? [Any])?.count == 2)
            let closing = try await app.send(.POST, "/api/v1/referrals/\(ids[2])/decision", as: hub,
                json: #"{"outcome": "no_further_action", "reasons": "Nothing new"}"#)
            #expect(closing.json["final"] as? Bool == false)
            #expect(closing.json["status"] as? String == "awaiting_sign_off")
            #expect(closing.json["sign_off_reasons"] as? [String] == ["nfa_on_re_referral", "third_referral"])
            #expect(try await NoticeRepository(app.db).forRecipient(partnership.account(.referrer).id).count == 2,
                "no notice until the manager signs off")

            let manager = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            let noReason = try await app.send(.POST, "/api/v1/referrals/\(ids[2])/sign-off", as: manager,
                json: #"{"agreed": true, "reason": " "}"#)
            #expect(noReason.status == .unprocessableEntity)
            let signed = try await app.send(.POST, "/api/v1/referrals/\(ids[2])/sign-off", as: manager,
                json: #"{"agreed": true, "reason": "Spoke to school and GP: no new harm; mother engaging"}"#)
            #expect(signed.json["final"] as? Bool == true)
            let referral = try #require(try await ReferralRepository(app.db).find(UUID(uuidString: ids[2])!))
            #expect(referral.status == .decided && referral.outcome == .noFurtherAction)
            #expect(try await NoticeRepository(app.db).forRecipient(partnership.account(.referrer).id).count == 3)
        }
    }

    @Test("referral quality is reported by the referring agency")
    func qualityByAgency() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            _ = try await Self.submit(app, as: teacher)
            let thin = #"{"child": {"given_name": "Tyler", "surname": "Williams", "date_of_birth": "2012-11-02", "address": "3 Alway Crescent"}, "household": [{"name": "Kayleigh Williams", "relationship": "mother"}], "concern": {"categories": ["neglect"], "description": "Concerns about the family.", "immediate_protection": "Not known"}, "family_language": "english", "family_informed": true, "consent": {"status": "given"}}"#
            _ = try await Self.submit(app, as: teacher, json: thin)
            let auditor = try await Credentials.apiToken(for: partnership.account(.auditor), on: app)
            let measure = try await app.send(.GET, "/api/v1/measures/referral-quality", as: auditor)
            #expect(measure.status == .ok)
            let line = try #require((measure.json["items"] as? [[String: Any]])?.first)
            #expect(line["agency_name"] as? String == partnership.school.name)
            #expect(line["referrals"] as? Int == 2)
            #expect(line["below60"] as? Int == 1)
            let bad = try await app.send(.GET, "/api/v1/measures/referral-quality?from=yesterday", as: auditor)
            #expect(BadInputTests.fieldErrors(bad) == ["from": "error.field.not_a_date"])
        }
    }

    @Test("a referrer cannot see another referrer's referral, and the hub cannot see a draft")
    func referralsAreNeedToKnow() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let draft = try await app.send(.POST, "/api/v1/referrals", as: teacher, json: #"{"kind": "marf"}"#)
            let id = try #require(draft.json["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            #expect(try await app.send(.GET, "/api/v1/referrals/\(id)", as: hub).status == .notFound)
            let lead = try await Credentials.apiToken(for: partnership.account(.safeguardingLead), on: app)
            let submitted = try #require(try await Self.submit(app, as: teacher)["id"] as? String)
            #expect(try await app.send(.GET, "/api/v1/referrals/\(submitted)", as: lead).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/referrals/\(submitted)", as: hub).status == .ok)
        }
    }
}

/// A mailer that keeps what it is given, to see what the outbox sends.
actor RecordingMailer: Mailer {
    private(set) var sent: [OutgoingEmail] = []
    func send(_ email: OutgoingEmail) async throws { sent.append(email) }
}

@Suite("The outbox delivers notices once")
struct NoticeDeliveryFlowTests {
    @Test("a decision's notice goes to the referrer's email address once, and is marked sent")
    func outboxDelivers() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher)["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            _ = try await app.send(.POST, "/api/v1/referrals/\(id)/decision", as: hub,
                json: #"{"outcome": "families_first", "reasons": "Family want support with routines"}"#)
            let mailer = RecordingMailer()
            let dispatcher = NoticeDispatcher(database: app.db, mailer: mailer, logger: app.logger)
            #expect(try await dispatcher.deliverPending() == 1)
            #expect(try await dispatcher.deliverPending() == 0)
            let sent = await mailer.sent
            #expect(sent.map(\.to) == [partnership.account(.referrer).email])
            #expect(sent.first?.textBody.contains("offer the family information, advice or early help") == true)
            let notice = try #require(try await NoticeRepository(app.db).forRecipient(partnership.account(.referrer).id).first)
            #expect(notice.sentAt != nil)
        }
    }

    @Test("the hub's additions to a referral are the hub's: its referrer sees only their own")
    func hubAdditionsStayWithTheHub() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let id = try #require(try await ReferralFlowTests.submit(app, as: teacher)["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/additions", as: hub,
                json: #"{"text": "Police hold two earlier call-outs to the address."}"#).status == .created)
            #expect(try await app.send(.POST, "/api/v1/referrals/\(id)/additions", as: teacher,
                json: #"{"text": "Cerys was absent again today."}"#).status == .created)
            let seenByTeacher = try await app.send(.GET, "/api/v1/referrals/\(id)", as: teacher)
            let teacherTexts = (seenByTeacher.json["additions"] as? [[String: Any]])?.compactMap { $0["text"] as? String }
            #expect(teacherTexts == ["Cerys was absent again today."])
            let page = try await app.send(.GET, "/referrals/\(id)", as: try await Credentials.session(for: partnership.account(.referrer), on: app))
            #expect(!page.text.contains("earlier call-outs"))
            let seenByHub = try await app.send(.GET, "/api/v1/referrals/\(id)", as: hub)
            #expect((seenByHub.json["additions"] as? [Any])?.count == 2)
        }
    }
}
