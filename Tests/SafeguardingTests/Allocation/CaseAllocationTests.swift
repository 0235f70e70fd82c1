import Foundation
import Testing
@testable import Safeguarding

@Suite("A child's case is allocated to a team and one of its workers; a move ends the one standing and says why")
struct CaseAllocationTests {
    let child = UUID(), manager = UUID(), east = UUID(), west = UUID(), ffion = UUID(), owen = UUID()
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test("first to the team, then a worker of it without a reason; a worker outside the team is refused")
    func firstAllocation() throws {
        let (ended, started) = try CaseAllocation.allocating(
            childID: child, to: east, worker: nil, members: [ffion], current: nil, reason: "", by: manager, at: now)
        #expect(ended == nil && started.teamID == east && started.workerUserID == nil && started.isCurrent)
        let (closed, named) = try CaseAllocation.allocating(
            childID: child, to: east, worker: ffion, members: [ffion], current: started, reason: " ", by: manager, at: now)
        #expect(closed?.id == started.id && closed?.endedAt == now, "the team's allocation ends as the worker's starts")
        #expect(named.workerUserID == ffion && named.reason == "")
        #expect(throws: AllocationError.workerNotInTeam) {
            try CaseAllocation.allocating(childID: child, to: east, worker: owen, members: [ffion], current: named, reason: "x",
                by: manager, at: now)
        }
    }

    @Test("moving from a worker or a team needs a reason; the same team and worker again is no change")
    func moves() throws {
        let held = CaseAllocation(childID: child, teamID: east, workerUserID: ffion, allocatedAt: now, allocatedByUserID: manager)
        #expect(throws: AllocationError.reasonNeeded) {
            try CaseAllocation.allocating(childID: child, to: west, worker: owen, members: [owen], current: held, reason: "  ",
                by: manager, at: now)
        }
        #expect(throws: AllocationError.reasonNeeded) {
            try CaseAllocation.allocating(childID: child, to: east, worker: nil, members: [ffion], current: held, reason: "",
                by: manager, at: now)
        }
        #expect(throws: AllocationError.unchanged) {
            try CaseAllocation.allocating(childID: child, to: east, worker: ffion, members: [ffion], current: held, reason: "x",
                by: manager, at: now)
        }
        let (ended, moved) = try CaseAllocation.allocating(
            childID: child, to: west, worker: owen, members: [owen], current: held, reason: " Ffion is on leave ", by: manager, at: now)
        #expect(ended?.endedAt == now && moved.reason == "Ffion is on leave" && moved.teamID == west)
    }
}
