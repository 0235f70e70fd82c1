import Foundation
import Safeguarding
import SafeguardingStore

/// One demonstration child part-way through child protection: Cerys Jones's strategy
/// discussion was held two working days ago and decided on a strategy meeting that has
/// not yet happened, so the team queue and her record show running clocks. Her brother
/// Osian has no record of his own in the process: plans are never shared by siblings.
enum DemoChildProtection {
    static func create(_ day: DemoDay) async throws {
        guard let summary = try await day.child("Cerys", "Jones") else { return }
        let ffion = try day.person("ffion.davies")
        let worker = ffion.account.id, now = day.now, calendar = day.calendar
        // Six working days back, whatever the weekday the demo loads: the action agreed at
        // the discussion (two working days) is overdue on the team queue on a Monday too,
        // as it was only from Tuesday to Friday when the discussion was four calendar days back.
        let openedAt = day.workingDay(6, at: 10)
        let discussion = StrategyRules.openDiscussion(
            childID: summary.child.id, referralID: nil, immediateRisk: false, decidedAt: openedAt,
            involvements: summary.involvements, calendar: calendar)
        let held = min(discussion.dueAt, now)
        let (recorded, meeting) = try StrategyRules.recordDiscussion(
            discussion, heldAt: held, invitees: discussion.invitees.map {
                var invitee = $0
                invitee.attended = true
                return invitee
            }, information: [], outcome: .strategyMeeting,
            actions: [AgreedAction(description: "Ask the school about attendance since September", owner: "Ffion Davies",
                dueAt: calendar.addingWorkingDays(2, to: held))],
            by: worker, now: now, calendar: calendar)
        let repository = ChildProtectionRepository(day.db)
        try await repository.save(recorded)
        if let meeting { try await repository.save(meeting) }
        try await repository.save(AssessmentRules.start(childID: summary.child.id, at: held, calendar: calendar))
        try await day.audit(ffion, .strategyDiscussionRecorded, childID: summary.child.id, subjectID: recorded.id,
            detail: "outcome=\(StrategyOutcome.strategyMeeting.rawValue)")
    }
}
