import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The network pages (F20): a child's network, a place's and a peer group's, the index
/// that finds them, and the forms that add to them.
struct NetworkWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "network", requires: .permission(.viewNetwork), use: index)
        for (path, kind) in [("places", NetworkNodeKind.place), ("groups", .peerGroup), ("adults", .adult)] {
            routes.on(.POST, PathComponent(stringLiteral: path), requires: .permission(.workNetwork)) { request in
                try await record(request, kind)
            }
        }
        for (path, parameter, kind) in [("places", "placeID", NetworkNodeKind.place), ("groups", "groupID", .peerGroup)] {
            let node = routes.grouped(PathComponent(stringLiteral: path), PathComponent(stringLiteral: ":\(parameter)"))
            node.on(.GET, requires: .permission(.viewNetwork)) { request in
                try await nodePage(request, try request.identifier(parameter), kind, failure: nil, form: "", submitted: nil)
            }
            node.on(.POST, "links", requires: .permission(.workNetwork)) { request in
                let id = try request.identifier(parameter)
                return try await run(request, back: "/\(path)/\(id.uuidString.lowercased())", show: { failure, form, submitted in
                    try await nodePage(request, id, kind, failure: failure, form: form, submitted: submitted)
                }) { desk, fields in _ = try await desk.link(node: id, as: kind, &fields) }
            }
        }
        routes.on(.POST, "places", ":placeID", "safety-checks", requires: .permission(.workNetwork)) { request in
            let id = try request.identifier("placeID")
            return try await run(request, back: "/places/\(id.uuidString.lowercased())", form: "check", show: { failure, form, submitted in
                try await nodePage(request, id, .place, failure: failure, form: form, submitted: submitted)
            }) { desk, fields in _ = try await desk.recordCheck(place: id, &fields) }
        }
        let child = routes.grouped("children", ":childID", "network")
        child.on(.GET, requires: .permission(.viewChildRecord)) { request in
            try await childPage(request, try ChildWebController.childID(request), failure: nil, form: "", submitted: nil)
        }
        child.on(.POST, "links", requires: .permission(.workNetwork)) { request in
            let childID = try ChildWebController.childID(request)
            return try await run(request, back: "/children/\(childID.uuidString.lowercased())/network", show: { failure, form, submitted in
                try await childPage(request, childID, failure: failure, form: form, submitted: submitted)
            }) { desk, fields in _ = try await desk.link(child: childID, &fields) }
        }
        child.on(.POST, "links", ":linkID", "end", requires: .permission(.workNetwork)) { request in
            let childID = try ChildWebController.childID(request), linkID = try request.identifier("linkID")
            return try await run(request, back: "/children/\(childID.uuidString.lowercased())/network", form: "end-\(linkID.uuidString.lowercased())",
                show: { failure, form, submitted in
                    try await childPage(request, childID, failure: failure, form: form, submitted: submitted)
                }) { desk, fields in _ = try await desk.endLink(child: childID, linkID, &fields) }
        }
    }

    // MARK: Pages

    private func childPage(
        _ request: Request, _ childID: UUID, failure: ValidationFailure?, form: String, submitted: SubmittedForm?
    ) async throws -> Response {
        let desk = try NetworkDesk(request)
        let opened = try await desk.open(child: childID)
        try await request.showFlags(of: opened.summary!)
        return try await render(request, desk, opened, failure: failure, form: form, submitted: submitted)
    }

    private func nodePage(
        _ request: Request, _ id: UUID, _ kind: NetworkNodeKind, failure: ValidationFailure?, form: String,
        submitted: SubmittedForm?
    ) async throws -> Response {
        let desk = try NetworkDesk(request)
        return try await render(request, desk, try await desk.open(node: id, as: kind), failure: failure, form: form, submitted: submitted)
    }

    private func render(
        _ request: Request, _ desk: NetworkDesk, _ opened: NetworkDesk.Opened, failure: ValidationFailure?, form: String,
        submitted: SubmittedForm?
    ) async throws -> Response {
        let find = (try? request.query.get(String.self, at: "find"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let found = find.isEmpty ? [] : try await desk.search(find)
        let context = try await NetworkPageContext.make(
            request, opened, found: found, find: find, failure: failure, form: form, submitted: submitted)
        return try await request.page(
            "network", titleKey: context.titleKey, titleArgument: opened.centre.name, context,
            status: failure == nil ? .ok : .unprocessableEntity)
    }

    struct IndexContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var name: String
            var href: String?
            var kindKey: String
            var postcode: String
        }
        var query: String
        var searched: Bool
        var lines: [Line]
        var mayWork: Bool
        var placeKinds: [NetworkPageContext.Option]
        var openForm: String
        var errors: [FormErrorContext]
        var values: [String: String]
    }

    func index(_ request: Request) async throws -> Response {
        try await indexPage(request, failure: nil, form: "", submitted: nil)
    }

    private func indexPage(_ request: Request, failure: ValidationFailure?, form: String, submitted: SubmittedForm?) async throws
        -> Response
    {
        let query = (try? request.query.get(String.self, at: "q"))?.trimmingCharacters(in: .whitespaces) ?? ""
        let desk = try NetworkDesk(request)
        let found = query.isEmpty ? [] : try await desk.search(query)
        let language = request.language, catalogue = request.application.catalogue
        var values: [String: String] = [:]
        for (field, texts) in submitted?.values ?? [:] where field != "_csrf" { values[field] = texts.first ?? "" }
        let context = IndexContext(
            query: query, searched: !query.isEmpty,
            lines: found.map { node in
                IndexContext.Line(
                    name: node.name, href: NetworkPaths.href(node), kindKey: NetworkPaths.kindKey(node), postcode: node.postcode)
            },
            mayWork: AccessPolicy().permits(request.signedInUser!.actor, .workNetwork),
            placeKinds: PlaceKind.allCases.map {
                .init(value: $0.rawValue, label: catalogue.text("network.place_kind.\($0.rawValue)", language),
                    checked: form == "place" && values["place_kind"] == $0.rawValue)
            },
            openForm: form, errors: request.formErrors(failure, form: form), values: values)
        return try await request.page("network-index", titleKey: "network.index.title", context,
            status: failure == nil ? .ok : .unprocessableEntity)
    }

    // MARK: Forms

    private func record(_ request: Request, _ kind: NetworkNodeKind) async throws -> Response {
        var fields = FieldReader(form: try await request.submittedForm())
        let node: NetworkNode
        do {
            node = try await NetworkDesk(request).record(kind, &fields)
        } catch let failure as ValidationFailure {
            return try await indexPage(request, failure: failure, form: kind.rawValue, submitted: try await request.submittedForm())
        }
        let id = node.id.uuidString.lowercased()
        return switch kind {
        case .place: request.redirect(to: "/places/\(id)", saved: .saved)
        case .peerGroup: request.redirect(to: "/groups/\(id)", saved: .saved)
        default: request.redirect(to: "/network", saved: .saved)
        }
    }

    /// Runs a form. Access to the page's member is asked before the form is read (by the
    /// desk); a refusal shows the page again with the errors beside the form that was sent
    /// (named by its button) and what was typed.
    private func run(
        _ request: Request, back: String, form fixed: String? = nil,
        show: @escaping (ValidationFailure, String, SubmittedForm) async throws -> Response,
        _ step: @escaping (NetworkDesk, inout FieldReader) async throws -> Void
    ) async throws -> Response {
        let submitted = try await request.submittedForm()
        var fields = FieldReader(form: submitted)
        do {
            try await step(try NetworkDesk(request), &fields)
        } catch let failure as ValidationFailure {
            let form = fixed ?? submitted.values("action").first.flatMap { ["existing", "new-place", "new-peer_group", "new-adult"].contains($0) ? $0 : nil } ?? "existing"
            return try await show(failure, form, submitted)
        }
        return request.redirect(to: back, saved: .saved)
    }
}
