import Fluent
import Foundation
import NoticeDelivery
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("Partnership working at the hub (F7, F8, F10, F21)")
struct PartnershipWorkingTests {
    static func domesticAbuseNotice(givenName: String, surname: String, dob: String, nhs: String = "") -> String {
        """
        {"kind": "ppn", "submit": true, "form": {
          "child": {"given_name": "\(givenName)", "surname": "\(surname)", "date_of_birth": "\(dob)", "sex": "female",
                    "address": "14 Heol Caerleon, Newport", "postcode": "NP19 7BX", "nhs_number": "\(nhs)"},
          "household": [{"name": "Ceri Jones", "relationship": "mother", "holds_parental_responsibility": true}],
          "concern": {"categories": ["domestic_abuse"], "description": "Officers called to a verbal argument between the adults.",
                      "immediate_protection": "Partner left the address."},
          "family_language": "welsh", "family_informed": true, "consent": {"status": "given"},
          "police_notice": {"occurrence_number": "GW-2026/9001", "notice_type": "domestic_abuse", "domestic_abuse_risk": "standard",
                            "incident_at": "2026-11-22T21:15:00Z", "incident_location": "Home address",
                            "child_present": true, "risk_rationale": "First reported incident", "officer_risk_grade": "medium", "immediate_actions": ["none"]}}}
        """
    }

    static func account(_ name: String, _ roles: Set<Role>, at agency: Agency, on app: Application, language: Language = .english)
        async throws -> UserAccount
    {
        let account = UserAccount(
            username: name, displayName: name, email: "\(name)@example.org", jobTitle: "Tester", agencyID: agency.id, roles: roles,
            language: language)
        try await UserRepository(app.db).create(account, passwordHash: try Bcrypt.hash("x", cost: 4))
        return account
    }

