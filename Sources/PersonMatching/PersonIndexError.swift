/// Why a record could not be added to the index.
public enum PersonIndexError: Error, Sendable, Hashable {
    /// A record with this id is already indexed; remove it first to replace it.
    case duplicateRecordID(String)
    /// The record has too little to match on (see `RefusalReason`).
    case refused(RefusalReason)
}
