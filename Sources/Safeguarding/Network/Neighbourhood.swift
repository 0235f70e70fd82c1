import Foundation

/// The part of the network around one member: everyone within `depth` links of it (two
/// by default, as the network page draws it), with the links between them and each
/// member's distance from the centre.
public struct Neighbourhood: Sendable, Hashable {
    public var centre: UUID
    /// Distance from the centre: 0 for the centre, 1 for those linked to it, and so on.
    public var distance: [UUID: Int]
    public var links: [NetworkLink]

    /// Walks the current links breadth first, so each member's distance is its shortest.
    public init(around centre: UUID, links: [NetworkLink], on day: CalendarDay, depth: Int = 2) {
        let current = links.filter { $0.isCurrent(on: day) && $0.from != $0.to }
        var byNode: [UUID: [NetworkLink]] = [:]
        for link in current {
            byNode[link.from, default: []].append(link)
            byNode[link.to, default: []].append(link)
        }
        var distance = [centre: 0], frontier = [centre]
        for step in 1...max(1, depth) {
            var next: [UUID] = []
            for node in frontier {
                for link in byNode[node] ?? [] {
                    guard let other = link.other(than: node), distance[other] == nil else { continue }
                    distance[other] = step
                    next.append(other)
                }
            }
            frontier = next
        }
        self.centre = centre
        self.distance = distance
        self.links = current.filter { distance[$0.from] != nil && distance[$0.to] != nil }
            .sorted { ($0.recordedOn.iso, $0.id.uuidString) < ($1.recordedOn.iso, $1.id.uuidString) }
    }

    /// The members linked to `node` directly whose kind `kinds` says: "three children
    /// linked to this address".
    public static func directlyLinked(to node: UUID, links: [NetworkLink], on day: CalendarDay,
        kinds: [UUID: NetworkNodeKind], of kind: NetworkNodeKind) -> Set<UUID> {
        Set(links.filter { $0.isCurrent(on: day) }.compactMap { $0.other(than: node) }.filter { kinds[$0] == kind })
    }
}
