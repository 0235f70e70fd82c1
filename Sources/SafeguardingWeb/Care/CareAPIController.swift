import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/children/{childID}/care…`: a child's periods of being looked after and
/// placements, with the same fields as the care page's forms. Access to the child is
/// asked before the body is read.
struct CareAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let care = routes.grouped("children", ":childID", "care")
        care.on(.GET, requires: .permission(.viewChildRecord), use: show)
        care.on(.POST, "periods", requires: .permission(.workCare)) { request in
            try await run(request, status: .created) { desk, childID, fields in try await desk.startPeriod(childID, &fields) }
        }
        care.on(.POST, "periods", ":periodID", "end", requires: .permission(.workCare)) { request in
            let periodID = try request.identifier("periodID")
            return try await run(request, status: .ok) { desk, childID, fields in
                try await desk.endPeriod(childID, periodID, &fields)
            }
        }
        care.on(.POST, "placements", requires: .permission(.workCare)) { request in
            try await run(request, status: .created) { desk, childID, fields in try await desk.place(childID, &fields) }
        }
        care.on(.POST, "placements", ":placementID", "end", requires: .permission(.workCare)) { request in
            let placementID = try request.identifier("placementID")
            return try await run(request, status: .ok) { desk, childID, fields in
                try await desk.endPlacement(childID, placementID, &fields)
            }
        }
    }

    struct CareResponse: Content {
        struct Line: Content {
            var placement: Placement
            var place: NetworkNode?
            /// In temporary accommodation with no safety check that stands.
            var lacksSafetyCheck: Bool
        }
        var lookedAfter: Bool
        var periods: [LookedAfterPeriod]
        var placements: [Line]
        /// Whether the profile the police need should the child go missing is ready.
        var missingProfileReadiness: MissingProfileReadiness
    }

    func show(_ request: Request) async throws -> CareResponse {
        let desk = try CareDesk(request)
        let opened = try await desk.open(try ChildWebController.childID(request))
        try await request.showFlags(of: opened.summary)
        return CareResponse(
            lookedAfter: opened.current(on: desk.today) != nil, periods: opened.periods,
            placements: opened.placements.map {
                .init(placement: $0, place: opened.places[$0.placeID], lacksSafetyCheck: opened.lacking.contains($0.id))
            }, missingProfileReadiness: opened.profile.readiness)
    }

    private func run<Body: Content>(
        _ request: Request, status: HTTPResponseStatus, _ step: @escaping (CareDesk, UUID, inout FieldReader) async throws -> Body
    ) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        let desk = try CareDesk(request)
        _ = try await ChildAccessCheck.authorise(request, desk.user, childID)
        var fields = try await FieldReader.json(from: request)
        let response = try await step(desk, childID, &fields).encodeResponse(for: request)
        response.status = status
        return response
    }
}

extension LookedAfterPeriod: Content {}
extension Placement: Content {}
