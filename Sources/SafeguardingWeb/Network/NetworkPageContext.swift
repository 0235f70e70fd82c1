import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The network page of a child, a place or a peer group: the picture and the table of
/// the same links, "three children linked to this address", a place's safety checks and
/// the children placed there, and the forms to add to it.
struct NetworkPageContext: Encodable, Sendable {
    struct Row: Encodable, Sendable {
        var id: String
        var from: String
        var fromHref: String?
        var linkKey: String
        var to: String
        var toHref: String?
        var agency: String
        var recordedOn: String
        var reliabilityKey: String
        /// A link of the child's own, which may be ended from the child's page.
        var mayEnd: Bool
    }

    struct Shared: Encodable, Sendable {
        var name: String
        var href: String?
        var text: String
    }

    struct Check: Encodable, Sendable {
        var checkedOn: String
        var by: String
        var resultKey: String
        var note: String
    }

    struct Placed: Encodable, Sendable {
        var child: String
        var childHref: String?
        var typeKey: String
        var provider: String
        var since: String
        var lacksCheck: Bool
    }

    struct Option: Encodable, Sendable {
        var value: String
        var label: String
        var checked: Bool
    }

    /// "child", "place" or "peer_group".
    var kind: String
    var kindKey: String
    var titleKey: String
    var name: String
    var backHref: String
    var backKey: String
    var careHref: String?
    var linkAction: String
    /// The page itself, for the search that finds what to link to.
    var selfHref: String
    /// The form a refusal came from, shown open with what was typed.
    var openForm: String
    var svgHTML: String
    var rows: [Row]
    var shared: [Shared]
    var placeKindKey: String?
    var address: String
    var postcode: String
    var description: String
    var isTemporaryAccommodation: Bool
    var checks: [Check]
    var checkAction: String
    var placed: [Placed]
    /// Children placed here with no safety check that stands.
    var unchecked: [String]
    var mayWork: Bool
    var find: String
    var choices: [Option]
    var linkKinds: [Option]
    var reliabilities: [Option]
    var placeKinds: [Option]
    var checkResults: [Option]
    var results: [Option]
    var errors: [FormErrorContext]
    var values: [String: String]
    var today: String

