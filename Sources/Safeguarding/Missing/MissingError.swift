/// Why a step of a missing episode was refused, each tied to the field that caused it.
public enum MissingError: Error, Sendable, Hashable {
    /// Reported, located or interviewed at a time still to come.
    case inFuture(field: String)
    case lastSeenAfterReport
    case locatedBeforeReport
    case alreadyLocated
    case notYetLocated
    case interviewBeforeReturn
    case interviewBeforeOffer
    case interviewAlreadyRecorded
    case interviewerNeeded
    /// A held interview records what the child said; that is why it was held.
    case childSaidNeeded
    case whereFoundNeeded
}
