import Foundation
import Safeguarding

extension MissingAPIController {
    typealias Doc = OpenAPIDocument

    static var operations: [OpenAPIDocument.Operation] {
        let child = "/api/v1/children/{childID}"
        return [
            .init(method: "get", path: "/api/v1/measures/missing",
                summary: "Missing episodes per child, repeat missing, return interviews offered and held within 72 hours, and the episodes that missed it",
                permission: .viewMeasures, query: Doc.period, response: "MissingMeasures"),
            .init(method: "get", path: "\(child)/missing",
                summary: "A child's missing episodes, each return interview's clock, and the profile kept for the police (audited)",
                permission: .viewChildRecord, response: "MissingEpisodes"),
            .init(method: "post", path: "\(child)/missing",
                summary: "Report the child missing; a high grade or the third episode in 30 days makes a strategy meeting due",
                permission: .reportMissing, body: "MissingReport", response: "MissingEpisode", status: 201),
            .init(method: "post", path: "\(child)/missing/{episodeID}/located",
                summary: "The child is found or has come back: the return interview's 72 hours start",
                permission: .workMissingEpisodes, body: "MissingLocated", response: "MissingEpisode"),
            .init(method: "post", path: "\(child)/missing/{episodeID}/return-interview",
                summary: "The return interview, held or declined; the indicators it found update the exploitation assessment",
                permission: .workMissingEpisodes, body: "ReturnInterview", response: "MissingEpisode"),
            .init(method: "post", path: "\(child)/missing-profile",
                summary: "The profile kept ready for the police should the child go missing",
                permission: .workMissingEpisodes, body: "MissingProfile", response: "MissingEpisodes"),
            .init(method: "get", path: "\(child)/flags",
                summary: "The warnings standing on the child's record, and those raised by agencies (audited)",
                permission: .viewChildRecord, response: "ChildFlags"),
            .init(method: "post", path: "\(child)/flags",
                summary: "Raise a warning by hand: a CAWN, MARAC or MAPPA, with its source and end",
                permission: .raiseFlags, body: "RaiseFlag", response: "ChildFlags", status: 201),
            .init(method: "post", path: "\(child)/flags/{flagID}/end",
                summary: "End a raised warning before its date, with the reason",
                permission: .raiseFlags, body: "EndFlag", response: "ChildFlags"),
        ]
    }

    static var schemas: [String: Any] {
        let place = Doc.string(maxLength: 500), text = Doc.string(maxLength: 5_000)
        let many: ([String: Any]) -> [String: Any] = { ["type": "array", "items": $0] }
        return [
            "MissingMeasures": ["type": "object", "description": "Counted over the episodes reported in the period"],
            "MissingEpisodes": ["type": "object", "description": "episodes (each with return_interview_due_at and return_interview_offered_in_time), missing_now, profile, and profile_readiness (not_needed, ready, missing, or needs_review when older than the current placement)"],
            "MissingEpisode": ["type": "object", "description": "episode, and the assessment a return interview's indicators updated"],
            "ChildFlags": ["type": "object", "description": "current: the warnings standing now as far as the reader may see them; raised: those raised by agencies"],
            "MissingReport": Doc.object(
                ["reported_at": Doc.dateTime, "risk_grade": Doc.enumeration(MissingRiskGrade.self),
                 "last_seen_at": Doc.dateTime, "last_seen_where": place],
                required: ["reported_at", "risk_grade"]),
            "MissingLocated": Doc.object(
                ["located_at": Doc.dateTime, "found_where": place, "found_with": place], required: ["located_at", "found_where"]),
            "ReturnInterview": Doc.object(
                ["offered_at": Doc.dateTime, "outcome": Doc.enumeration(ReturnInterview.Outcome.self),
                 "held_at": Doc.dateTime, "by_name": Doc.string(maxLength: 200), "independent": ["type": "boolean"],
                 "child_said": Doc.string(maxLength: 20_000), "push_factors": many(Doc.enumeration(PushFactor.self)),
                 "pull_factors": many(Doc.enumeration(PullFactor.self)),
                 "indicators_found": many(Doc.enumeration(ExploitationIndicator.self))],
                required: ["offered_at", "outcome"]),
            "MissingProfile": Doc.object(
                ["description": text, "associates": text, "places_they_go": text, "phones_and_accounts": text], required: []),
            "RaiseFlag": Doc.object(
                ["kind": Doc.enumeration(FlagKind.self), "source": place, "adult_named": Doc.string(maxLength: 200),
                 "starts_on": Doc.date, "ends_on": Doc.date],
                required: ["kind", "source", "ends_on"]),
            "EndFlag": Doc.object(["reason": Doc.string(maxLength: 2_000)], required: ["reason"]),
        ]
    }
}
