import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A child's missing episodes: reporting, the return, the return interview and the profile.
struct MissingWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let child = routes.grouped("children", ":childID")
        child.on(.GET, "missing", requires: .permission(.viewChildRecord), use: show)
        child.on(.POST, "missing", requires: .permission(.reportMissing)) { request in
            try await run(request, form: "report") { desk, childID, fields in _ = try await desk.report(childID, &fields) }
        }
        child.on(.POST, "missing", ":episodeID", "located", requires: .permission(.workMissingEpisodes)) { request in
            let episodeID = try request.identifier("episodeID")
            return try await run(request, form: "located") { desk, childID, fields in
                _ = try await desk.locate(childID, episodeID, &fields)
            }
        }
        child.on(.POST, "missing", ":episodeID", "return-interview", requires: .permission(.workMissingEpisodes)) { request in
            let episodeID = try request.identifier("episodeID")
            return try await run(request, form: "interview") { desk, childID, fields in
                _ = try await desk.recordInterview(childID, episodeID, &fields)
            }
        }
        child.on(.POST, "missing-profile", requires: .permission(.workMissingEpisodes)) { request in
            try await run(request, form: "profile") { desk, childID, fields in try await desk.saveProfile(childID, &fields) }
        }
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, try ChildWebController.childID(request), failure: nil, form: "", submitted: nil)
    }

    private func page(
        _ request: Request, _ childID: UUID, failure: ValidationFailure?, form: String, submitted: SubmittedForm?
    ) async throws -> Response {
        let opened = try await MissingDesk(request).open(childID)
        try await request.showFlags(of: opened.summary)
        let context = MissingPageContext.make(request, opened, failure: failure, form: form, submitted: submitted)
        return try await request.page("missing", titleKey: "missing.title", titleArgument: opened.summary.child.fullName,
            context, status: failure == nil ? .ok : .unprocessableEntity)
    }

    /// Runs a step from its form. Access is asked before the form is read (by the desk); a
    /// refusal shows the page again with the errors beside the form and what was typed.
    private func run(
        _ request: Request, form: String,
        _ step: @escaping (MissingDesk, UUID, inout FieldReader) async throws -> Void
    ) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        let submitted = try await request.submittedForm()
        var fields = FieldReader(form: submitted)
        do {
            try await step(try MissingDesk(request), childID, &fields)
        } catch let failure as ValidationFailure {
            return try await page(request, childID, failure: failure, form: form, submitted: submitted)
        }
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())/missing", saved: .saved)
    }
}
