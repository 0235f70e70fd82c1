import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Children's cases allocated to a team and a worker (issue 17, item 5), for the pages
/// and the API alike. Every step asks the access policy about the child first and writes
/// the change with its audit entry in one transaction.
struct AllocationDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    struct Opened: Sendable {
        var summary: ChildRecordSummary
        /// The most recent first; the first is the one standing, unless it has ended.
        var history: [CaseAllocation]
        var teams: [Team]
        var members: [UUID: Set<UUID>]
        var people: [UUID: UserAccount]

        var current: CaseAllocation? { history.first(where: \.isCurrent) }
    }

    /// A child's allocation and its history, the read audited as a read of the record.
    func open(_ childID: UUID) async throws -> Opened {
        let (summary, basis) = try await ChildAccessCheck.authorise(request, user, childID)
        let repository = AllocationRepository(request.db)
        let history = try await repository.history(of: childID)
        let members = try await repository.members()
        let ids = Set(members.values.flatMap { $0 } + history.compactMap(\.workerUserID) + history.map(\.allocatedByUserID))
        let people = try await UserRepository(request.db).accounts(Array(ids))
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.allocationViewed, childID: childID, reason: basis.rawValue, requestID: request.requestID))
        return Opened(summary: summary, history: history, teams: try await repository.teams(), members: members, people: people)
    }

    /// Allocates or reallocates the child's case: `team`, `worker` (optional, one of the
    /// team), and `reason` when it moves.
    func allocate(_ childID: UUID, _ fields: inout FieldReader) async throws -> CaseAllocation {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let teamID = fields.identifier("team")
        let workerID = fields.identifier("worker", required: false)
        let reason = fields.text("reason", required: false, maxLength: 2_000) ?? ""
        try fields.finish()
        guard let teamID else { throw ValidationFailure([]) }
        let user = self.user, requestID = request.requestID, now = Date()
        return try await request.store.transaction { db in
            let repository = AllocationRepository(db)
            guard try await repository.teams().contains(where: { $0.id == teamID }) else {
                throw ValidationFailure([FieldError("team", .notAnIdentifier)])
            }
            let members = try await repository.members()[teamID] ?? []
            let current = try await repository.current(of: [childID])[childID]
            let (ended, started): (CaseAllocation?, CaseAllocation)
            do {
                (ended, started) = try CaseAllocation.allocating(
                    childID: childID, to: teamID, worker: workerID, members: members, current: current, reason: reason,
                    by: user.account.id, at: now)
            } catch let refusal as AllocationError {
                throw ValidationFailure([refusal.fieldError])
            }
            if let ended { try await repository.save(ended) }
            try await repository.save(started)
            try await AuditTrail.append(
                user.auditEvent(.caseAllocated, childID: childID, subjectID: started.id,
                    detail: "team=\(teamID.uuidString.lowercased()) worker=\(workerID?.uuidString.lowercased() ?? "none") moved=\(ended != nil)",
                    requestID: requestID), on: db)
            return started
        }
    }

    /// Who holds the child's case now, in words, in one read: the record page shows it.
    static func wording(of childID: UUID, on request: Request) async throws -> String {
        let holder = try await AllocationRepository(request.db).holder(of: childID)
        return AllocationPageContext.wording(team: holder?.team, workerName: holder?.workerName,
            catalogue: request.application.catalogue, language: request.language)
    }

    /// One line of a team's caseloads: a worker and how many children's cases they hold.
    struct Caseload: Sendable {
        var team: Team
        var workers: [(account: UserAccount, cases: Int)]
        /// Allocated to the team, waiting for a worker.
        var waiting: Int
    }

    /// Every team's caseloads, worker by worker (those holding none included).
    func caseloads() async throws -> [Caseload] {
        let repository = AllocationRepository(request.db)
        let members = try await repository.members()
        let people = try await UserRepository(request.db).accounts(Array(Set(members.values.flatMap { $0 })))
        let allLoads = try await repository.caseloads()
        var lines: [Caseload] = []
        for team in try await repository.teams() {
            let loads = allLoads[team.id] ?? [:]
            let workers = (members[team.id] ?? []).compactMap { people[$0] }.map { ($0, loads[$0.id] ?? 0) }
                .sorted { $0.0.displayName < $1.0.displayName }
            lines.append(Caseload(team: team, workers: workers, waiting: loads[nil] ?? 0))
        }
        return lines
    }
}

extension AllocationError {
    /// The field a refused allocation is shown beside, with its message.
    var fieldError: FieldError {
        switch self {
        case .workerNotInTeam: FieldError("worker", .invalid("error.allocation.worker_not_in_team"))
        case .unchanged: FieldError("worker", .invalid("error.allocation.unchanged"))
        case .reasonNeeded: FieldError("reason", .invalid("error.allocation.reason_needed"))
        }
    }
}
