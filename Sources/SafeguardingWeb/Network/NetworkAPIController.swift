import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/network`, `/api/v1/places…`, `/api/v1/groups…`, `/api/v1/adults` and
/// `/api/v1/children/{childID}/network…`: the networks of F20 with the same fields as the
/// pages' forms. Access to the child, or the place or group's existence, is settled
/// before the body is read, so a refused caller learns nothing from its problems.
struct NetworkAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "network", requires: .permission(.viewNetwork), use: search)
        for (path, kind) in [("places", NetworkNodeKind.place), ("groups", .peerGroup), ("adults", .adult)] {
            routes.on(.POST, PathComponent(stringLiteral: path), requires: .permission(.workNetwork)) { request in
                var fields = try await FieldReader.json(from: request)
                let response = try await NetworkDesk(request).record(kind, &fields).encodeResponse(for: request)
                response.status = .created
                return response
            }
        }
        for (path, parameter, kind) in [("places", "placeID", NetworkNodeKind.place), ("groups", "groupID", .peerGroup)] {
            let node = routes.grouped(PathComponent(stringLiteral: path), PathComponent(stringLiteral: ":\(parameter)"))
            node.on(.GET, requires: .permission(.viewNetwork)) { request in
                let desk = try NetworkDesk(request)
                return NetworkResponse(try await desk.open(node: try request.identifier(parameter), as: kind), today: desk.today)
            }
            node.on(.POST, "links", requires: .permission(.workNetwork)) { request in
                let id = try request.identifier(parameter)
                let desk = try NetworkDesk(request)
                try await Self.requireNode(id, kind, request)
                var fields = try await FieldReader.json(from: request)
                return try await Self.created(LinkResponse(try await desk.link(node: id, as: kind, &fields)), request)
            }
        }
        routes.on(.POST, "places", ":placeID", "safety-checks", requires: .permission(.workNetwork)) { request in
            let id = try request.identifier("placeID")
            let desk = try NetworkDesk(request)
            try await Self.requireNode(id, .place, request)
            var fields = try await FieldReader.json(from: request)
            let check = try await desk.recordCheck(place: id, &fields)
            let lacking = try await desk.placementsLackingCheck(at: id)
            return try await Self.created(SafetyCheckResponse(check: check, placementsLackingCheck: lacking), request)
        }
        let child = routes.grouped("children", ":childID", "network")
        child.on(.GET, requires: .permission(.viewChildRecord)) { request in
            let desk = try NetworkDesk(request)
            let opened = try await desk.open(child: try ChildWebController.childID(request))
            try await request.showFlags(of: opened.summary!)
            return NetworkResponse(opened, today: desk.today)
        }
        child.on(.POST, "links", requires: .permission(.workNetwork)) { request in
            let childID = try ChildWebController.childID(request)
            let desk = try NetworkDesk(request)
            _ = try await ChildAccessCheck.authorise(request, desk.user, childID)
            var fields = try await FieldReader.json(from: request)
            return try await Self.created(LinkResponse(try await desk.link(child: childID, &fields)), request)
        }
        child.on(.POST, "links", ":linkID", "end", requires: .permission(.workNetwork)) { request in
            let childID = try ChildWebController.childID(request), linkID = try request.identifier("linkID")
            let desk = try NetworkDesk(request)
            _ = try await ChildAccessCheck.authorise(request, desk.user, childID)
            var fields = try await FieldReader.json(from: request)
            return LinkResponse(.init(link: try await desk.endLink(child: childID, linkID, &fields), created: nil))
        }
    }

    /// `?q=`: adults, places and groups by the start of their name, or by postcode.
    func search(_ request: Request) async throws -> SearchResponse {
        var fields = FieldReader.query(of: request)
        let text = fields.text("q", maxLength: 100)
        try fields.finish()
        return SearchResponse(items: try await NetworkDesk(request).search(text ?? ""))
    }

    struct SearchResponse: Content {
        var items: [NetworkNode]
    }

    /// A network as far as the reader may see it. A child they could not open has no name
    /// and an id made up for this answer only, so the links still join up without saying
    /// which record the child is.
    struct NetworkResponse: Content {
        struct Member: Content {
            var id: UUID
            var kind: NetworkNodeKind
            var name: String?
            var hidden: Bool
            var distance: Int
            var node: NetworkNode?
            var childrenLinked: Int?
        }
        struct Link: Content {
            var id: UUID
            var from: UUID
            var to: UUID
            var kind: NetworkLinkKind
            var sourceAgencyId: UUID
            var recordedOn: CalendarDay
            var reliability: InformationReliability
        }
        var centre: UUID
        var members: [Member]
        var links: [Link]
        var safetyChecks: [SafetyCheck]?
        var placementsLackingCheck: Int?

        init(_ opened: NetworkDesk.Opened, today: CalendarDay) {
            var stand: [UUID: UUID] = [:]
            for member in opened.members where member.isHidden { stand[member.id] = UUID() }
            let shown = { (id: UUID) in stand[id] ?? id }
            centre = opened.centre.id
            members = opened.members.map {
                Member(
                    id: shown($0.id), kind: $0.kind, name: $0.isHidden ? nil : $0.name, hidden: $0.isHidden, distance: $0.distance,
                    node: $0.node, childrenLinked: [.place, .peerGroup].contains($0.kind) ? $0.childrenLinked : nil)
            }
            links = opened.links.map {
                Link(id: $0.link.id, from: shown($0.link.from), to: shown($0.link.to), kind: $0.link.kind,
                    sourceAgencyId: $0.link.sourceAgencyID, recordedOn: $0.link.recordedOn, reliability: $0.link.reliability)
            }
            if opened.centre.kind == .place {
                safetyChecks = opened.checks
                placementsLackingCheck = opened.lacking.count
            }
        }
    }

    struct LinkResponse: Content {
        var link: NetworkLink
        var fromKind: NetworkNodeKind
        var toKind: NetworkNodeKind
        /// The member recorded with the link, when it was a new one.
        var created: NetworkNode?

        init(_ linked: NetworkDesk.Linked) {
            link = linked.link.link
            fromKind = linked.link.fromKind
            toKind = linked.link.toKind
            created = linked.created
        }
    }

    struct SafetyCheckResponse: Content {
        var check: SafetyCheck
        /// Children placed there who still have no safety check that stands (one found it unsafe).
        var placementsLackingCheck: Int
    }

    /// A place or group that does not exist is "not found" before its body is read.
    static func requireNode(_ id: UUID, _ kind: NetworkNodeKind, _ request: Request) async throws {
        guard let node = try await NetworkRepository(request.db).node(id), node.kind == kind else { throw ProblemError.notFound }
    }

    static func created(_ body: some Content, _ request: Request) async throws -> Response {
        let response = try await body.encodeResponse(for: request)
        response.status = .created
        return response
    }
}

extension NetworkNode: Content {}
