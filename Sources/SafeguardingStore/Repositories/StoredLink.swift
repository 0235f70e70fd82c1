import Foundation
import Safeguarding

/// A link as the store keeps it: with the kind of each end, so that a network can be
/// walked and its children told from its adults, places and groups without a second read.
public struct StoredLink: Sendable, Hashable {
    public var link: NetworkLink
    public var fromKind: NetworkNodeKind
    public var toKind: NetworkNodeKind

    public init(_ link: NetworkLink, fromKind: NetworkNodeKind, toKind: NetworkNodeKind) {
        self.link = link
        self.fromKind = fromKind
        self.toKind = toKind
    }

    public func kind(of end: UUID) -> NetworkNodeKind? { end == link.from ? fromKind : end == link.to ? toKind : nil }
}
