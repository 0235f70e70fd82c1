import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The master log (F17): the child's one chronology across agencies, narrowed by kind and
/// agency, each entry shown only to those the policy lets see it; a page that prints
/// cleanly, and the same entries in the API.
struct MasterLogController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "children", ":childID", "log", requires: .permission(.viewChildRecord), use: page)
        routes.grouped("api", "v1").on(.GET, "children", ":childID", "log", requires: .permission(.viewChildRecord), use: api)
    }

    struct Choice: Encodable, Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Context: Encodable, Sendable {
        var childID: String
        var childName: String
        var childHref: String
        var kinds: [Choice]
        var agencies: [Choice]
        var chronologyHTML: String
        var count: Int
    }

    /// Reads `kind` and `agency` from the query; an unknown value is a 400, not an empty log.
    static func filter(_ request: Request) throws -> ChildRecordContext.LogFilter {
        var filter = ChildRecordContext.LogFilter()
        if let kind = request.query[String.self, at: "kind"], !kind.isEmpty {
            guard let parsed = ChronologyEvent.Kind(rawValue: kind) else {
                throw ValidationFailure([FieldError("kind", .notOneOf(ChronologyEvent.Kind.allCases.map(\.rawValue)))])
            }
            filter.kind = parsed
        }
        if let agency = request.query[String.self, at: "agency"], !agency.isEmpty {
            guard let id = UUID(uuidString: agency) else { throw ValidationFailure([FieldError("agency", .notAnIdentifier)]) }
            filter.agencyID = id
        }
        return filter
    }

    private func open(_ request: Request) async throws -> (ChildRecordSummary, ChildRecordContext.LogFilter) {
        let user = try request.requireUser()
        let childID = try ChildWebController.childID(request)
        let (summary, basis) = try await ChildAccessCheck.authorise(request, user, childID)
        let filter = try Self.filter(request)
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.childRecordViewed, childID: childID, reason: basis.rawValue, detail: "master_log",
                requestID: request.requestID))
        return (summary, filter)
    }

    func page(_ request: Request) async throws -> View {
        let (summary, filter) = try await open(request)
        try await request.showFlags(of: summary)
        let language = request.language, catalogue = request.application.catalogue
        let working = try await ChildRecordContext.working(of: summary, for: request, filter: filter)
        let agencies = try await request.agencies().sorted { $0.name(in: language) < $1.name(in: language) }
        let id = summary.child.id.uuidString.lowercased()
        return try await request.page("master-log", titleKey: "log.title", titleArgument: summary.child.fullName, Context(
            childID: id, childName: summary.child.fullName, childHref: "/children/\(id)",
            kinds: [Choice(value: "", label: catalogue.text("log.all_kinds", language), selected: filter.kind == nil)]
                + ChronologyEvent.Kind.allCases.map {
                    Choice(value: $0.rawValue, label: catalogue.text("log.kind.\($0.rawValue)", language), selected: filter.kind == $0)
                },
            agencies: [Choice(value: "", label: catalogue.text("log.all_agencies", language), selected: filter.agencyID == nil)]
                + agencies.map {
                    Choice(value: $0.id.uuidString.lowercased(), label: $0.name(in: language), selected: filter.agencyID == $0.id)
                },
            chronologyHTML: ChildRecordRows.chronology(working.chronology, language: language, catalogue: catalogue),
            count: working.chronology.count))
    }

    struct Entry: Content {
        var at: String
        var kind: String
        var agencyId: UUID?
        var title: String
        var reference: String
        var detail: String
    }

    struct Response: Content {
        var entries: [Entry]
    }

    func api(_ request: Request) async throws -> Response {
        let (summary, filter) = try await open(request)
        let language = request.language, catalogue = request.application.catalogue
        let working = try await ChildRecordContext.working(of: summary, for: request, filter: filter)
        return Response(entries: working.events.map { line in
            Entry(at: ISO8601DateFormatter().string(from: line.event.at), kind: line.event.kind.rawValue,
                agencyId: line.event.agencyID,
                title: catalogue.text(line.line.titleKey, language, line.line.argumentKey.map { [catalogue.text($0, language)] } ?? []),
                reference: line.line.reference, detail: line.line.detail)
        })
    }
}
