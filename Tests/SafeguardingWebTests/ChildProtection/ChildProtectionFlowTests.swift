import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Cerys is referred by her school, the hub decides on a strategy discussion, and the
/// child protection team takes her through a strategy discussion, a strategy meeting,
/// Section 47 enquiries, an initial conference and registration, core groups and a
/// review, with an assessment and her own plan, in the browser, in each language.
@Suite("Child protection in the browser, from referral to review")
struct ChildProtectionFlowTests {
    /// A catalogue text as the page prints it.
    func html(_ app: Application, _ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        app.catalogue.text(key, language, arguments).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    func lower(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// A referral about Cerys, submitted by the school and decided "strategy discussion" by the hub.
    func referralDecidedForStrategy(_ app: Application, _ partnership: TestPartnership) async throws -> UUID {
        let referrer = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
        let created = try await app.send(
            .POST, "/api/v1/referrals", as: referrer, json: #"{"kind": "marf", "submit": true, "form": \#(schoolReferralJSON())}"#)
        #expect(created.status == .created)
        let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""))
        let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
        let decided = try await app.send(
            .POST, "/api/v1/referrals/\(id)/decision", as: hub,
            json: #"{"outcome": "strategy_discussion", "reasons": "Injury disclosed by Cerys; partner named"}"#)
        #expect(decided.status == .ok)
        return id
    }

    func cpRecord(_ app: Application, _ child: UUID) async throws -> ChildProtectionCase {
        try await ChildProtectionRepository(app.db).record(of: child)
    }

    @Test("the whole process, with every refusal shown as a form error that changes nothing", arguments: Language.allCases)
    func wholeProcess(language: Language) async throws {
        try await withTestApp { app, partnership in
            let referralID = try await referralDecidedForStrategy(app, partnership)
            var worker = partnership.account(.socialWorker)
            worker.language = language
            try await UserRepository(app.db).update(worker)
            var manager = partnership.account(.teamManager)
            manager.language = language
            try await UserRepository(app.db).update(manager)
            let social = try await Credentials.session(for: worker, on: app)
            let lead = try await Credentials.session(for: manager, on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(lower(cerys))"
            let calendar = app.workingCalendar
            let t = { (key: String) in html(app, key, language) }

            // The child's record links to the child protection record.
            let childPage = try await app.send(.GET, base, as: social)
            #expect(childPage.status == .ok)
            #expect(childPage.text.contains("\(base)/child-protection"))
            #expect(childPage.text.contains(t("cp.child_link")))

            // The hub's decision opened the strategy discussion, its clock from the decision.
            var response = try await app.send(.GET, "\(base)/child-protection", as: social)
            #expect(response.status == .ok)
            #expect(response.text.contains(#"<html lang="\#(language.rawValue)">"#))
            // The summary leads to the discussion's own page, which can open another.
            #expect(response.text.contains("\(base)/child-protection/strategy-discussion"))
            response = try await app.send(.GET, "\(base)/child-protection/strategy-discussion", as: social)
            #expect(response.status == .ok)
            #expect(response.text.contains(t("cp.discussion.start")))
            var record = try await cpRecord(app, cerys)
            let discussion = try #require(record.discussions.first)
            #expect(discussion.referralID == referralID)
            // A second discussion for the same referral is refused, and nothing is added.
            response = try await app.send(
                .POST, "\(base)/strategy-discussions", as: social, form: [("referral_id", lower(referralID))])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.discussion_exists")))
            #expect(try await cpRecord(app, cerys).discussions.count == 1)
            let decidedAt = try #require(try await ReferralRepository(app.db).find(referralID)?.decidedAt)
            // The stored decision time keeps microseconds at most.
            #expect(abs(discussion.requestedAt.timeIntervalSince(decidedAt)) < 0.001)
            #expect(discussion.dueAt == calendar.deadline(for: .strategyDiscussion, from: discussion.requestedAt).due)
            // Invitees are suggested from the agencies involved: the GP.
            #expect(discussion.invitees.map(\.name) == ["Dr Shah"])
            response = try await app.send(.GET, "\(base)/child-protection", as: social)
            #expect(response.text.contains(t("cp.clock.strategy_discussion")))
            response = try await app.send(.GET, "\(base)/child-protection/strategy-discussion", as: social)
            #expect(response.text.contains("Dr Shah"))

            let yesterday = CalendarDay(Date(), in: calendar.timeZone).adding(days: -1)
            let nextWeek = CalendarDay(Date(), in: calendar.timeZone).adding(days: 7)
            let gp = discussion.invitees[0]
            // Held in the future is refused, with what was typed kept.
            response = try await app.send(
                .POST, "\(base)/strategy-discussions/\(lower(discussion.id))", as: social,
                form: [("held_at", nextWeek.description), ("held_time", "10:00"), ("outcome", "strategy_meeting"),
                    ("information_agency_id", lower(partnership.healthBoard.id)),
                    ("information", "Bruising seen at the surgery in May")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.held_in_future")))
            #expect(response.text.contains("Bruising seen at the surgery in May"))
            // The error summary links to the field in the form that was refused.
            let formID = "discussion-\(lower(discussion.id))"
            #expect(response.text.contains("href=\"#\(formID)-held_at\""))
            #expect(response.text.contains("id=\"\(formID)-held_at\""))
            #expect(try await cpRecord(app, cerys).discussions.first?.outcome == nil)
            // A time is a time as the document's pattern says: "+9:30" had been read as 09:30.
            for badTime in ["+9:30", "9:5", "24:00"] {
                response = try await app.send(
                    .POST, "\(base)/strategy-discussions/\(lower(discussion.id))", as: social,
                    form: [("held_at", yesterday.description), ("held_time", badTime), ("outcome", "strategy_meeting")])
                #expect(response.status == .unprocessableEntity, "\(badTime)")
                #expect(response.text.contains(t("error.cp.time")), "\(badTime)")
            }
            #expect(try await cpRecord(app, cerys).discussions.first?.outcome == nil)

            response = try await app.send(
                .POST, "\(base)/strategy-discussions/\(lower(discussion.id))", as: social,
                form: [("held_at", yesterday.description), ("held_time", "10:00"), ("attended_\(lower(gp.id))", "true"),
                    ("information_agency_id", lower(partnership.healthBoard.id)),
                    ("information", "Bruising seen at the surgery in May"), ("outcome", "strategy_meeting"),
                    ("action_description", "Check attendance with the school"), ("action_owner", "Sian Morgan"),
                    ("action_due", nextWeek.description),
                    ("added_agency_id", lower(partnership.school.id)), ("added_name", "Mr Pugh")])
            #expect(response.status == .seeOther)
            record = try await cpRecord(app, cerys)
            let heldAt = calendar.date(on: yesterday, at: TimeOfDay(hour: 10)!)
            #expect(record.discussions[0].heldAt == heldAt)
            #expect(record.discussions[0].invitees.map(\.name) == ["Dr Shah", "Mr Pugh"])
            let meeting = try #require(record.meetings.first)
            #expect(meeting.dueAt == calendar.deadline(for: .strategyMeeting, from: heldAt).due)

            // The action agreed at the discussion is done: its clock leaves the queue.
            let action = try #require(record.discussions[0].actions.first)
            #expect(record.openClocks.contains { $0.kind == .action })
            response = try await app.send(.POST, "\(base)/actions/\(lower(action.id))/done", as: social, form: [])
            #expect(response.status == .seeOther)
            #expect(try await cpRecord(app, cerys).openClocks.contains { $0.kind == .action } == false)
            response = try await app.send(.POST, "\(base)/actions/\(lower(UUID()))/done", as: social, form: [])
            #expect(response.status == .notFound)
            response = try await app.send(.GET, "\(base)/child-protection/strategy-discussion", as: social)
            #expect(response.text.contains(t("cp.action.done")))

            // The meeting, then its minutes, which must go to everyone invited.
            response = try await app.send(
                .POST, "\(base)/strategy-meetings/\(lower(meeting.id))", as: social,
                form: [("held_at", yesterday.description), ("held_time", "15:00"), ("outcome", "strategy_meeting")]
                    + meeting.invitees.map { ("attended_\(lower($0.id))", "true") })
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.meeting_cannot_convene_meeting")))
            response = try await app.send(
                .POST, "\(base)/strategy-meetings/\(lower(meeting.id))", as: social,
                form: [("held_at", yesterday.description), ("held_time", "15:00"), ("outcome", "section_47_enquiry")]
                    + meeting.invitees.map { ("attended_\(lower($0.id))", "true") })
            #expect(response.status == .seeOther)
            response = try await app.send(
                .POST, "\(base)/strategy-meetings/\(lower(meeting.id))/minutes", as: social,
                form: [("sent_\(lower(meeting.invitees[0].id))", "true")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.minutes_not_to_everyone")))
            response = try await app.send(
                .POST, "\(base)/strategy-meetings/\(lower(meeting.id))/minutes", as: social,
                form: meeting.invitees.map { ("sent_\(lower($0.id))", "true") })
            #expect(response.status == .seeOther)
            #expect(try await cpRecord(app, cerys).meetings[0].minutesSentTo.count == 2)

            // Section 47 enquiries, the manager's oversight, and the outcome.
            response = try await app.send(
                .POST, "\(base)/strategy-discussions/\(lower(discussion.id))/enquiry", as: social,
                form: [("workers", "Sian Morgan, DC Lewis")])
            #expect(response.status == .seeOther)
            record = try await cpRecord(app, cerys)
            let enquiry = try #require(record.enquiries.first)
            #expect(enquiry.investigatingWorkers == ["Sian Morgan", "DC Lewis"])
            #expect(enquiry.initialConferenceDueAt == calendar.deadline(for: .initialChildProtectionConference, from: heldAt).due)
            #expect(record.assessments.count == 1, "the assessment starts with the enquiry")
            response = try await app.send(
                .POST, "\(base)/enquiries/\(lower(enquiry.id))/outcome", as: social,
                form: [("outcome", "initial_conference"), ("reasons", "Harm substantiated")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.oversight_missing")))
            response = try await app.send(
                .POST, "\(base)/enquiries/\(lower(enquiry.id))/oversight", as: social,
                form: [("kind", "oversight"), ("note", "Agree")])
            #expect(response.status == .forbidden, "only the team manager oversees")
            response = try await app.send(
                .POST, "\(base)/enquiries/\(lower(enquiry.id))/oversight", as: lead,
                form: [("kind", "challenge"), ("note", "Has Cerys been seen alone?")])
            #expect(response.status == .seeOther)
            response = try await app.send(
                .POST, "\(base)/enquiries/\(lower(enquiry.id))/oversight", as: lead,
                form: [("kind", "oversight"), ("note", "Agree to an initial conference")])
            #expect(response.status == .seeOther)
            response = try await app.send(
                .POST, "\(base)/enquiries/\(lower(enquiry.id))/outcome", as: social,
                form: [("outcome", "initial_conference"), ("reasons", "Harm substantiated")])
            #expect(response.status == .seeOther)
            response = try await app.send(.GET, "\(base)/child-protection", as: social)
            #expect(response.text.contains(t("cp.clock.initial_conference")))
            response = try await app.send(.GET, "\(base)/child-protection/section-47-enquiry", as: social)
            #expect(response.text.contains("Has Cerys been seen alone?"))

            // The initial conference registers Cerys under neglect.
            record = try await cpRecord(app, cerys)
            let icpc = try #require(record.conferences.first)
            #expect(icpc.dueAt == enquiry.initialConferenceDueAt)
            let recent = RecentMinutes(calendar: calendar)
            response = try await app.send(
                .POST, "\(base)/conferences/\(lower(icpc.id))", as: social,
                form: [("held_at", recent.day(0).description), ("held_time", recent.time(0)), ("register", "true")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.category_missing")))
            #expect(try await cpRecord(app, cerys).register.isEmpty)
            response = try await app.send(
                .POST, "\(base)/conferences/\(lower(icpc.id))", as: social,
                form: [("held_at", recent.day(0).description), ("held_time", recent.time(0)), ("register", "true"),
                    ("categories", "neglect"), ("report_\(lower(partnership.healthBoard.id))", "true")])
            #expect(response.status == .seeOther)
            record = try await cpRecord(app, cerys)
            #expect(record.isOnRegister)
            #expect(record.currentRegistration?.categories == [.neglect])
            let trail = try await AuditTrail.search(AuditQuery(childID: cerys, limit: 200), on: app.db)
            #expect(trail.contains { $0.event.action == .registerChanged && $0.event.detail == "registered categories=neglect" })
            let icpcHeld = recent.instant(0)
            let firstCoreGroup = try #require(record.coreGroups.first)
            #expect(firstCoreGroup.dueAt == calendar.deadline(for: .firstCoreGroup, from: icpcHeld).due)
            let review = try #require(record.conferences.first { $0.kind == .review })
            #expect(review.dueAt == calendar.deadline(for: .firstReviewConference, from: icpcHeld).due)
            // Registration starts the visiting clocks; a visit seeing Cerys alone restarts that one.
            let registration = try #require(record.currentRegistration)
            #expect(registration.seenAloneDueAt == calendar.deadline(for: .childSeenAlone, from: icpcHeld).due)
            response = try await app.send(
                .POST, "\(base)/register/visits", as: social,
                form: [("visited_at", recent.day(0).description), ("visited_time", recent.time(0)), ("seen_alone", "true"),
                    ("note", "Cerys showed me her room")])
            #expect(response.status == .seeOther)
            let visitedAt = recent.instant(0)
            #expect(try await cpRecord(app, cerys).currentRegistration?.seenAloneDueAt
                == calendar.deadline(for: .childSeenAlone, from: visitedAt).due)
            response = try await app.send(.GET, "\(base)/child-protection/visits", as: social)
            #expect(response.text.contains("Cerys showed me her room"))
            #expect(response.text.contains(t("cp.clock.child_seen_at_home")))

            // The outline plan and the record are on their own clocks until they go out.
            #expect(record.openClocks.contains { $0.kind == .outlinePlan && $0.subjectID == icpc.id })
            response = try await app.send(
                .POST, "\(base)/conferences/\(lower(icpc.id))/sent", as: social, form: [("document", "outline_plan")])
            #expect(response.status == .seeOther)
            record = try await cpRecord(app, cerys)
            #expect(!record.openClocks.contains { $0.kind == .outlinePlan })
            #expect(record.openClocks.contains { $0.kind == .conferenceRecord })
            response = try await app.send(.GET, base, as: social)
            #expect(response.text.contains(t("flag.on_child_protection_register")))
            response = try await app.send(.GET, "\(base)/child-protection/register", as: social)
            #expect(response.text.contains(t("cp.category.neglect")))
            #expect(response.text.contains(t("cp.register.current")))

            // The first core group: the GP is invited, and everyone's attendance is recorded.
            #expect(firstCoreGroup.members.map(\.role) == [.generalPractitioner])
            let gpMember = firstCoreGroup.members[0]
            response = try await app.send(
                .POST, "\(base)/core-groups/\(lower(firstCoreGroup.id))", as: social,
                form: [("held_at", recent.day(1).description), ("held_time", recent.time(1))])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.attendance_not_recorded")))
            response = try await app.send(
                .POST, "\(base)/core-groups/\(lower(firstCoreGroup.id))", as: social,
                form: [("held_at", recent.day(1).description), ("held_time", recent.time(1)), ("attended_\(lower(gpMember.id))", "false"),
                    ("report_\(lower(gpMember.id))", "true"), ("added_agency_id", lower(partnership.school.id)),
                    ("added_role", "teacher"), ("added_name", "Mr Pugh"), ("added_attended", "true")])
            #expect(response.status == .seeOther)
            record = try await cpRecord(app, cerys)
            #expect(record.coreGroups.count == 2, "the next core group is scheduled")
            let coreGroupHeld = recent.instant(1)
            #expect(record.coreGroups.first { !$0.isHeld }?.dueAt
                == calendar.deadline(for: .laterCoreGroup, from: coreGroupHeld).due)

            // The assessment: refused while the child's voice is missing, then completed.
            let assessment = try #require(record.assessments.first)
            response = try await app.send(
                .POST, "\(base)/assessments/\(lower(assessment.id))", as: social,
                form: [("what_matters", "Staying at her school"), ("complete", "true")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t("error.cp.assessment_part_missing")))
            #expect(response.text.contains("Staying at her school"))
            #expect(try await cpRecord(app, cerys).assessments[0].completedAt == nil)
            response = try await app.send(
                .POST, "\(base)/assessments/\(lower(assessment.id))", as: social,
                form: [("child_seen", "true"), ("child_seen_at", yesterday.description), ("child_seen_alone", "true"),
                    ("childs_views", "I want Dai to go away"), ("what_matters", "Staying at her school"),
                    ("personal_outcomes", "Feel safe at home"), ("strengths", "Nain lives nearby"),
                    ("risks", "Mother's partner"), ("analysis", "Risk falls while Nain is involved"), ("complete", "true")])
            #expect(response.status == .seeOther)
            #expect(try await cpRecord(app, cerys).assessments[0].isComplete)

            // Her own plan, with outcomes scored over time.
            response = try await app.send(
                .POST, "\(base)/plan/outcomes", as: social, form: [("description", "Cerys feels safe at home")])
            #expect(response.status == .seeOther)
            let outcome = try #require(try await cpRecord(app, cerys).plan?.outcomes.first)
            for score in ["3", "6"] {
                response = try await app.send(
                    .POST, "\(base)/plan/outcomes/\(lower(outcome.id))/scores", as: social, form: [("score", score)])
                #expect(response.status == .seeOther)
            }
            response = try await app.send(
                .POST, "\(base)/plan/outcomes/\(lower(outcome.id))/scores", as: social, form: [("score", "11")])
            #expect(response.status == .unprocessableEntity)
            #expect(try await cpRecord(app, cerys).plan?.outcomes[0].scores.map(\.score) == [3, 6])
            response = try await app.send(
                .POST, "\(base)/plan", as: social,
                form: [("child_contribution", "I want to see Nain on Saturdays"), ("child_invited", "true"),
                    ("advocacy_offered", "true")])
            #expect(response.status == .seeOther)
            response = try await app.send(.POST, "\(base)/plan/review", as: social, form: [("reason", "returned_home")])
            #expect(response.status == .seeOther)
            response = try await app.send(
                .POST, "\(base)/plan/written-agreement", as: social,
                form: [("summary", "Dai will not stay overnight"), ("instead_of_procedures", "true")])
            #expect(response.status == .seeOther)
            response = try await app.send(.GET, "\(base)/child-protection/care-and-support-plan", as: lead)
            #expect(response.text.contains(t("cp.agreement.needs_review")))
            #expect(response.text.contains(t("cp.review_reason.returned_home")))
            #expect(response.text.contains(t("cp.advocacy.offered")))
            #expect(response.text.contains("I want to see Nain on Saturdays"))
            response = try await app.send(
                .POST, "\(base)/plan/written-agreement/review", as: lead, form: [("note", "Hold a strategy discussion")])
            #expect(response.status == .seeOther)
            #expect(try await cpRecord(app, cerys).plan?.needsManagerReview == false)

            // The team queue lists every clock, overdue marked, in the worker's language.
            response = try await app.send(.GET, "/team", as: social)
            #expect(response.status == .ok)
            #expect(response.text.contains(t("team.title")))
            #expect(response.text.contains(t("cp.clock.core_group")))
            #expect(response.text.contains(t("cp.clock.review_conference")))
            #expect(response.text.contains(t("cp.clock.plan_review")))
            #expect(response.text.contains("Cerys Jones"))

            // The review conference removes Cerys from the register.
            response = try await app.send(
                .POST, "\(base)/conferences/\(lower(review.id))", as: social,
                form: [("held_at", recent.day(2).description), ("held_time", recent.time(2)), ("register", "false")])
            #expect(response.status == .seeOther)
            record = try await cpRecord(app, cerys)
            #expect(!record.isOnRegister)
            #expect(record.register.count == 1)
            #expect(!record.openClocks.contains { $0.kind == .coreGroup }, "no core groups once off the register")
            response = try await app.send(.GET, base, as: social)
            #expect(!response.text.contains(t("flag.on_child_protection_register")))

            // The measures count this child's meeting, conferences and core group attendance by agency.
            let token = try await Credentials.apiToken(for: manager, on: app)
            response = try await app.send(.GET, "/api/v1/measures/child-protection", as: token)
            #expect(response.status == .ok)
            let measures = response.json["measures"] as? [String: Any] ?? [:]
            #expect(measures["strategy_meetings_held"] as? Int == 1)
            #expect(measures["minutes_circulated"] as? Int == 1)
            #expect(measures["initial_conferences_held"] as? Int == 1)
            #expect(measures["initial_conferences_on_time"] as? Int == 1)
            #expect(measures["review_conferences_held"] as? Int == 1)
            let byAgency = (response.json["core_group_attendance_by_agency"] as? [[String: Any]] ?? [])
            let health = byAgency.first { $0["agency_name"] as? String == partnership.healthBoard.name(in: language) }
            #expect(health?["invited"] as? Int == 1)
            #expect(health?["attended"] as? Int == 0)
            #expect(health?["reports_submitted"] as? Int == 1)
            let school = byAgency.first { $0["agency_id"] as? String == partnership.school.id.uuidString }
            #expect(school?["attended"] as? Int == 1)
            let byRole = measures["core_group_attendance_by_role"] as? [[String: Any]] ?? []
            #expect(byRole.first { $0["role"] as? String == "general_practitioner" }?["attended"] as? Int == 0)

            // No page of the process shows a catalogue key instead of its words.
            let keys = Set(app.catalogue.texts[.english]!.keys)
            let steps = ChildProtectionStepPage.allCases.map { "\(base)/child-protection/\($0.rawValue)" }
            for path in ["\(base)/child-protection", "/team", "/home"] + steps {
                let page = try await app.send(.GET, path, as: lead)
                #expect(page.status == .ok)
                let leaked = keys.filter { page.text.contains(">\($0)<") || page.text.contains(" \($0)<") }
                #expect(leaked.isEmpty, "\(path) shows raw keys \(leaked)")
                // A deadline is written once, as every date is ("… – Monday 7 December 2026,
                // 9:00am"), not followed by its date again (issue 15, item 7).
                #expect(page.text.range(of: #"\d{4}, \d{1,2}:\d{2}(am|pm) – \d{1,2} [A-Z][a-z]+ \d{4}"#,
                    options: .regularExpression) == nil, "\(path) writes a deadline's date twice")
            }
        }
    }

    @Test("the API walks the same steps with JSON, refuses bad input with problem documents, and reports the measures")
    func apiAndMeasures() async throws {
        try await withTestApp { app, partnership in
            let worker = try await Credentials.apiToken(for: partnership.account(.socialWorker), on: app)
            let manager = try await Credentials.apiToken(for: partnership.account(.teamManager), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/api/v1/children/\(lower(cerys))"
            var response = try await app.send(.POST, "\(base)/strategy-discussions", as: worker, json: #"{"immediate_risk": true}"#)
            #expect(response.status == .created)
            let discussion = try #require(try await cpRecord(app, cerys).discussions.first)
            #expect(discussion.immediateRisk)
            let yesterday = CalendarDay(Date(), in: app.workingCalendar.timeZone).adding(days: -1)
            response = try await app.send(
                .POST, "\(base)/strategy-discussions/\(lower(discussion.id))", as: worker,
                json: #"{"held_at": "\#(yesterday)", "outcome": "strategy_meeting", "colour": "red"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.isProblem)
            #expect(BadInputTests.fieldErrors(response)["colour"] != nil)
            #expect(try await cpRecord(app, cerys).discussions[0].outcome == nil, "nothing changed")
            let gp = discussion.invitees[0].id
            response = try await app.send(
                .POST, "\(base)/strategy-discussions/\(lower(discussion.id))", as: worker,
                json: #"{"held_at": "\#(yesterday)", "held_time": "11:00", "outcome": "strategy_meeting", "attended_\#(lower(gp))": true}"#)
            #expect(response.status == .created)
            let meeting = try #require(try await cpRecord(app, cerys).meetings.first)
            // Held minutes ago, so its minutes (due a working day later) are not yet overdue
            // whatever the time the suite runs: held yesterday at 16:00, they were overdue
            // whenever the suite ran after 4pm.
            let recent = RecentMinutes(calendar: app.workingCalendar)
            response = try await app.send(
                .POST, "\(base)/strategy-meetings/\(lower(meeting.id))", as: worker,
                json: #"{"held_at": "\#(recent.day(0))", "held_time": "\#(recent.time(0))", "outcome": "section_47_enquiry"}"#)
            #expect(response.status == .created)
            #expect((response.json["clocks"] as? [[String: Any]])?.contains { $0["kind"] as? String == "minutes" } == true)

            response = try await app.send(.GET, "/api/v1/team/queue", as: worker)
            #expect(response.status == .ok)
            let kinds = (response.json["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.contains("minutes"))

            response = try await app.send(.GET, "/api/v1/measures/child-protection", as: manager)
            #expect(response.status == .ok)
            let measures = response.json["measures"] as? [String: Any] ?? [:]
            #expect(measures["strategy_meetings_held"] as? Int == 1)
            #expect(measures["minutes_circulated"] as? Int == 0)
            #expect(measures["minutes_overdue"] as? Int == 0)
            response = try await app.send(.GET, "/api/v1/measures/child-protection", as: worker)
            #expect(response.status == .forbidden)
            #expect(response.isProblem)

            response = try await app.send(.GET, "\(base)/child-protection", as: worker)
            #expect(response.status == .ok)
            #expect((response.json["record"] as? [String: Any])?["child_id"] as? String == cerys.uuidString)
        }
    }

    @Test("a referral decided 'strategy discussion' before it was linked opens the discussion when it is, on the decision's clock")
    func discussionOpensOnLink() async throws {
        try await withTestApp { app, partnership in
            let referrer = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let created = try await app.send(
                .POST, "/api/v1/referrals", as: referrer,
                json: #"{"kind": "marf", "submit": true, "form": \#(schoolReferralJSON(nhsNumber: "401 023 2137", givenName: "Efa"))}"#)
            #expect(created.status == .created)
            let id = try #require(UUID(uuidString: created.json["id"] as? String ?? ""))
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let decided = try await app.send(
                .POST, "/api/v1/referrals/\(id)/decision", as: hub,
                json: #"{"outcome": "strategy_discussion", "reasons": "Injury disclosed"}"#)
            #expect(decided.status == .ok)
            let linked = try await app.send(.POST, "/api/v1/referrals/\(id)/link", as: hub, json: #"{"create": true}"#)
            #expect(linked.status == .created)
            let referral = try #require(try await ReferralRepository(app.db).find(id))
            let child = try #require(referral.childID)
            let discussion = try #require(try await cpRecord(app, child).discussions.first)
            #expect(discussion.referralID == id)
            #expect(abs(discussion.requestedAt.timeIntervalSince(referral.decidedAt!)) < 0.001)
        }
    }

    @Test("bad JSON, a score out of range and an unknown record are refused with problem documents, changing nothing")
    func apiRefusals() async throws {
        try await withTestApp { app, partnership in
            let worker = try await Credentials.apiToken(for: partnership.account(.socialWorker), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/api/v1/children/\(lower(cerys))"
            var response = try await app.send(.POST, "\(base)/plan/outcomes", as: worker, json: "{not json")
            #expect(response.status == .badRequest)
            #expect(response.isProblem)
            response = try await app.send(.POST, "\(base)/plan/outcomes", as: worker, json: #"{"description": "Feels safe"}"#)
            #expect(response.status == .created)
            let outcome = try #require(try await cpRecord(app, cerys).plan?.outcomes.first)
            response = try await app.send(
                .POST, "\(base)/plan/outcomes/\(lower(outcome.id))/scores", as: worker, json: #"{"score": 11}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.isProblem)
            #expect(BadInputTests.fieldErrors(response)["score"] != nil)
            #expect(try await cpRecord(app, cerys).plan?.outcomes[0].scores.isEmpty == true)
            response = try await app.send(
                .POST, "\(base)/plan/outcomes/\(lower(UUID()))/scores", as: worker, json: #"{"score": 5}"#)
            #expect(response.status == .notFound)
            #expect(response.isProblem)
            // The assessment's rule in the API's words: each missing part is named.
            response = try await app.send(.POST, "\(base)/assessments", as: worker, json: "{}")
            #expect(response.status == .created)
            let assessment = try #require(try await cpRecord(app, cerys).assessments.first)
            response = try await app.send(
                .POST, "\(base)/assessments/\(lower(assessment.id))", as: worker,
                json: #"{"childs_views": "I like my school", "complete": true}"#)
            #expect(response.status == .unprocessableEntity)
            let fields = BadInputTests.fieldErrors(response)
            #expect(Set(fields.keys) == ["child_seen", "what_matters", "personal_outcomes", "strengths", "risks", "analysis"])
            #expect(try await cpRecord(app, cerys).assessments[0].childsViews == "", "a refusal changes nothing")
            #expect(try await cpRecord(app, cerys).assessments[0].completedAt == nil)
            response = try await app.send(
                .POST, "\(base)/assessments/\(lower(assessment.id))", as: worker, json: #"{"childs_views": "I like my school"}"#)
            #expect(response.status == .created)
            #expect(try await cpRecord(app, cerys).assessments[0].childsViews == "I like my school", "saved without completing")
        }
    }

    @Test("reading a child protection record is audited; a sealed record is not opened without breaking the glass")
    func auditedReads() async throws {
        try await withTestApp { app, partnership in
            let worker = try await Credentials.session(for: partnership.account(.socialWorker), on: app)
            let response = try await app.send(.GET, "/children/\(lower(partnership.knownToHealth.id))/child-protection", as: worker)
            #expect(response.status == .ok)
            let views = try await AuditTrail.search(
                AuditQuery(childID: partnership.knownToHealth.id, limit: 10), on: app.db)
            #expect(views.contains { $0.event.action == .childProtectionViewed && $0.event.reason == "child_protection" })
            let sealed = try await app.send(.GET, "/children/\(lower(partnership.sealed.id))/child-protection", as: worker)
            #expect(sealed.status == .notFound)
            let posted = try await app.send(
                .POST, "/children/\(lower(partnership.sealed.id))/strategy-discussions", as: worker, form: [])
            #expect(posted.status == .notFound)
            #expect(try await ChildProtectionRepository(app.db).record(of: partnership.sealed.id).discussions.isEmpty)
        }
    }
}
