import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A child's care page: periods of being looked after and placements, with their forms.
struct CareWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let care = routes.grouped("children", ":childID", "care")
        care.on(.GET, requires: .permission(.viewChildRecord)) { request in
            try await page(request, try ChildWebController.childID(request), failure: nil, form: "", submitted: nil)
        }
        care.on(.POST, "periods", requires: .permission(.workCare)) { request in
            try await run(request, form: "period") { desk, childID, fields in _ = try await desk.startPeriod(childID, &fields) }
        }
        care.on(.POST, "periods", ":periodID", "end", requires: .permission(.workCare)) { request in
            let periodID = try request.identifier("periodID")
            return try await run(request, form: "end-period") { desk, childID, fields in
                _ = try await desk.endPeriod(childID, periodID, &fields)
            }
        }
        care.on(.POST, "placements", requires: .permission(.workCare)) { request in
            try await run(request, form: "placement") { desk, childID, fields in _ = try await desk.place(childID, &fields) }
        }
        care.on(.POST, "placements", ":placementID", "end", requires: .permission(.workCare)) { request in
            let placementID = try request.identifier("placementID")
            return try await run(request, form: "end-placement") { desk, childID, fields in
                _ = try await desk.endPlacement(childID, placementID, &fields)
            }
        }
    }

    private func page(
        _ request: Request, _ childID: UUID, failure: ValidationFailure?, form: String, submitted: SubmittedForm?
    ) async throws -> Response {
        let opened = try await CareDesk(request).open(childID)
        try await request.showFlags(of: opened.summary)
        let context = CarePageContext.make(request, opened, failure: failure, form: form, submitted: submitted)
        return try await request.page("care", titleKey: "care.title", titleArgument: opened.summary.child.fullName, context,
            status: failure == nil ? .ok : .unprocessableEntity)
    }

    /// Runs a step from its form. Access is asked before the form is read (by the desk); a
    /// refusal shows the page again with the errors beside the form and what was typed.
    private func run(
        _ request: Request, form: String, _ step: @escaping (CareDesk, UUID, inout FieldReader) async throws -> Void
    ) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        let submitted = try await request.submittedForm()
        var fields = FieldReader(form: submitted)
        do {
            try await step(try CareDesk(request), childID, &fields)
        } catch let failure as ValidationFailure {
            return try await page(request, childID, failure: failure, form: form, submitted: submitted)
        }
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())/care", saved: .saved)
    }
}