    static func make(
        _ request: Request, _ opened: NetworkDesk.Opened, found: [NetworkNode], find: String, failure: ValidationFailure?,
        form: String, submitted: SubmittedForm?
    ) async throws -> NetworkPageContext {
        let language = request.language, catalogue = request.application.catalogue, policy = AccessPolicy()
        let actor = request.signedInUser!.actor
        let readsNetwork = policy.permits(actor, .viewNetwork)
        let agencies = try await request.agenciesByID()
        let today = request.application.workingCalendar.day(of: Date())
        let centre = opened.centre
        func name(_ member: NetworkDesk.Member?) -> String {
            guard let member else { return "" }
            return member.isHidden ? catalogue.text("network.hidden_child", language) : member.name
        }
        func href(_ member: NetworkDesk.Member?) -> String? {
            guard let member, !member.isHidden, member.id != centre.id else { return nil }
            let id = member.id.uuidString.lowercased()
            return switch member.kind {
            case .child: "/children/\(id)/network"
            case .place: readsNetwork ? "/places/\(id)" : nil
            case .peerGroup: readsNetwork ? "/groups/\(id)" : nil
            case .adult: nil
            }
        }
        let distance = Dictionary(opened.members.map { ($0.id, $0.distance) }, uniquingKeysWith: { a, _ in a })
        let rows = opened.links.sorted {
            let (a, b) = (min(distance[$0.link.from] ?? 9, distance[$0.link.to] ?? 9), min(distance[$1.link.from] ?? 9, distance[$1.link.to] ?? 9))
            return (a, $0.link.recordedOn.iso, $0.link.id.uuidString) < (b, $1.link.recordedOn.iso, $1.link.id.uuidString)
        }.map { stored -> Row in
            let link = stored.link
            return Row(
                id: link.id.uuidString.lowercased(), from: name(opened.member(link.from)), fromHref: href(opened.member(link.from)),
                linkKey: "network.link.\(link.kind.rawValue)", to: name(opened.member(link.to)), toHref: href(opened.member(link.to)),
                agency: agencies[link.sourceAgencyID]?.name(in: language) ?? "", recordedOn: DateWording.date(link.recordedOn, language),
                reliabilityKey: "network.reliability.\(link.reliability.rawValue)",
                mayEnd: centre.kind == .child && (link.from == centre.id || link.to == centre.id))
        }
        // "Three children linked to this address": on the place's own page, and for each
        // place or group the child is linked to that other children are linked to as well.
        let gatherings = centre.kind == .child ? opened.members.filter { $0.distance == 1 } : [centre]
        let shared = gatherings.filter { [.place, .peerGroup].contains($0.kind) && $0.childrenLinked > (centre.kind == .child ? 1 : 0) }
            .map { member in
                // On the place's or group's own page its name is the heading already.
                Shared(name: member.id == centre.id ? "" : member.name, href: href(member),
                    text: catalogue.text("network.children_linked.\(member.kind.rawValue)", language, [String(member.childrenLinked)]))
            }
        let picture = NetworkDrawing.svg(
            opened.members.filter { $0.distance <= 2 }.map {
                NetworkDrawing.Node(id: $0.id, kind: $0.kind, label: name($0), ring: $0.distance)
            },
            edges: opened.links.map { ($0.link.from, $0.link.to) },
            texts: NetworkDrawing.Texts(
                title: catalogue.text("network.picture.title", language, [centre.name]),
                description: description(opened, language: language, catalogue: catalogue),
                kinds: Dictionary(uniqueKeysWithValues: NetworkNodeKind.allCases.map {
                    ($0, catalogue.text("network.kind.\($0.rawValue)", language))
                })))
        var values: [String: String] = [:]
        for (field, texts) in submitted?.values ?? [:] where field != "_csrf" { values[field] = texts.first ?? "" }
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ prefix: String, _ field: String) -> [Option]
        where T.RawValue == String {
            let chosen = form.isEmpty ? nil : values[field]
            return T.allCases.map { Option(value: $0.rawValue, label: catalogue.text("\(prefix).\($0.rawValue)", language), checked: chosen == $0.rawValue) }
        }
        // Those already in the network but not linked to the centre are the likeliest to link next.
        let nearby = opened.members.filter { $0.distance == 2 && $0.kind != .child && $0.node != nil }.compactMap(\.node)
        let chosen = values["to_id"]
        func choice(_ node: NetworkNode) -> Option {
            let kind = catalogue.text(node.kind == .place ? "network.place_kind.\(node.placeKind?.rawValue ?? "address")" : "network.kind.\(node.kind.rawValue)", language)
            let label = [node.name, [node.postcode, kind].filter { !$0.isEmpty }.joined(separator: ", ")].joined(separator: " – ")
            return Option(value: node.id.uuidString.lowercased(), label: label, checked: chosen == node.id.uuidString.lowercased())
        }
        let node = centre.node
        let id = centre.id.uuidString.lowercased()
        let (path, backHref, backKey): (String, String, String) = switch centre.kind {
        case .child: ("/children/\(id)/network", "/children/\(id)", "missing.back_to_record")
        case .place: ("/places/\(id)", "/network", "network.back_to_index")
        default: ("/groups/\(id)", "/network", "network.back_to_index")
        }
        return NetworkPageContext(
            kind: centre.kind.rawValue, kindKey: "network.kind.\(centre.kind.rawValue)", titleKey: "network.title.\(centre.kind.rawValue)", name: centre.name,
            backHref: backHref, backKey: backKey, careHref: centre.kind == .child ? "/children/\(id)/care" : nil,
            linkAction: "\(path)/links", selfHref: path, openForm: form, svgHTML: picture, rows: rows, shared: shared,
            placeKindKey: node?.placeKind.map { "network.place_kind.\($0.rawValue)" }, address: node?.address ?? "",
            postcode: node?.postcode ?? "", description: node?.description ?? "",
            isTemporaryAccommodation: node?.isTemporaryAccommodation ?? false,
            checks: opened.checks.map {
                Check(checkedOn: DateWording.date($0.checkedOn, language), by: $0.checkedByName,
                    resultKey: "network.check.result.\($0.result.rawValue)", note: $0.note)
            },
            checkAction: "\(path)/safety-checks",
            placed: opened.placements.map { placement in
                let child = opened.placedChildren[placement.childID]
                return Placed(
                    child: child?.fullName ?? catalogue.text("network.hidden_child", language),
                    childHref: child.map { "/children/\($0.id.uuidString.lowercased())/care" },
                    typeKey: "care.placement_type.\(placement.type.rawValue)", provider: placement.provider,
                    since: DateWording.date(placement.startsOn, language),
                    lacksCheck: opened.lacking.contains { $0.id == placement.id })
            },
            unchecked: opened.lacking.map { opened.placedChildren[$0.childID]?.fullName ?? catalogue.text("network.hidden_child", language) },
            mayWork: policy.permits(actor, .workNetwork), find: find,
            choices: nearby.map(choice), linkKinds: options(NetworkLinkKind.self, "network.link", "link_kind"),
            reliabilities: options(InformationReliability.self, "network.reliability", "reliability"),
            placeKinds: options(PlaceKind.self, "network.place_kind", "place_kind"),
            checkResults: options(SafetyCheck.Result.self, "network.check.result", "result"),
            results: found.filter { $0.id != centre.id }.map(choice),
            errors: request.formErrors(failure, form: form), values: values, today: today.iso)
    }

    /// What the picture shows, in words, for those who cannot see it.
    static func description(_ opened: NetworkDesk.Opened, language: Language, catalogue: Catalogue) -> String {
        let first = opened.members.filter { $0.distance == 1 }.count, second = opened.members.filter { $0.distance == 2 }.count
        var text = catalogue.text("network.picture.description", language, [opened.centre.name, String(first), String(second)])
        if second > NetworkDrawing.outerRingLimit {
            text += " " + catalogue.text("network.picture.more", language, [String(NetworkDrawing.outerRingLimit)])
        }
        return text
    }
}
