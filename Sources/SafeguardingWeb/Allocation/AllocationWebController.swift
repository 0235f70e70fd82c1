import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A child's allocation page and its form, and the teams' caseloads.
struct AllocationWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let allocation = routes.grouped("children", ":childID", "allocation")
        allocation.on(.GET, requires: .permission(.viewChildRecord)) { request in
            try await page(request, try ChildWebController.childID(request), failure: nil, submitted: nil)
        }
        allocation.on(.POST, requires: .permission(.allocateCases)) { request in
            let childID = try ChildWebController.childID(request)
            // The desk asks about the child before it reads a field, as the care desk does.
            let submitted = try await request.submittedForm()
            var fields = FieldReader(form: submitted)
            do {
                _ = try await AllocationDesk(request).allocate(childID, &fields)
            } catch let failure as ValidationFailure {
                return try await page(request, childID, failure: failure, submitted: submitted)
            }
            return request.redirect(to: "/children/\(childID.uuidString.lowercased())/allocation", saved: .saved)
        }
        routes.on(.GET, "team", "caseloads", requires: .permission(.viewChildProtection)) { request in
            let language = request.language
            let lines = try await AllocationDesk(request).caseloads()
            return try await request.page("caseloads", titleKey: "caseloads.title", CaseloadsContext(teams: lines.map { line in
                .init(name: line.team.name(in: language), waiting: line.waiting,
                    workers: line.workers.map { .init(name: $0.account.displayName, cases: $0.cases) },
                    total: line.waiting + line.workers.map(\.cases).reduce(0, +))
            }))
        }
    }

    struct CaseloadsContext: Encodable, Sendable {
        struct Worker: Encodable, Sendable {
            var name: String
            var cases: Int
        }
        struct TeamLine: Encodable, Sendable {
            var name: String
            var waiting: Int
            var workers: [Worker]
            var total: Int
        }
        var teams: [TeamLine]
    }

    private func page(_ request: Request, _ childID: UUID, failure: ValidationFailure?, submitted: SubmittedForm?) async throws
        -> Response
    {
        let opened = try await AllocationDesk(request).open(childID)
        try await request.showFlags(of: opened.summary)
        return try await request.page(
            "allocation", titleKey: "allocation.title", titleArgument: opened.summary.child.fullName,
            AllocationPageContext.make(request, opened, failure: failure, submitted: submitted),
            status: failure == nil ? .ok : .unprocessableEntity)
    }
}
