import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/children/{childID}/missing…` and `…/flags`: a child's missing episodes and
/// warnings, with the same fields as the pages' forms. Access to the child is asked
/// before the body is read, so a refused reader learns nothing from its problems.
struct MissingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let child = routes.grouped("children", ":childID")
        child.on(.GET, "missing", requires: .permission(.viewChildRecord), use: episodes)
        child.on(.POST, "missing", requires: .permission(.reportMissing)) { request in
            try await run(request, status: .created) { desk, childID, fields in
                EpisodeResponse(episode: try await desk.report(childID, &fields), assessment: nil)
            }
        }
        child.on(.POST, "missing", ":episodeID", "located", requires: .permission(.workMissingEpisodes)) { request in
            let episodeID = try request.identifier("episodeID")
            return try await run(request, status: .ok) { desk, childID, fields in
                EpisodeResponse(episode: try await desk.locate(childID, episodeID, &fields), assessment: nil)
            }
        }
        child.on(.POST, "missing", ":episodeID", "return-interview", requires: .permission(.workMissingEpisodes)) { request in
            let episodeID = try request.identifier("episodeID")
            return try await run(request, status: .ok) { desk, childID, fields in
                let (episode, assessment) = try await desk.recordInterview(childID, episodeID, &fields)
                return EpisodeResponse(episode: episode, assessment: assessment)
            }
        }
        child.on(.POST, "missing-profile", requires: .permission(.workMissingEpisodes)) { request in
            try await run(request, status: .ok) { desk, childID, fields in
                try await desk.saveProfile(childID, &fields)
                return EpisodesResponse(try await desk.open(childID), now: Date())
            }
        }
        child.on(.GET, "flags", requires: .permission(.viewChildRecord), use: flags)
        child.on(.POST, "flags", requires: .permission(.raiseFlags)) { request in
            let childID = try ChildWebController.childID(request)
            let desk = try FlagsDesk(request)
            _ = try await ChildAccessCheck.authorise(request, desk.user, childID)
            var fields = try await FieldReader.json(from: request)
            _ = try await desk.raise(childID, &fields)
            let response = try await flags(request).encodeResponse(for: request)
            response.status = .created
            return response
        }
        child.on(.POST, "flags", ":flagID", "end", requires: .permission(.raiseFlags)) { request in
            let childID = try ChildWebController.childID(request), flagID = try request.identifier("flagID")
            let desk = try FlagsDesk(request)
            _ = try await ChildAccessCheck.authorise(request, desk.user, childID)
            var fields = try await FieldReader.json(from: request)
            try await desk.end(childID, flagID, &fields)
            return try await flags(request)
        }
    }

    struct EpisodeResponse: Content {
        var episode: MissingEpisode
        /// The assessment a return interview's indicators updated, if any.
        var assessment: ExploitationAssessment?
    }

    struct EpisodesResponse: Content {
        struct Line: Content {
            var episode: MissingEpisode
            var returnInterviewDueAt: Date?
            var returnInterviewOfferedInTime: Bool?
        }
        var episodes: [Line]
        var missingNow: Bool
        /// Shown to the police when the child is reported missing.
        var profile: MissingProfile?
        /// For a child in care: `ready`, `missing`, or `needs_review` (older than the current placement).
        var profileReadiness: MissingProfileReadiness

        init(_ opened: MissingDesk.Opened, now: Date) {
            episodes = opened.episodes.map {
                Line(episode: $0, returnInterviewDueAt: $0.returnInterviewDueAt,
                    returnInterviewOfferedInTime: $0.returnInterviewOfferedInTime(now: now))
            }
            missingNow = opened.episodes.contains(where: \.isMissingNow)
            profile = opened.profile
            profileReadiness = opened.standing.readiness
        }
    }

    func episodes(_ request: Request) async throws -> EpisodesResponse {
        EpisodesResponse(try await MissingDesk(request).open(try ChildWebController.childID(request)), now: Date())
    }

    struct FlagsResponse: Content {
        /// The warnings standing now, as far as the reader may see them.
        var current: [ChildFlag]
        var raised: [RaisedFlag]
    }

    func flags(_ request: Request) async throws -> FlagsResponse {
        let (summary, raised) = try await FlagsDesk(request).open(try ChildWebController.childID(request))
        return FlagsResponse(current: try await request.showFlags(of: summary), raised: raised)
    }

    private func run<Body: Content>(
        _ request: Request, status: HTTPResponseStatus,
        _ step: @escaping (MissingDesk, UUID, inout FieldReader) async throws -> Body
    ) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        let desk = try MissingDesk(request)
        _ = try await ChildAccessCheck.authorise(request, desk.user, childID)
        var fields = try await FieldReader.json(from: request)
        let response = try await step(desk, childID, &fields).encodeResponse(for: request)
        response.status = status
        return response
    }
}
