/// A rule of a looked-after child's record broken by what someone tried to record: one
/// case per rule, so the web layer can say beside the field what to put right.
public enum CareError: Error, Sendable, Hashable {
    case reasonNeeded
    case startsInFuture
    case endsInFuture
    case endsBeforeStart
    /// Periods of being looked after do not overlap: one ends before the next begins.
    case overlapsPeriod
    case alreadyEnded
    case providerNeeded
    /// A placement is made while the child is looked after.
    case notLookedAfterOnStart
    /// A placement starting before another that is still recorded after it: the later one
    /// is ended first, or this one dated after it.
    case overlapsLaterPlacement
    /// A placement's address is a place of the network.
    case notAPlace
}
