import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A child's warnings: those standing (in every page's top), the history of those raised
/// by hand, and the forms to raise or end one.
struct FlagsWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let child = routes.grouped("children", ":childID")
        child.on(.GET, "flags", requires: .permission(.viewChildRecord), use: show)
        child.on(.POST, "flags", requires: .permission(.raiseFlags)) { request in
            try await run(request, form: "raise") { desk, childID, fields in _ = try await desk.raise(childID, &fields) }
        }
        child.on(.POST, "flags", ":flagID", "end", requires: .permission(.raiseFlags)) { request in
            let flagID = try request.identifier("flagID")
            return try await run(request, form: "end-\(flagID.uuidString.lowercased())") { desk, childID, fields in
                try await desk.end(childID, flagID, &fields)
            }
        }
    }

    struct Context: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var id: String
            var text: String
            var source: String
            var period: String
            var ended: String
            var isStanding: Bool
        }
        var childID: String
        var childName: String
        var childHref: String
        var lines: [Line]
        var mayRaise: Bool
        var kinds: [FormChoice]
        var values: [String: String]
        var errors: [FormErrorContext]
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, try ChildWebController.childID(request), failure: nil, form: "", submitted: nil)
    }

    private func page(
        _ request: Request, _ childID: UUID, failure: ValidationFailure?, form: String, submitted: SubmittedForm?
    ) async throws -> Response {
        let (summary, raised) = try await FlagsDesk(request).open(childID)
        try await request.showFlags(of: summary)
        let language = request.language, catalogue = request.application.catalogue
        let today = request.application.workingCalendar.day(of: Date())
        let lines = raised.map { flag in
            Context.Line(
                id: flag.id.uuidString.lowercased(),
                text: FlagsBanner.text(of: ChildFlag(kind: flag.kind, adultNamed: flag.adultNamed), language, catalogue),
                source: flag.source,
                period: catalogue.text("flags.period", language,
                    [DateWording.date(flag.startsOn, language), DateWording.date(flag.endsOn, language)]),
                ended: flag.endedOn.map {
                    catalogue.text("flags.ended", language, [DateWording.date($0, language), flag.endedReason])
                } ?? "",
                isStanding: flag.isCurrent(on: today))
        }
        let values = submitted.firstValues
        let id = childID.uuidString.lowercased()
        let context = Context(
            childID: id, childName: summary.child.fullName, childHref: "/children/\(id)", lines: lines,
            mayRaise: AccessPolicy().permits(request.signedInUser!.actor, .raiseFlags),
            kinds: FlagsDesk.raisable.map { FormChoice(value: $0.rawValue, labelKey: "flag.\($0.rawValue)", checked: values["kind"] == $0.rawValue) },
            values: values, errors: request.formErrors(failure, form: form))
        return try await request.page("flags", titleKey: "flags.title", titleArgument: summary.child.fullName, context,
            status: failure == nil ? .ok : .unprocessableEntity)
    }

    private func run(
        _ request: Request, form: String, _ step: @escaping (FlagsDesk, UUID, inout FieldReader) async throws -> Void
    ) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        let submitted = try await request.submittedForm()
        var fields = FieldReader(form: submitted)
        do {
            try await step(try FlagsDesk(request), childID, &fields)
        } catch let failure as ValidationFailure {
            return try await page(request, childID, failure: failure, form: form, submitted: submitted)
        }
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())/flags", saved: .saved)
    }
}
