import Foundation
import Safeguarding

/// The network as a picture: an inline SVG drawn on the server, the centre in the middle,
/// those linked to it on a ring round it and those two links out on a ring beyond. The
/// same network always draws the same way, so a picture printed on Monday matches the
/// screen on Tuesday. It is an image with a title and a description; the table beside
/// it carries the same links for a screen reader and a keyboard, so the picture holds no
/// links and needs no script.
enum NetworkDrawing {
    struct Node {
        var id: UUID
        var kind: NetworkNodeKind
        /// The name, or "a child" for a child the reader may not see named.
        var label: String
        var ring: Int
    }

    struct Texts {
        var title: String
        var description: String
        /// What each kind is called, for the legend.
        var kinds: [NetworkNodeKind: String]
    }

    /// More members than this two links out crowd the outer ring: the table lists the rest.
    static let outerRingLimit = 36

    static let width = 820, height = 700
    static let centre = (x: 410.0, y: 320.0)
    static let radii = [0.0, 140.0, 270.0]

    /// `nodes` in the order they are to go round each ring; `edges` as pairs of node ids.
    static func svg(_ nodes: [Node], edges: [(UUID, UUID)], texts: Texts) -> String {
        let positions = layout(nodes, edges: edges)
        var svg = "<svg class=\"network\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" aria-labelledby=\"network-title network-desc\" "
        svg += "xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"network-title\">\(HTMLText.escape(texts.title))</title>"
        svg += "<desc id=\"network-desc\">\(HTMLText.escape(texts.description))</desc>"
        svg += "<g class=\"network__links\">"
        for (a, b) in edges {
            guard let from = positions[a], let to = positions[b] else { continue }
            svg += "<line x1=\"\(Int(from.x))\" y1=\"\(Int(from.y))\" x2=\"\(Int(to.x))\" y2=\"\(Int(to.y))\"/>"
        }
        svg += "</g><g class=\"network__members\">"
        for node in nodes {
            guard let at = positions[node.id] else { continue }
            // The whole name as the member's title: the label under it may be shortened.
            svg += "<g class=\"network__member network__member--\(node.kind.rawValue)\(node.ring == 0 ? " network__member--centre" : "")\">"
            svg += "<title>\(HTMLText.escape(node.label))</title>"
            svg += shape(node.kind, x: Int(at.x), y: Int(at.y), large: node.ring == 0)
            let label = node.label.count > 28
                ? String(node.label.prefix(27)).trimmingCharacters(in: .whitespaces) + "…" : node.label
            svg += "<text x=\"\(Int(at.x))\" y=\"\(Int(at.y) + (node.ring == 0 ? 40 : 32))\" text-anchor=\"middle\">\(HTMLText.escape(label))</text></g>"
        }
        svg += "</g>" + legend(texts.kinds) + "</svg>"
        return svg
    }

    /// Each kind has its own shape as well as its own colour, so the picture does not
    /// depend on telling colours apart: a person is round, a place square, a group a diamond.
    static func shape(_ kind: NetworkNodeKind, x: Int, y: Int, large: Bool) -> String {
        let r = large ? 24 : 16
        return switch kind {
        case .child: "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\"/>"
        case .adult: "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(r)\" class=\"network__ring\"/>"
        case .place: "<rect x=\"\(x - r)\" y=\"\(y - r)\" width=\"\(2 * r)\" height=\"\(2 * r)\"/>"
        case .peerGroup: "<polygon points=\"\(x),\(y - r - 4) \(x + r + 4),\(y) \(x),\(y + r + 4) \(x - r - 4),\(y)\"/>"
        }
    }

    static func legend(_ kinds: [NetworkNodeKind: String]) -> String {
        var html = "<g class=\"network__legend\">"
        var x = 30
        let y = height - 30
        for kind in NetworkNodeKind.allCases {
            let label = kinds[kind] ?? ""
            html += "<g class=\"network__member network__member--\(kind.rawValue)\">" + shape(kind, x: x, y: y, large: false)
            html += "<text x=\"\(x + 26)\" y=\"\(y + 5)\">\(HTMLText.escape(label))</text></g>"
            // About eight units a letter at the legend's size, and room for the next shape.
            x += 60 + label.count * 8
        }
        return html + "</g>"
    }

    /// Ring 1 evenly round the centre from the top, clockwise. Ring 2 in the arc behind the
    /// first ring-1 member each is linked to, so each sits beyond what links it in and no
    /// line runs back across the centre.
    static func layout(_ nodes: [Node], edges: [(UUID, UUID)]) -> [UUID: (x: Double, y: Double)] {
        var positions: [UUID: (x: Double, y: Double)] = [:]
        var angles: [UUID: Double] = [:]
        for node in nodes where node.ring == 0 { positions[node.id] = centre }
        let inner = nodes.filter { $0.ring == 1 }
        for (index, node) in inner.enumerated() {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(index) / Double(max(inner.count, 1))
            angles[node.id] = angle
            positions[node.id] = point(angle, radii[1])
        }
        var parent: [UUID: UUID] = [:]
        for (a, b) in edges {
            for (inside, outside) in [(a, b), (b, a)] {
                guard let angle = angles[inside], angles[outside] == nil else { continue }
                if parent[outside].map({ angle < angles[$0]! }) ?? true { parent[outside] = inside }
            }
        }
        let outer = Array(nodes.filter { $0.ring == 2 && parent[$0.id] != nil }.prefix(outerRingLimit))
        let sector = 2 * Double.pi / Double(max(inner.count, 1))
        for (inside, group) in Dictionary(grouping: outer, by: { parent[$0.id]! }) {
            // The group's order is the nodes' own order, so the same network draws the same way.
            let ordered = outer.filter { member in group.contains { $0.id == member.id } }
            let step = min(sector * 0.9 / Double(ordered.count), 0.45)
            let first = angles[inside]! - step * Double(ordered.count - 1) / 2
            for (index, node) in ordered.enumerated() { positions[node.id] = point(first + step * Double(index), radii[2]) }
        }
        return positions
    }

    private static func point(_ angle: Double, _ radius: Double) -> (x: Double, y: Double) {
        (centre.x + radius * cos(angle), centre.y + radius * sin(angle))
    }
}