    static func submitSchoolReferral(_ app: Application, _ partnership: TestPartnership) async throws -> String {
        let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
        let created = try await app.send(.POST, "/api/v1/referrals", as: teacher,
            json: #"{"kind": "marf", "submit": true, "form": "# + schoolReferralJSON() + "}")
        #expect(created.status == .created)
        return try #require(created.json["id"] as? String)
    }

    @Test("the hub asks the agencies the child's record suggests; a thin answer is refused; the answer shows beside the referral")
    func requestsAndAnswers() async throws {
        try await withTestApp { app, partnership in
            let referralID = try await Self.submitSchoolReferral(app, partnership)
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let page = try await app.send(.GET, "/referrals/\(referralID)", as: hub)
            #expect(page.text.contains("Requests for information"))
            // The form has its own page: Cerys is known to the health board's GP, so it is suggested, and ticked.
            let form = try await app.send(.GET, "/referrals/\(referralID)/requests", as: hub)
            let health = partnership.healthBoard.id.uuidString.lowercased()
            #expect(form.text.contains(#"value="\#(health)" checked"#))

            let sent = try await app.send(.POST, "/referrals/\(referralID)/requests", as: hub,
                form: [("agency_ids", health), ("question", "Any missed appointments?"), ("due_at", "")])
            #expect(sent.status == .seeOther)
            let requests = try await InformationRequestRepository(app.db).forReferral(UUID(uuidString: referralID)!)
            #expect(requests.count == 1)
            let item = try #require(requests.first)
            #expect(item.agencyID == partnership.healthBoard.id)
            // Four working hours: never more than a working day ahead.
            #expect(item.dueAt > item.requestedAt && item.dueAt.timeIntervalSince(item.requestedAt) < 4 * 86_400)
            let alerted = try await NoticeRepository(app.db).forRecipient(partnership.account(.safeguardingLead).id)
            #expect(alerted.contains { $0.kind == "request_new" && $0.body.contains("/requests/\(item.id.uuidString.lowercased())") })

            // Asking the same agency twice is refused and changes nothing.
            let again = try await app.send(.POST, "/referrals/\(referralID)/requests", as: hub, form: [("agency_ids", health)])
            #expect(again.status == .unprocessableEntity)
            #expect(try await InformationRequestRepository(app.db).forReferral(UUID(uuidString: referralID)!).count == 1)

            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            let inbox = try await app.send(.GET, "/requests", as: lead)
            #expect(inbox.text.contains("Cerys Jones"))
            // No rota yet: the inbox does not call everyone who answers "on duty" (issue 15, item 15).
            #expect(inbox.text.contains("Nobody on the rota is here today, so every answerer is told:"))
            #expect(!inbox.text.contains("On duty today:"))
            let opened = try await app.send(.GET, "/requests/\(item.id.uuidString.lowercased())", as: lead)
            #expect(opened.text.contains("Any missed appointments?"))
            #expect(opened.text.contains("Osian Jones"))

            let thin = try await app.send(.POST, "/requests/\(item.id.uuidString.lowercased())/answer", as: lead,
                form: [("knowledge", "currently_involved")])
            #expect(thin.status == .unprocessableEntity)
            #expect(thin.text.contains("Say what your agency knows"))
            #expect(try await InformationRequestRepository(app.db).find(item.id)?.isAnswered == false)

            let answered = try await app.send(.POST, "/requests/\(item.id.uuidString.lowercased())/answer", as: lead,
                form: [("knowledge", "currently_involved"), ("what_is_known", "Missed two GP appointments since September"),
                       ("known_risks", "None known"), ("last_contact", "2026-10-14"), ("named_worker", "Dr Shah")])
            #expect(answered.status == .seeOther)
            let twice = try await app.send(.POST, "/requests/\(item.id.uuidString.lowercased())/answer", as: lead,
                form: [("knowledge", "not_known")])
            #expect(twice.status == .unprocessableEntity)

            let screened = try await app.send(.GET, "/referrals/\(referralID)", as: hub)
            #expect(screened.text.contains("Missed two GP appointments since September"))
            #expect(screened.text.contains("Dr Shah"))

            // In Welsh, for the Welsh-speaking practitioner.
            let welsh = try await Credentials.session(for: partnership.welshPractitioner, on: app)
            let cymraeg = try await app.send(.GET, "/referrals/\(referralID)", as: welsh)
            #expect(cymraeg.text.contains("Ceisiadau am wybodaeth"))
            #expect(cymraeg.text.contains("Ydy, rydym yn ymwneud â nhw ar hyn o bryd"))

            // Another agency cannot open it.
            let school = try await Self.account("school.lead", [.safeguardingLead], at: partnership.school, on: app)
            let refused = try await app.send(.GET, "/requests/\(item.id.uuidString.lowercased())",
                as: try await Credentials.session(for: school, on: app))
            #expect(refused.status == .notFound)
        }
    }

    @Test("overdue requests are chased once per interval, to whoever is on duty and not away, and counted")
    func chasing() async throws {
        try await withTestApp { app, partnership in
            let referralID = UUID(uuidString: try await Self.submitSchoolReferral(app, partnership))!
            let first = partnership.account(.safeguardingLead)
            let deputy = try await Self.account("health.deputy", [.safeguardingLead], at: partnership.healthBoard, on: app)
            let calendar = app.workingCalendar
            let now = Date()
            let today = calendar.day(of: now)
            try await DutyRotaRepository(app.db).replace(DutyRota(
                agencyID: partnership.healthBoard.id, onDuty: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, [first.id]) })))
            try await DutyRotaRepository(app.db).addAbsence(Absence(userID: first.id, firstDay: today, lastDay: today))
            let item = InformationRequest(
                referralID: referralID, childID: nil, agencyID: partnership.healthBoard.id,
                requestedBy: partnership.account(.hubPractitioner).id, requestedAt: now.addingTimeInterval(-7_200),
                dueAt: now.addingTimeInterval(-60), question: "")
            try await InformationRequestRepository(app.db).create(item)
            let chaser = InformationRequestChaser(database: app.db, calendar: calendar, catalogue: app.catalogue)
            #expect(try await chaser.chaseOverdue(at: now) == 1)
            #expect(try await chaser.chaseOverdue(at: now.addingTimeInterval(60)) == 0)
            #expect(try await InformationRequestRepository(app.db).find(item.id)?.chaseCount == 1)
            // The rostered lead is away today, so the chase reaches the deputy instead.
            #expect(try await NoticeRepository(app.db).forRecipient(deputy.id).contains { $0.kind == "request_chase" })
            #expect(!(try await NoticeRepository(app.db).forRecipient(first.id).contains { $0.kind == "request_chase" }))

