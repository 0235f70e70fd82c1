import Foundation
import Safeguarding
import SafeguardingStore

/// Two children further on than Cerys, each through the team's own rules in the order
/// the desk takes them: Tomos Morgan's Section 47 enquiry is under way (decided three
/// working days ago), and Natalia Kowalski's concluded that an initial child protection
/// conference is needed, which is now waiting on its fifteen-day clock. Their siblings
/// have no process of their own: plans are never shared by siblings.
enum DemoEnquiries {
    static func create(_ day: DemoDay) async throws {
        if let tomos = try await day.child("Tomos", "Morgan") {
            _ = try await start(
                tomos, discussedAt: day.workingDay(3, at: 10),
                information: "Tomos told his teacher his dad hit him with a belt; a mark was seen on his back at PE.", day)
        }
        if let natalia = try await day.child("Natalia", "Kowalski") {
            let enquiry = try await start(
                natalia, discussedAt: day.workingDay(9, at: 11),
                information: "Natalia, 12, disclosed that her father's friend who lodges with them comes into her room at night.", day)
            _ = try await concludeForConference(
                enquiry, at: day.workingDay(2, at: 15),
                reasons: "Natalia's account was consistent at ABE interview; the lodger has left but visits. Risk of significant harm continues.", day)
        }
    }

    /// A strategy discussion held on the day it was asked for, deciding an enquiry; the
    /// enquiry and its assessment started that afternoon, and the team manager's oversight
    /// recorded the next working day.
    static func start(
        _ summary: ChildRecordSummary, discussedAt: Date, information: String, _ day: DemoDay
    ) async throws -> SectionFortySevenEnquiry {
        let worker = try day.person("ffion.davies"), manager = try day.person("huw.jenkins")
        let childID = summary.child.id, repository = ChildProtectionRepository(day.db)
        let discussion = StrategyRules.openDiscussion(
            childID: childID, referralID: nil, immediateRisk: false, decidedAt: discussedAt.addingTimeInterval(-2 * 3_600),
            involvements: summary.involvements, calendar: day.calendar)
        try await repository.save(discussion)
        try await day.audit(worker, .strategyDiscussionOpened, childID: childID, subjectID: discussion.id, detail: "immediate_risk=false")
        let (recorded, _) = try StrategyRules.recordDiscussion(
            discussion, heldAt: discussedAt,
            invitees: discussion.invitees.map { var invitee = $0; invitee.attended = true; return invitee },
            information: summary.involvements.first { $0.involvement == .school }.map {
                [SharedInformation(agencyID: $0.agencyID, summary: information)]
            } ?? [],
            outcome: .section47Enquiry, actions: [],
            by: worker.account.id, now: day.now, calendar: day.calendar)
        try await repository.save(recorded)
        try await day.audit(worker, .strategyDiscussionRecorded, childID: childID, subjectID: discussion.id,
            detail: "outcome=\(StrategyOutcome.section47Enquiry.rawValue)")
        let startedAt = discussedAt.addingTimeInterval(3 * 3_600)
        var enquiry = try SectionFortySevenRules.start(
            after: recorded, workers: ["Ffion Davies", "DC Rhian Evans"], at: startedAt, calendar: day.calendar)
        try await repository.save(enquiry)
        try await repository.save(AssessmentRules.start(childID: childID, at: startedAt, calendar: day.calendar))
        try await day.audit(worker, .enquiryStarted, childID: childID, subjectID: enquiry.id, detail: "workers=2")
        enquiry = try SectionFortySevenRules.addOversight(
            enquiry, by: manager.account.id, kind: .oversight,
            note: "Joint enquiry with the police agreed. See the child alone within 24 hours; a paediatric assessment if any injury is seen.",
            at: min(day.calendar.addingWorkingDays(1, to: discussedAt), day.now))
        try await repository.save(enquiry)
        try await day.audit(manager, .enquiryOverseen, childID: childID, subjectID: enquiry.id, detail: "kind=oversight")
        return enquiry
    }

    /// The enquiry's outcome, an initial conference, scheduled on the enquiry's clock.
    static func concludeForConference(
        _ enquiry: SectionFortySevenEnquiry, at concluded: Date, reasons: String, _ day: DemoDay
    ) async throws -> ChildProtectionConference {
        let closed = try SectionFortySevenRules.recordOutcome(enquiry, .initialConference, reasons: reasons, at: concluded)
        let repository = ChildProtectionRepository(day.db)
        try await repository.save(closed)
        let conference = ConferenceRules.scheduleInitial(for: closed)
        try await repository.save(conference)
        try await day.audit(try day.person("ffion.davies"), .enquiryConcluded, childID: enquiry.childID, subjectID: enquiry.id,
            detail: "outcome=\(SectionFortySevenOutcome.initialConference.rawValue)")
        return conference
    }
}
