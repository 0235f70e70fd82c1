import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The child protection pages: one page per child with every step of the process and
/// the form for the next one, and the team queue of every clock running.
struct ChildProtectionWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let child = routes.grouped("children", ":childID")
        child.on(.GET, "child-protection", requires: .permission(.viewChildProtection), use: show)
        for step in ChildProtectionStep.all {
            child.grouped(step.components).on(.POST, requires: .permission(step.permission)) { request in
                try await run(step, request)
            }
        }
        routes.on(.GET, "team", requires: .permission(.viewChildProtection), use: team)
    }

    static func recordID(_ request: Request) throws -> UUID? {
        guard let text = request.parameters.get("recordID") else { return nil }
        guard let id = UUID(uuidString: text) else { throw ProblemError.notFound }
        return id
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, try ChildWebController.childID(request), failure: nil, failed: "", submitted: nil)
    }

    private func page(
        _ request: Request, _ childID: UUID, failure: ValidationFailure?, failed: String, submitted: SubmittedForm?
    ) async throws -> Response {
        let opened = try await ChildProtectionDesk(request).open(childID)
        let context = try await ChildProtectionPageContext.make(
            request, opened, failure: failure, failed: failed, submitted: submitted)
        return try await request.page(
            "child-protection", titleKey: "cp.page.title", titleArgument: opened.summary.child.fullName, context,
            status: failure == nil ? .ok : .unprocessableEntity)
    }

    /// Runs a step from a form. A refusal shows the page again with the errors and what
    /// was typed; success returns to the page at the record.
    private func run(_ step: ChildProtectionStep, _ request: Request) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        let recordID = try Self.recordID(request)
        let submitted = try await request.submittedForm()
        var fields = FieldReader(form: submitted)
        var desk = try ChildProtectionDesk(request, childID: childID)
        desk.agencyIDs = try await request.agencies().map(\.id)
        let record = try await ChildProtectionRepository(request.db).record(of: childID)
        do {
            try await step.run(&fields, record, recordID, desk)
        } catch let failure as ValidationFailure {
            return try await page(request, childID, failure: failure, failed: step.formID(recordID), submitted: submitted)
        }
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())/child-protection", saved: .stepRecorded)
    }

    struct TeamContext: Encodable, Sendable {
        var lines: [ChildProtectionPageContext.ClockLine]
        var overdueCount: Int
    }

    func team(_ request: Request) async throws -> View {
        let language = request.language
        let catalogue = request.application.catalogue
        let now = Date()
        let lines = try await ChildProtectionDesk(request).teamQueue().map { line in
            ChildProtectionPageContext.ClockLine(
                kindKey: "cp.clock.\(line.clock.kind.rawValue)",
                deadline: DeadlineWording.describe(line.clock.dueAt, now: now, language: language, catalogue: catalogue)
                    + " – " + DateWording.date(line.clock.dueAt, language),
                isOverdue: line.clock.dueAt < now,
                href: "/children/\(line.clock.childID.uuidString.lowercased())/child-protection"
                    + "#record-\(line.clock.subjectID.uuidString.lowercased())",
                childName: line.childName)
        }
        return try await request.page(
            "team", titleKey: "team.title", TeamContext(lines: lines, overdueCount: lines.filter(\.isOverdue).count))
    }
}
