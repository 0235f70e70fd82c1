import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("The demo shows a working day (issue 15, item 1)")
struct DemoTests {
    @Test("the hub queue opens full: a high-risk notice with its duplicate, referrals past their time, a third referral in a year")
    func hubQueueIsFull() async throws {
        try await withDemoApp { app, _ in
            let repository = ReferralRepository(app.db)
            let lines = try await repository.queue()
            // Four waiting for a decision, the duplicate notice counted with its episode, and
            // Zara Khan's decision waiting for the manager's sign-off.
            #expect(lines.count == 5, "waiting referrals: \(lines.count)")
            #expect(lines.filter { $0.status == .awaitingSignOff }.count == 1)
            #expect(lines.filter { $0.decisionDueAt < Date() }.count >= 2, "some are past their decision time")
            let referrals = try await repository.find(lines.map(\.id))
            func waiting(_ name: String) -> (QueueLine, Referral)? {
                lines.compactMap { line in referrals[line.id].map { (line, $0) } }.first { $0.1.form.child.givenName == name }
            }
            let tyler = try #require(waiting("Tyler"))
            #expect(tyler.1.kind == .policeProtectionNotice)
            #expect(tyler.1.form.policeNotice?.domesticAbuseRisk == .high && tyler.1.form.policeNotice?.childPresent == true)
            #expect(tyler.0.linkedNotices == 1, "the second officer's notice of the same incident is one episode with the first")
            let lily = try #require(waiting("Lily"))
            let earlier = try await repository.earlierReferrals(like: lily.1).filter { $0.referralID != lily.1.id }
            #expect(earlier.count == 2 && earlier.allSatisfy { $0.outcome != nil }, "two earlier referrals, both closed")
            #expect(referrals.values.allSatisfy { $0.childID != nil }, "each is on the record its NHS number names")
        }
    }

    @Test("the hub social worker's queue page lists them, the overdue ones said in words")
    func queuePageShowsThem() async throws {
        try await withDemoApp { app, _ in
            let sian = try #require(try await UserRepository(app.db).credentials(username: "sian.pritchard")?.account)
            let session = try await Credentials.session(for: sian, on: app)
            let page = try await app.send(.GET, "/hub", as: session)
            #expect(page.status == .ok)
            for name in ["Tyler Williams", "Mabli Davies", "Jac Evans", "Lily Roberts"] {
                #expect(page.text.contains(name), "\(name) is waiting")
            }
            #expect(page.text.contains("hwyr") || page.text.contains("overdue"), "an overdue referral says so")
        }
    }

    @Test("Lily's two earlier referrals carry the hub's decision and reasons, the re-referral signed off by the manager")
    func lilysEarlierDecisions() async throws {
        try await withDemoApp { app, _ in
            let sian = try await account("sian.pritchard", app), gareth = try await account("gareth.morgan", app)
            let lily = try #require(try await child("Lily", "Roberts", app))
            let referrals = try await ReferralRepository(app.db).chronology(of: lily).sorted { $0.submittedAt < $1.submittedAt }
            #expect(referrals.count == 3)
            let decisions = try await DecisionRepository(app.db).all(forReferrals: referrals.map(\.id))
            let first = try #require(decisions[referrals[0].id]?.last), second = try #require(decisions[referrals[1].id]?.last)
            #expect(first.decidedBy == sian.id && first.outcome == .noFurtherAction && first.signOff == nil)
            #expect(second.decidedBy == sian.id && second.signOffReasons == [.noFurtherActionOnReReferral])
            #expect(second.signOff?.managerID == gareth.id && second.signOff?.agreed == true)
            let page = try await app.send(.GET, "/children/\(lily.uuidString.lowercased())", as: try await Credentials.session(for: gareth, on: app))
            #expect(page.status == .ok)
            #expect(page.text.contains("Live Fear Free helpline"), "the second decision's reasons are in her chronology")
            #expect(page.text.contains("The threshold for care and support is not met"), "and the first's")
        }
    }

