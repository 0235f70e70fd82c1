import Foundation
import Safeguarding

/// Where a place's or a group's page is, and the word for what it is: the same from the
/// network index, the MACE agenda and its minutes.
enum NetworkPaths {
    /// The page of a place or a group; an adult has none of their own.
    static func href(_ node: NetworkNode) -> String? {
        let id = node.id.uuidString.lowercased()
        return switch node.kind {
        case .place: "/places/\(id)"
        case .peerGroup: "/groups/\(id)"
        case .adult, .child: nil
        }
    }

    /// "Flat or house", "Peer group": a place by its kind, anything else by what it is.
    static func kindKey(_ node: NetworkNode) -> String {
        node.placeKind.map { "network.place_kind.\($0.rawValue)" } ?? "network.kind.\(node.kind.rawValue)"
    }
}
