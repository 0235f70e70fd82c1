import Foundation

/// Who holds a child's case: a team and, once the team manager has chosen, a worker in
/// it. A reallocation ends the allocation standing and starts another, so the history
/// says who held the case when, and why it moved.
public struct CaseAllocation: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var teamID: UUID
    /// Nobody yet: allocated to the team, waiting for a worker.
    public var workerUserID: UUID?
    public var allocatedAt: Date
    public var allocatedByUserID: UUID
    /// Why it moved; empty for the first allocation.
    public var reason: String
    public var endedAt: Date?

    public init(
        id: UUID = UUID(), childID: UUID, teamID: UUID, workerUserID: UUID?, allocatedAt: Date, allocatedByUserID: UUID,
        reason: String = "", endedAt: Date? = nil
    ) {
        self.id = id
        self.childID = childID
        self.teamID = teamID
        self.workerUserID = workerUserID
        self.allocatedAt = allocatedAt
        self.allocatedByUserID = allocatedByUserID
        self.reason = reason
        self.endedAt = endedAt
    }

    public var isCurrent: Bool { endedAt == nil }
}

public enum AllocationError: Error, Sendable, Hashable {
    /// The worker chosen is not a member of the team chosen.
    case workerNotInTeam
    /// The case already stands with this team and worker.
    case unchanged
    /// Moving a case from one worker or team to another says why.
    case reasonNeeded
}

extension CaseAllocation {
    /// Allocates the child's case to `team` (and `worker`, who must be one of its
    /// `members`), ending the allocation standing: the pair to write together.
    public static func allocating(
        childID: UUID, to team: UUID, worker: UUID?, members: Set<UUID>, current: CaseAllocation?, reason: String,
        by userID: UUID, at now: Date
    ) throws(AllocationError) -> (ended: CaseAllocation?, started: CaseAllocation) {
        if let worker, !members.contains(worker) { throw .workerNotInTeam }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var ended: CaseAllocation?
        if var current, current.isCurrent {
            guard current.teamID != team || current.workerUserID != worker else { throw .unchanged }
            // Naming a worker for a case waiting in the same team is not a move.
            let firstWorker = current.teamID == team && current.workerUserID == nil
            if !firstWorker && reason.isEmpty { throw .reasonNeeded }
            current.endedAt = now
            ended = current
        }
        let started = CaseAllocation(
            childID: childID, teamID: team, workerUserID: worker, allocatedAt: now, allocatedByUserID: userID, reason: reason)
        return (ended, started)
    }
}
