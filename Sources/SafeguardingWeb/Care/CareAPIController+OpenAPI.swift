import Foundation
import Safeguarding

extension CareAPIController {
    typealias Doc = OpenAPIDocument

    static var operations: [OpenAPIDocument.Operation] {
        let care = "/api/v1/children/{childID}/care"
        return [
            .init(method: "get", path: care,
                summary: "A child's periods of being looked after and placements, each placement saying whether it lacks a safety check (audited)",
                permission: .viewChildRecord, response: "Care"),
            .init(method: "post", path: "\(care)/periods", summary: "The child becomes looked after, with the legal status and the reason",
                permission: .workCare, body: "LookedAfterPeriodInput", response: "LookedAfterPeriod", status: 201),
            .init(method: "post", path: "\(care)/periods/{periodID}/end",
                summary: "The child stops being looked after; any placement still open ends the same day",
                permission: .workCare, body: "EndCare", response: "LookedAfterPeriod"),
            .init(method: "post", path: "\(care)/placements",
                summary: "A placement at a place already recorded (place_id) or a new address; the one before it ends the day it starts",
                permission: .workCare, body: "PlacementInput", response: "Placement", status: 201),
            .init(method: "post", path: "\(care)/placements/{placementID}/end", summary: "The placement ends",
                permission: .workCare, body: "EndCare", response: "Placement"),
        ]
    }

    static var schemas: [String: Any] {
        let placement: [String: [String: Any]] = [
            "placement_type": Doc.enumeration(PlacementType.self), "provider": Doc.string(maxLength: 200), "starts_on": Doc.date,
        ]
        let required = ["placement_type", "provider", "starts_on"]
        return [
            "Care": ["type": "object", "description": "looked_after, periods, placements (placement, place, lacks_safety_check), and missing_profile_readiness (not_needed, ready, missing, needs_review)"],
            "LookedAfterPeriod": ["type": "object", "description": "id, child_id, legal_status, starts_on, ends_on, reason"],
            "Placement": ["type": "object", "description": "id, child_id, period_id, type, provider, place_id, starts_on, ends_on"],
            "LookedAfterPeriodInput": Doc.object(
                ["legal_status": Doc.enumeration(LegalStatus.self), "starts_on": Doc.date, "reason": Doc.string(maxLength: 2_000)],
                required: ["legal_status", "starts_on", "reason"]),
            "EndCare": Doc.object(["ends_on": Doc.date], required: []),
            "PlacementInput": [
                "description": "At a place already recorded (place_id), or at a new address (place_name, place_address, place_postcode)",
                "oneOf": [
                    Doc.object(placement.merging(["place_id": Doc.uuid]) { a, _ in a }, required: required + ["place_id"]),
                    Doc.object(
                        placement.merging([
                            "place_name": Doc.string(maxLength: 200), "place_address": Doc.string(maxLength: 500),
                            "place_postcode": Doc.string(maxLength: 10),
                        ]) { a, _ in a }, required: required + ["place_name"]),
                ],
            ],
        ]
    }
}
