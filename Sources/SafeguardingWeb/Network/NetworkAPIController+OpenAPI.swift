import Foundation
import Safeguarding

extension NetworkAPIController {
    typealias Doc = OpenAPIDocument

    static var operations: [OpenAPIDocument.Operation] {
        let child = "/api/v1/children/{childID}/network"
        var operations: [OpenAPIDocument.Operation] = [
            .init(method: "get", path: "/api/v1/network", summary: "Adults, places and peer groups by the start of their name, or by postcode (audited)",
                permission: .viewNetwork, query: [("q", Doc.string(maxLength: 100))], requiredQuery: ["q"], response: "NetworkSearch"),
            .init(method: "post", path: "/api/v1/places", summary: "Record a place: an address, a business, a park, or temporary accommodation",
                permission: .workNetwork, body: "PlaceInput", response: "NetworkNode", status: 201),
            .init(method: "post", path: "/api/v1/groups", summary: "Record a peer group", permission: .workNetwork,
                body: "PeerGroupInput", response: "NetworkNode", status: 201),
            .init(method: "post", path: "/api/v1/adults", summary: "Record an adult who may pose a risk to children",
                permission: .workNetwork, body: "AdultInput", response: "NetworkNode", status: 201),
            .init(method: "post", path: "/api/v1/places/{placeID}/safety-checks",
                summary: "A safety check of a place: who checked, when, and the result",
                permission: .workNetwork, body: "SafetyCheckInput", response: "SafetyCheckRecorded", status: 201),
            .init(method: "get", path: child,
                summary: "The child's network two links out; a child the caller could not open is unnamed (audited)",
                permission: .viewChildRecord, response: "Network"),
            .init(method: "post", path: "\(child)/links",
                summary: "Link the child to an adult, place or group already recorded, or to a new one",
                permission: .workNetwork, body: "NetworkLinkInput", response: "NetworkLinkRecorded", status: 201),
            .init(method: "post", path: "\(child)/links/{linkID}/end",
                summary: "End one of the child's links: it stays in the history and leaves the network",
                permission: .workNetwork, body: "EndLink", response: "NetworkLinkRecorded"),
        ]
        for (path, what) in [("places/{placeID}", "a place"), ("groups/{groupID}", "a peer group")] {
            operations += [
                .init(method: "get", path: "/api/v1/\(path)",
                    summary: "The network around \(what) two links out; a child the caller could not open is unnamed (audited)",
                    permission: .viewNetwork, response: "Network"),
                .init(method: "post", path: "/api/v1/\(path)/links",
                    summary: "Link \(what) to an adult, place or group already recorded, or to a new one",
                    permission: .workNetwork, body: "NetworkLinkInput", response: "NetworkLinkRecorded", status: 201),
            ]
        }
        return operations
    }

    static var schemas: [String: Any] {
        let name = Doc.string(maxLength: 200), text = Doc.string(maxLength: 5_000)
        let place: [String: [String: Any]] = [
            "name": name, "place_kind": Doc.enumeration(PlaceKind.self), "address": Doc.string(maxLength: 500),
            "postcode": Doc.string(maxLength: 10), "description": text,
        ]
        let group: [String: [String: Any]] = ["name": name, "description": text]
        let adult: [String: [String: Any]] = ["name": name, "date_of_birth": Doc.date, "description": text]
        let link: [String: [String: Any]] = [
            "link_kind": Doc.enumeration(NetworkLinkKind.self), "reliability": Doc.enumeration(InformationReliability.self),
            "recorded_on": Doc.date,
        ]
        let linkRequired = ["link_kind", "reliability"]
        func new(_ kind: NetworkInput.NewMemberKind, _ fields: [String: [String: Any]], _ required: [String]) -> [String: Any] {
            Doc.object(
                fields.merging(link) { a, _ in a }.merging(["new_kind": ["type": "string", "enum": [kind.rawValue]]]) { a, _ in a },
                required: ["new_kind"] + required + linkRequired)
        }
        return [
            "NetworkSearch": ["type": "object", "description": "items: the adults, places and groups found"],
            "NetworkNode": ["type": "object", "description": "an adult, a place or a peer group: id, kind, name, place_kind, address, postcode, description, date_of_birth"],
            "Network": ["type": "object", "description": "centre; members (id, kind, name or null when hidden, distance, node, children_linked); links (from, to, kind, source_agency_id, recorded_on, reliability); for a place, safety_checks and placements_lacking_check"],
            "NetworkLinkRecorded": ["type": "object", "description": "link, from_kind, to_kind, and the member created with it, if any"],
            "SafetyCheckRecorded": ["type": "object", "description": "check, and how many children placed there still lack a safety check that stands"],
            "PlaceInput": Doc.object(place, required: ["name", "place_kind"]),
            "PeerGroupInput": Doc.object(group, required: ["name"]),
            "AdultInput": Doc.object(adult, required: ["name"]),
            "NetworkLinkInput": [
                "description": "A link to a member already recorded (to_id), or to a new one (new_kind with its fields)",
                "oneOf": [
                    Doc.object(link.merging(["to_id": Doc.uuid]) { a, _ in a }, required: ["to_id"] + linkRequired),
                    new(.place, place, ["name", "place_kind"]), new(.peerGroup, group, ["name"]), new(.adult, adult, ["name"]),
                ],
            ],
            "EndLink": Doc.object(["ended_on": Doc.date], required: []),
            "SafetyCheckInput": Doc.object(
                ["checked_on": Doc.date, "result": Doc.enumeration(SafetyCheck.Result.self), "checked_by": name, "note": text],
                required: ["checked_on", "result"]),
        ]
    }
}