            let auditor = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            let measures = try await app.send(.GET, "/api/v1/measures/information-requests", as: auditor)
            let line = (measures.json["items"] as? [[String: Any]])?.first
            #expect(line?["agency_id"] as? String == partnership.healthBoard.id.uuidString)
            #expect(line?["overdue_now"] as? Int == 1)
            #expect(line?["chases"] as? Int == 1)
        }
    }

    @Test("a hub meeting's agenda builds itself, shows what an absent agency did not give, decides, and sends bilingual minutes")
    func hubMeeting() async throws {
        try await withTestApp { app, partnership in
            let referralID = try await Self.submitSchoolReferral(app, partnership)
            let manager = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            _ = try await app.send(.POST, "/referrals/\(referralID)/requests", as: manager,
                form: [("agency_ids", partnership.healthBoard.id.uuidString.lowercased())])
            // Yesterday at 10am, so the test does not age (a fixed date falls outside the
            // week a meeting may be written up in) and the meeting has been held.
            let yesterday = CalendarDay(Date(), in: app.workingCalendar.timeZone).adding(days: -1)
            let opened = try await app.send(.POST, "/hub/meetings", as: manager, form: [("starts_at", "\(yesterday)T10:00")])
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers.first(name: .location))
            let meetingID = String(location.split(separator: "/").last!)
            let agenda = try await app.send(.GET, location, as: manager)
            #expect(agenda.text.contains("Cerys Jones"))

            let police = partnership.police.id.uuidString.lowercased()
            let attendance = try await app.send(.POST, "\(location)/attendance", as: manager,
                form: [("present", police), ("name-\(police)", "DS Morgan"), ("role-\(police)", "Hub sergeant")])
            #expect(attendance.status == .seeOther)
            let afterAttendance = try await app.send(.GET, location, as: manager)
            #expect(afterAttendance.text.contains("Missing information from absent agencies"))
            #expect(afterAttendance.text.contains("Aneurin Bevan University Health Board"))

            let noReasons = try await app.send(.POST, "\(location)/items/\(referralID)/decision", as: manager,
                form: [("outcome", "care_and_support_assessment"), ("reasons", "")])
            #expect(noReasons.status == .unprocessableEntity)
            let decided = try await app.send(.POST, "\(location)/items/\(referralID)/decision", as: manager,
                form: [("outcome", "care_and_support_assessment"), ("reasons", "Injury disclosed; assess needs")])
            #expect(decided.status == .seeOther)
            let meeting = try #require(try await HubMeetingRepository(app.db).find(UUID(uuidString: meetingID)!))
            #expect(meeting.items.first?.outcome == .careAndSupportAssessment)

            // The meeting's button asks first; only the confirmation's "yes" closes.
            let asked = try await app.send(.POST, "\(location)/close", as: manager, form: [])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Every item on the agenda has been decided."))
            #expect(asked.text.contains("Yes, close the meeting and send the minutes"))
            #expect(try await HubMeetingRepository(app.db).find(UUID(uuidString: meetingID)!)?.isClosed == false)
            let closed = try await app.send(.POST, "\(location)/close", as: manager, form: [("confirmed", "true")])
            #expect(closed.status == .seeOther)
            #expect(closed.headers.first(name: .location) == "\(location)/minutes?saved=meeting_closed")
            let minutes = try await app.send(.GET, "\(location)/minutes?saved=meeting_closed", as: manager)
            #expect(minutes.text.contains("The meeting is closed and its minutes have been sent to those who attended"))
            // The minutes name the child and give the hub's reasons, not the reference alone.
            #expect(minutes.text.contains("Cerys Jones"))
            #expect(minutes.text.contains("Injury disclosed; assess needs"))
            #expect(minutes.text.contains("DS Morgan"))
            #expect(minutes.text.contains("Minutes of the hub meeting of"))
            #expect(minutes.text.contains("Cofnodion cyfarfod yr hyb ar"))
            #expect(minutes.text.contains("Assessment of care and support needs") || minutes.text.contains("care and support"))
            #expect(minutes.text.contains("Decided without information from: Aneurin Bevan University Health Board"))
            let sent = try await NoticeRepository(app.db).forRecipient(partnership.account(.hubManager).id)
            #expect(sent.contains { $0.kind == "hub_minutes" && $0.body.contains("DS Morgan") && $0.body.contains("Cofnodion") })
            let late = try await app.send(.POST, "\(location)/attendance", as: manager, form: [("present", police)])
            #expect(late.status == .unprocessableEntity)

            let measures = try await app.send(.GET, "/api/v1/measures/hub-meetings?from=\(yesterday.adding(days: -30))&until=\(yesterday.adding(days: 30))",
                as: try await Credentials.apiToken(for: partnership.account(.auditor), on: app))
            #expect(measures.json["meetings"] as? Int == 1)
            let lines = measures.json["items"] as? [[String: Any]] ?? []
            #expect(lines.first { $0["agency_id"] as? String == partnership.police.id.uuidString }?["attended"] as? Int == 1)
            #expect(lines.first { $0["agency_id"] as? String == partnership.healthBoard.id.uuidString }?["attended"] as? Int == 0)
        }
    }

    @Test("a police notice closed with no further action reaches the early intervention queue with its deadlines, and escalates in one action")
    func earlyIntervention() async throws {
        try await withTestApp { app, partnership in
            let officer = try await Self.account("pc.evans", [.referrer], at: partnership.police, on: app)
            let created = try await app.send(.POST, "/api/v1/referrals", as: try await Credentials.apiToken(for: officer, on: app),
                json: Self.domesticAbuseNotice(givenName: "Tyler", surname: "Williams", dob: "2012-11-02"))
            let referralID = try #require(created.json["id"] as? String)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let decided = try await app.send(.POST, "/api/v1/referrals/\(referralID)/decision", as: hub,
                json: #"{"outcome": "no_further_action", "reasons": "Single verbal argument; no injuries"}"#)
            #expect(decided.status == .ok)

            let worker = try await Credentials.session(for: partnership.account(.earlyInterventionWorker), on: app)
            let queue = try await app.send(.GET, "/early-intervention", as: worker)
            #expect(queue.text.contains("Tyler Williams"))
            #expect(queue.text.contains("Awaiting first contact"))
            let item = try #require(try await EarlyInterventionRepository(app.db).forReferral(UUID(uuidString: referralID)!))
            #expect(item.firstContactDueAt == app.workingCalendar.dueDate(for: .sameWorkingDay, from: item.openedAt))
            #expect(item.whatMattersDueAt == app.workingCalendar.addingWorkingDays(2, to: item.openedAt))
            let welshWorker = try await Self.account(
                "gweithiwr", [.earlyInterventionWorker], at: partnership.childrensServices, on: app, language: .welsh)
            let casePage = try await app.send(.GET, "/early-intervention/\(item.id.uuidString.lowercased())",
                as: try await Credentials.session(for: welshWorker, on: app))
            #expect(casePage.text.contains("(2 ddiwrnod gwaith)"))
            #expect(casePage.text.contains("Yn aros am gyswllt cyntaf"))

            let early = try await app.send(.POST, "/early-intervention/\(item.id.uuidString.lowercased())/what-matters", as: worker,
                form: [("at", "2026-11-23T09:30"), ("note", "Mum wants help")])
            #expect(early.status == .unprocessableEntity)
            #expect(early.text.contains("Record the first contact before"))
            let contact = try await app.send(.POST, "/early-intervention/\(item.id.uuidString.lowercased())/contact", as: worker,
                form: [("at", "2026-11-23T09:30"), ("note", "Phoned mum, offered a What Matters call")])
            #expect(contact.status == .seeOther)

            let escalated = try await app.send(.POST, "/early-intervention/\(item.id.uuidString.lowercased())/escalate", as: worker,
                form: [("note", "Tyler disclosed being hit")])
            #expect(escalated.status == .seeOther)
            let hubQueue = try await app.send(.GET, "/api/v1/hub/queue", as: hub)
            let waiting = hubQueue.json["items"] as? [[String: Any]] ?? []
            #expect(waiting.count == 1)
            #expect(waiting.first?["id"] as? String != referralID)
            #expect(try await EarlyInterventionRepository(app.db).find(item.id)?.state == .escalated)

            let measures = try await app.send(.GET, "/api/v1/measures/early-intervention",
                as: try await Credentials.apiToken(for: partnership.account(.hubManager), on: app))
            #expect(measures.json["cases"] as? Int == 1)
            #expect(measures.json["escalated"] as? Int == 1)
            #expect(measures.json["escalation_rate"] as? Double == 1)
            #expect(measures.json["first_contact_on_time"] as? Int == 1)
        }
    }

    @Test("the school is told once about one incident, and an agency that is not a school is never told as the school")
    func encompassOncePerIncidentOnlySchools() async throws {
        try await withTestApp { app, partnership in
            // The demo had recorded the education service "as the school" of English-medium
            // children: the notice went there, where no one has pupils (issue 15, item 12).
            let education = Agency(name: "Newport Education Service", welshName: "Gwasanaeth Addysg Casnewydd", kind: .education,
                isHubMember: false)
            try await AgencyRepository(app.db).create(education)
            try await ChildRepository(app.db).addInvolvement(
                AgencyInvolvement(agencyID: education.id, involvement: .school), of: partnership.knownToHealth.id)
            let notice = Self.domesticAbuseNotice(givenName: "Cerys", surname: "Jones", dob: "2015-03-27", nhs: "9434765919")
            let arresting = try await Self.account("pc.first", [.referrer], at: partnership.police, on: app)
            let first = try await app.send(.POST, "/api/v1/referrals", as: try await Credentials.apiToken(for: arresting, on: app),
                json: notice)
            let firstID = UUID(uuidString: try #require(first.json["id"] as? String))!
            let notification = try #require(try await EncompassRepository(app.db).forReferral(firstID))
            #expect(notification.schoolAgencyID == nil && notification.sentAt == nil, "the education service is not her school")
            let page = try await app.send(.GET, "/encompass", as: try await Credentials.session(
                for: partnership.account(.hubPractitioner), on: app)).text
            #expect(page.contains("School not known"))
            let offered = try #require(page.range(of: #"name="school_id""#))
            #expect(!page[offered.upperBound...].prefix(600).contains("Newport Education Service"), "only schools are offered")

            // The second officer's notice of the same incident tells no school again.
            let second = try await app.send(.POST, "/api/v1/referrals", as: try await Credentials.apiToken(
                for: try await Self.account("pc.second", [.referrer], at: partnership.police, on: app), on: app), json: notice)
            let secondID = UUID(uuidString: try #require(second.json["id"] as? String))!
            #expect(try await ReferralRepository(app.db).find(secondID)?.episodeLeadID == firstID)
            #expect(try await EncompassRepository(app.db).forReferral(secondID) == nil)
        }
    }

    @Test("only a school's home page speaks of 'your pupils'; the hub's says it routes every school's notices")
    func encompassOnHomePages() async throws {
        try await withTestApp { app, partnership in
            let hub = try await app.send(.GET, "/home", as: try await Credentials.session(
                for: partnership.account(.hubPractitioner), on: app)).text
            #expect(hub.contains("Every school&#39;s notices after domestic abuse incidents"))
            #expect(!hub.contains("your pupils"))
            let lead = try await Self.account("school.lead", [.safeguardingLead], at: partnership.school, on: app)
            let school = try await app.send(.GET, "/home", as: try await Credentials.session(for: lead, on: app)).text
            #expect(school.contains("Domestic abuse incidents your pupils were present at"))
            let nurse = try await Self.account("health.lead", [.safeguardingLead], at: partnership.healthBoard, on: app)
            let health = try await app.send(.GET, "/home", as: try await Credentials.session(for: nurse, on: app)).text
            #expect(!health.contains("your pupils") && !health.contains("Every school&#39;s notices"))
        }
    }

    @Test("a domestic abuse notice with the child present tells the school's lead, who records seeing it")
    func operationEncompass() async throws {
        try await withTestApp { app, partnership in
            try await ChildRepository(app.db).addInvolvement(
                AgencyInvolvement(agencyID: partnership.school.id, involvement: .school), of: partnership.knownToHealth.id)
            let schoolLead = try await Self.account("ysgol.lead", [.safeguardingLead], at: partnership.school, on: app, language: .welsh)
            let officer = try await Self.account("pc.jones", [.referrer], at: partnership.police, on: app)
            let created = try await app.send(.POST, "/api/v1/referrals", as: try await Credentials.apiToken(for: officer, on: app),
                json: Self.domesticAbuseNotice(givenName: "Cerys", surname: "Jones", dob: "2015-03-27", nhs: "9434765919"))
            let referralID = UUID(uuidString: try #require(created.json["id"] as? String))!
            let notification = try #require(try await EncompassRepository(app.db).forReferral(referralID))
            #expect(notification.schoolAgencyID == partnership.school.id)
            #expect(notification.sentAt != nil)
            #expect(notification.dueBy == app.workingCalendar.nextSchoolDayStart(after: notification.incidentAt))
            let notices = try await NoticeRepository(app.db).forRecipient(schoolLead.id)
            #expect(notices.contains { $0.kind == "operation_encompass" && $0.subject.contains("Hysbysiad Ymgyrch Encompass") })
            #expect(!notices.contains { $0.body.contains("Cerys") })

            let lead = try await Credentials.session(for: schoolLead, on: app)
            let page = try await app.send(.GET, "/encompass", as: lead)
            #expect(page.text.contains("Cerys Jones"))
            #expect(page.text.contains("Rwyf wedi gweld hyn"))
            let seen = try await app.send(.POST, "/encompass/\(notification.id.uuidString.lowercased())/seen", as: lead, form: [])
            #expect(seen.status == .seeOther)
            #expect(try await EncompassRepository(app.db).find(notification.id)?.seenBy == schoolLead.id)

            // Another school's lead neither sees it nor can mark it.
            let other = try await Self.account("other.lead", [.safeguardingLead], at: partnership.healthBoard, on: app)
            let otherPage = try await app.send(.GET, "/encompass", as: try await Credentials.session(for: other, on: app))
            #expect(!otherPage.text.contains("Cerys Jones"))

            let measures = try await app.send(.GET, "/api/v1/measures/operation-encompass",
                as: try await Credentials.apiToken(for: partnership.account(.auditor), on: app))
            #expect(measures.json["notifications"] as? Int == 1)
            #expect(measures.json["sent_to_school"] as? Int == 1)
        }
    }
}
