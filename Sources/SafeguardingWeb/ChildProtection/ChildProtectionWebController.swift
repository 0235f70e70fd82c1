import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The child protection pages: a summary per child of the stage reached, what is due and
/// the steps so far, a page per step with its forms, and the team queue of every clock.
struct ChildProtectionWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let child = routes.grouped("children", ":childID")
        child.on(.GET, "child-protection", requires: .permission(.viewChildProtection), use: show)
        child.on(.GET, "child-protection", ":step", requires: .permission(.viewChildProtection), use: showStep)
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
        try await page(request, try ChildWebController.childID(request), step: nil, failure: nil, failed: "", submitted: nil)
    }

    func showStep(_ request: Request) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        guard let step = request.parameters.get("step").flatMap(ChildProtectionStepPage.init(rawValue:)) else {
            throw ProblemError.notFound
        }
        return try await page(request, childID, step: step, failure: nil, failed: "", submitted: nil)
    }

    /// The summary (`step` nil) or one step's page, with a refused form's errors and what was typed.
    private func page(
        _ request: Request, _ childID: UUID, step: ChildProtectionStepPage?, failure: ValidationFailure?, failed: String,
        submitted: SubmittedForm?
    ) async throws -> Response {
        let opened = try await ChildProtectionDesk(request).open(childID)
        try await request.showFlags(of: opened.summary)
        let context = try await ChildProtectionPageContext.make(
            request, opened, step: step, failure: failure, failed: failed, submitted: submitted)
        return try await request.page(
            step?.template ?? "child-protection", titleKey: step?.pageTitleKey ?? "cp.page.title",
            titleArgument: opened.summary.child.fullName, context, status: failure == nil ? .ok : .unprocessableEntity)
    }

    /// Runs a step from a form. A refusal shows the step's page again with the errors and
    /// what was typed; success returns to the summary, which says it was saved.
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
            // An agreed action is on the page of the discussion, meeting or plan that holds it.
            let shown = step.page ?? recordID.flatMap { ChildProtectionStepPage.pages(of: record)[$0] } ?? .plan
            return try await page(
                request, childID, step: shown, failure: failure, failed: step.formID(recordID), submitted: submitted)
        }
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())/child-protection", saved: .stepRecorded)
    }

    /// A record on its step's page, or the child's summary when the step is not known.
    static func href(child: UUID, page: ChildProtectionStepPage?, record: UUID) -> String {
        let id = child.uuidString.lowercased()
        guard let page else { return "/children/\(id)/child-protection" }
        return page.href(child: id) + "#record-\(record.uuidString.lowercased())"
    }

    struct TeamContext: Encodable, Sendable {
        var lines: [ChildProtectionPageContext.ClockLine]
        var overdueCount: Int
        /// Only the clocks of the children whose case the reader holds (`?show=mine`).
        var showingMine: Bool
    }

    func team(_ request: Request) async throws -> View {
        let language = request.language
        let catalogue = request.application.catalogue
        let now = Date()
        let mine = request.url.query?.split(separator: "&").contains("show=mine") ?? false
        let lines = try await TeamQueue.lines(request, mine: mine).map { line in
            ChildProtectionPageContext.ClockLine(
                kindKey: line.kindKey,
                deadline: DeadlineWording.describe(line.dueAt, now: now, language: language, catalogue: catalogue),
                isOverdue: line.dueAt < now, href: line.href, childName: line.childName)
        }
        return try await request.page(
            "team", titleKey: "team.title", TeamContext(lines: lines, overdueCount: lines.filter(\.isOverdue).count, showingMine: mine))
    }
}
