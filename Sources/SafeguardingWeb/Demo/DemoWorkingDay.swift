import Foundation
import Safeguarding

/// The demonstration's working day, made in the order the work happens so each step
/// finds what the one before it left: the front door's referrals and the hub's decisions,
/// the requests for information on them, the early intervention team's families and the
/// school's notices, the child protection team's children, a break-glass alert, the hub's
/// next meeting, whose agenda is whatever is then still waiting (issue 15, item 1), and the
/// exploitation work: this month's MACE cohort and missing episodes, then the historical
/// cohort the validation report is run on (issue 16).
enum DemoWorkingDay {
    static func create(_ day: DemoDay, breakGlassDuration: TimeInterval) async throws {
        let referrals = try await DemoReferrals.create(day)
        try await DemoDecisions.awaitingSignOff(day)
        if let referrals { try await DemoRequests.create(referrals, day) }
        if let families = try await DemoEarlyIntervention.create(day) { try await DemoEncompass.create(families, day) }
        try await DemoChildProtection.create(day)
        try await DemoEnquiries.create(day)
        try await DemoRegister.create(day)
        try await DemoAlerts.create(day, breakGlassDuration: breakGlassDuration)
        try await DemoHubMeeting.create(day)
        try await DemoExploitation.create(day)
        try await DemoExploitationCohort.create(day)
        try await DemoAllocations.create(day)
    }
}
