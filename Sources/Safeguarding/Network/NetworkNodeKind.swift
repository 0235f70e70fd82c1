/// What contextual safeguarding (F20) joins: children, adults who may pose a risk to
/// them, places, and peer groups.
public enum NetworkNodeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case child
    case adult
    case place
    case peerGroup = "peer_group"
}

/// How two of them are linked, worded as what was seen, never as a label: "associates
/// with", not "gang member".
public enum NetworkLinkKind: String, Sendable, Hashable, Codable, CaseIterable {
    case associatesWith = "associates_with"
    case seenAt = "seen_at"
    case livesAt = "lives_at"
    case staysAt = "stays_at"
    case spendsTimeWith = "spends_time_with"
    case partOf = "part_of"
    case relatedTo = "related_to"
}
