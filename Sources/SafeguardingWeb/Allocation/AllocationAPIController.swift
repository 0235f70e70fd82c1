import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/children/{childID}/allocation` and `/api/v1/teams`: who holds a child's case,
/// with the same fields as the allocation page's form, and each team's caseloads.
struct AllocationAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let allocation = routes.grouped("children", ":childID", "allocation")
        allocation.on(.GET, requires: .permission(.viewChildRecord), use: show)
        allocation.on(.PUT, requires: .permission(.allocateCases)) { request in
            let childID = try ChildWebController.childID(request)
            let desk = try AllocationDesk(request)
            _ = try await ChildAccessCheck.authorise(request, desk.user, childID)
            var fields = try await FieldReader.json(from: request)
            _ = try await desk.allocate(childID, &fields)
            return try await show(request)
        }
        routes.on(.GET, "teams", requires: .permission(.viewChildProtection)) { request in
            try await AllocationDesk(request).caseloads().map { line in
                TeamResponse(id: line.team.id, agencyId: line.team.agencyID, name: line.team.name(in: request.language),
                    casesWaitingForWorker: line.waiting,
                    workers: line.workers.map { .init(userId: $0.account.id, name: $0.account.displayName, cases: $0.cases) })
            }
        }
    }

    struct AllocationResponse: Content {
        var current: CaseAllocation?
        /// The most recent first.
        var history: [CaseAllocation]
    }

    struct TeamResponse: Content {
        struct Worker: Content {
            var userId: UUID
            var name: String
            var cases: Int
        }
        var id: UUID
        var agencyId: UUID
        var name: String
        var casesWaitingForWorker: Int
        var workers: [Worker]
    }

    func show(_ request: Request) async throws -> AllocationResponse {
        let opened = try await AllocationDesk(request).open(try ChildWebController.childID(request))
        return AllocationResponse(current: opened.current, history: opened.history)
    }
}

extension AllocationAPIController {
    typealias Doc = OpenAPIDocument

    static var operations: [OpenAPIDocument.Operation] {
        let path = "/api/v1/children/{childID}/allocation"
        return [
            .init(method: "get", path: path, summary: "Who holds the child's case now, and who held it before (audited)",
                permission: .viewChildRecord, response: "Allocation"),
            .init(method: "put", path: path,
                summary: "Allocates or reallocates the case to a team and, optionally, one of its workers; a move needs a reason",
                permission: .allocateCases, body: "AllocationInput", response: "Allocation"),
            .init(method: "get", path: "/api/v1/teams", summary: "Each team's caseloads, worker by worker",
                permission: .viewChildProtection, response: "Teams"),
        ]
    }

    static var schemas: [String: Any] {
        [
            "Allocation": ["type": "object",
                "description": "current and history, each id, child_id, team_id, worker_user_id, allocated_at, allocated_by_user_id, reason, ended_at"],
            "AllocationInput": Doc.object(
                ["team": Doc.uuid, "worker": Doc.uuid, "reason": Doc.string(maxLength: 2_000)], required: ["team"]),
            "Teams": ["type": "array", "description": "id, agency_id, name, cases_waiting_for_worker, workers (user_id, name, cases)"],
        ]
    }
}
