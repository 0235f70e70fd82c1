/// How a link may be worded. Contextual safeguarding describes what was seen, so a
/// link says what a child does ("associates with", "is seen at"), never what a child is:
/// labels such as "gang member" follow a child into every service that reads them.
extension NetworkLinkKind {
    /// Words no link's text may use in either language; the catalogue test holds the
    /// texts to this list.
    public static let labelsNeverUsed: [String] = [
        "gang", "member", "nominal", "offender", "perpetrator", "abuser", "groomer", "exploiter", "dealer", "runner",
        "aelod", "troseddwr", "camdriniwr", "cyflawnwr", "gwerthwr",
    ]

    /// Whether a link in these words may run from a member of one kind to one of another.
    /// A person (a child or an adult) is always the first of the two, and a place or a
    /// group the second, so "who is linked to this place" is always read one way round.
    public func fits(from: NetworkNodeKind, to: NetworkNodeKind) -> Bool {
        let person: Set<NetworkNodeKind> = [.child, .adult]
        return switch self {
        case .livesAt, .staysAt: person.contains(from) && to == .place
        // A group is seen at a place as a person is: "the group meets at the retail park".
        case .seenAt: (person.contains(from) || from == .peerGroup) && to == .place
        case .partOf: person.contains(from) && to == .peerGroup
        case .associatesWith, .spendsTimeWith: person.contains(from) && (person.contains(to) || to == .peerGroup)
        case .relatedTo: person.contains(from) && person.contains(to)
        }
    }
}