    @Test("the health board's safeguarding lead has a request waiting, overdue, and one answered; probation has answered")
    func requestsAwaitAnswers() async throws {
        try await withDemoApp { app, _ in
            let nia = try await account("nia.roberts", app)
            let inbox = try await InformationRequestRepository(app.db).inbox(of: nia.agencyID, answeredSince: Date().addingTimeInterval(-14 * 86_400))
            #expect(inbox.contains { $0.status(at: Date()) == .overdue }, "Mabli's request is past its four working hours")
            #expect(inbox.contains { $0.answer?.answeredBy == nia.id && $0.answer?.knowledge == .currentlyInvolved })
            let page = try await app.send(.GET, "/requests", as: try await Credentials.session(for: nia, on: app))
            #expect(page.status == .ok)
            for text in ["Mabli Davies", "Jac Evans", "Overdue"] { #expect(page.text.contains(text), "\(text) on her requests page") }
            let helen = try await account("helen.price", app)
            let probation = try await InformationRequestRepository(app.db).inbox(of: helen.agencyID, answeredSince: .distantPast)
            #expect(probation.count == 1 && probation[0].isAnswered)
        }
    }

    @Test("the hub's next meeting is planned within the week, its agenda the referrals waiting")
    func hubMeetingPlanned() async throws {
        try await withDemoApp { app, _ in
            let meetings = try await HubMeetingRepository(app.db).recent(limit: 5)
            let meeting = try #require(meetings.first)
            #expect(meetings.count == 1 && !meeting.isClosed)
            #expect(meeting.startsAt > Date() && meeting.startsAt < Date().addingTimeInterval(7 * 86_400))
            let waiting = try await ReferralRepository(app.db).queue()
            #expect(Set(meeting.items.map(\.referralID)) == Set(waiting.map(\.id)))
            let gareth = try await account("gareth.morgan", app)
            let page = try await app.send(
                .GET, "/hub/meetings/\(meeting.id.uuidString.lowercased())", as: try await Credentials.session(for: gareth, on: app))
            #expect(page.status == .ok)
            for name in ["Mabli Davies", "Jac Evans", "Lily Roberts"] { #expect(page.text.contains(name), "\(name) on the agenda") }
        }
    }

    @Test("the child protection team has a child at each stage, each with a process of their own")
    func childProtectionStages() async throws {
        try await withDemoApp { app, _ in
            let repository = ChildProtectionRepository(app.db)
            let tomos = try await repository.record(of: try #require(try await child("Tomos", "Morgan", app)))
            #expect(tomos.enquiries.count == 1 && tomos.enquiries[0].isOpen, "Tomos's Section 47 enquiry is under way")
            let natalia = try await repository.record(of: try #require(try await child("Natalia", "Kowalski", app)))
            #expect(natalia.conferences.count == 1 && !natalia.conferences[0].isHeld && natalia.conferences[0].dueAt > Date())
            let ianto = try await repository.record(of: try #require(try await child("Ianto", "Rees", app)))
            #expect(ianto.isOnRegister && ianto.plan != nil && ianto.plan?.outcomes.count == 2)
            #expect(ianto.coreGroups.filter(\.isHeld).count == 1)
            #expect(ianto.coreGroups.contains { !$0.isHeld && $0.dueAt > Date() }, "the next core group is due")
            #expect(!ianto.openClocks.contains { $0.dueAt < Date() }, "nothing on the registered child's record is overdue")
            for (given, surname) in [("Efa", "Morgan"), ("Deio", "Morgan"), ("Jakub", "Kowalski"), ("Begw", "Rees"), ("Osian", "Jones")] {
                let sibling = try await repository.record(of: try #require(try await child(given, surname, app)))
                #expect(sibling.discussions.isEmpty && sibling.plan == nil, "\(given) has no process of a sibling's")
            }
            let ffion = try await account("ffion.davies", app)
            let page = try await app.send(.GET, "/team", as: try await Credentials.session(for: ffion, on: app))
            #expect(page.status == .ok)
            for name in ["Cerys Jones", "Tomos Morgan", "Natalia Kowalski", "Ianto Rees"] { #expect(page.text.contains(name), "\(name) on the team queue") }
            for key in ["cp.clock.strategy_meeting", "cp.clock.initial_conference", "cp.clock.core_group"] {
                #expect(page.text.contains(app.catalogue.text(key, .welsh)), "\(key) in Ffion's Welsh")
            }
        }
    }

    @Test("the early intervention worker has a new family and one part-way through its steps, from notices the hub closed")
    func earlyInterventionCases() async throws {
        try await withDemoApp { app, _ in
            let bethan = try await account("bethan.owen", app)
            let cases = try await EarlyInterventionRepository(app.db).openCases()
            #expect(cases.count == 2)
            #expect(cases.contains { $0.firstContact == nil }, "a new family to contact")
            #expect(cases.contains { $0.firstContact?.by == bethan.id && $0.whatMatters?.by == bethan.id }, "one part-way")
            for item in cases {
                let referral = try #require(try await ReferralRepository(app.db).find(item.referralID))
                #expect(referral.kind == .policeProtectionNotice && referral.outcome == .noFurtherActionWithEarlyIntervention)
            }
            let page = try await app.send(.GET, "/early-intervention", as: try await Credentials.session(for: bethan, on: app))
            #expect(page.status == .ok)
            for name in ["Dafydd ap Gwilym", "Elis Thomas"] { #expect(page.text.contains(name), "\(name) in her queue") }
        }
    }

    @Test("the Welsh-medium school has one Operation Encompass notice waiting and one acknowledged")
    func encompassNotices() async throws {
        try await withDemoApp { app, _ in
            let owain = try await account("owain.lewis", app)
            let notices = try await EncompassRepository(app.db).forSchool(owain.agencyID)
            #expect(notices.count == 2)
            #expect(notices.contains { $0.sentAt != nil && $0.seenAt == nil }, "one waits")
            #expect(notices.contains { $0.seenBy == owain.id && $0.seenAt! >= $0.sentAt! }, "one acknowledged by its lead")
            let page = try await app.send(.GET, "/encompass", as: try await Credentials.session(for: owain, on: app))
            #expect(page.status == .ok)
            for name in ["Dafydd ap Gwilym", "Elis Thomas"] { #expect(page.text.contains(name), "\(name)'s notice at the school") }
            let tyler = try await ReferralRepository(app.db).chronology(of: try #require(try await child("Tyler", "Williams", app)))
            let first = try #require(tyler.first)
            let notice = try #require(try await ReferralRepository(app.db).find(first.id))
            #expect(notice.form.policeNotice?.operationEncompassSent == true)
        }
    }

    @Test("the hub manager's alerts show a named officer's break-glass opening with its reason")
    func alertsShowBreakGlass() async throws {
        try await withDemoApp { app, _ in
            let gareth = try await account("gareth.morgan", app)
            let page = try await app.send(.GET, "/alerts", as: try await Credentials.session(for: gareth, on: app))
            #expect(page.status == .ok)
            for text in ["DC Rhian Evans", "Emergency access", "Caerleon at 02:10"] { #expect(page.text.contains(text), "\(text) in the alerts") }
        }
    }

    @Test("a decision the agencies disagreed on waits for the manager, on his home page and in the hub queue")
    func decisionAwaitsSignOff() async throws {
        try await withDemoApp { app, _ in
            let gareth = try await account("gareth.morgan", app), sian = try await account("sian.pritchard", app)
            let zara = try await ReferralRepository(app.db).chronology(of: try #require(try await child("Zara", "Khan", app)))
            let entry = try #require(zara.first)
            let referral = try #require(try await ReferralRepository(app.db).find(entry.id))
            #expect(referral.status == .awaitingSignOff)
            let decision = try #require(try await DecisionRepository(app.db).latest(for: referral.id)?.1)
            #expect(decision.decidedBy == sian.id && decision.signOffReasons == [.agencyDisagreement])
            let session = try await Credentials.session(for: gareth, on: app)
            let home = try await app.send(.GET, "/home", as: session)
            #expect(home.text.contains("Waiting for your sign-off"))
            let hub = try await app.send(.GET, "/hub", as: session)
            #expect(hub.text.contains("Zara Khan") && hub.text.contains("Waiting for a manager"))
        }
    }

    @Test("loading the demo again adds nothing")
    func loadingTwiceIsIdempotent() async throws {
        try await withDemoApp { app, _ in
            func counts() async throws -> [Int] {
                [
                    try await ReferralRepository(app.db).queue().count,
                    try await HubMeetingRepository(app.db).recent(limit: 10).count,
                    try await AlertRepository(app.db).recent().count,
                    try await EarlyInterventionRepository(app.db).openCases().count,
                    try await EncompassRepository(app.db).recent().count,
                ]
            }
            let before = try await counts()
            _ = try await DemoPartnership.load(into: app)
            #expect(try await counts() == before)
        }
    }

    private func account(_ username: String, _ app: Application) async throws -> UserAccount {
        try #require(try await UserRepository(app.db).credentials(username: username)?.account)
    }

    private func child(_ given: String, _ surname: String, _ app: Application) async throws -> UUID? {
        try await ChildRepository(app.db).search(text: "\(given) \(surname)", dateOfBirth: nil)
            .first { $0.fullName == "\(given) \(surname)" }?.id
    }
}
