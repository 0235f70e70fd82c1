/// A rule of the network broken by what someone tried to record: one case per rule, so
/// the web layer can say beside the field what to put right.
public enum NetworkError: Error, Sendable, Hashable {
    /// A child is in the network through their record, never as a new node.
    case childIsARecord
    case nameNeeded
    case placeKindNeeded
    case bornInFuture
    case linkedToItself
    /// The link's words do not fit what it joins: a child "lives at" a place, not at a group.
    case linkDoesNotFit
    /// The same two are already linked in the same words, and the link stands.
    case alreadyLinked
    case recordedInFuture
    case endedBeforeRecorded
    case alreadyEnded
    /// A safety check is of a place.
    case notAPlace
    case checkedInFuture
    /// A check that found the place unsafe says what was found.
    case findingNeeded
}
