import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The team queue, for the page and the API alike: every clock the team has to beat,
/// soonest (most overdue) first. The child protection clocks, a return interview owed
/// within 72 hours of a child coming back from missing (so the team sees who is about
/// to miss it), and the safety check of temporary accommodation a child was placed in,
/// due the day the child moved in (the inspection found children in B&Bs without one).
struct TeamQueue {
    struct Line: Sendable {
        /// `strategy_meeting`, … for the child protection clocks; `return_interview`; `safety_check`.
        var kind: String
        var kindKey: String
        var childID: UUID
        var childName: String
        /// The record the clock runs on: the child protection record, the episode, the placement.
        var subjectID: UUID
        var dueAt: Date
        var href: String
    }

    /// Every line, or with `mine` only those of the children whose case the reader holds.
    static func lines(_ request: Request, mine: Bool = false) async throws -> [Line] {
        let held = mine ? try await AllocationRepository(request.db).children(allocatedTo: try request.requireUser().account.id) : []
        let clocks = try await ChildProtectionDesk(request).teamQueue().map { line in
            Line(kind: line.clock.kind.rawValue, kindKey: "cp.clock.\(line.clock.kind.rawValue)", childID: line.clock.childID,
                childName: line.childName, subjectID: line.clock.subjectID, dueAt: line.clock.dueAt,
                href: ChildProtectionWebController.href(child: line.clock.childID,
                    page: ChildProtectionStepPage.page(of: line.clock.kind), record: line.clock.subjectID))
        }
        let interviews = try await MissingDesk(request).awaitedInterviews().compactMap { line -> Line? in
            guard let due = line.episode.returnInterviewDueAt else { return nil }
            return Line(kind: "return_interview", kindKey: "missing.clock.return_interview", childID: line.episode.childID,
                childName: line.childName, subjectID: line.episode.id, dueAt: due,
                href: "/children/\(line.episode.childID.uuidString.lowercased())/missing#interview")
        }
        let checks = try await CareDesk(request).awaitedChecks().map { line in
            Line(kind: "safety_check", kindKey: "care.clock.safety_check", childID: line.placement.childID,
                childName: line.childName, subjectID: line.placement.id, dueAt: line.dueAt,
                href: "/places/\(line.placement.placeID.uuidString.lowercased())#safety-check")
        }
        let lines: [Line] = clocks + interviews + checks
        return lines.filter { !mine || held.contains($0.childID) }.sorted { $0.dueAt < $1.dueAt }
    }
}
