/// One record that linkage refused, with where it was and why.
public struct RecordRefusal: Sendable, Hashable, Codable {
    /// The record's id as given (empty when the id itself was missing).
    public var recordID: String
    /// 1-based line in the input file where the record starts (for
    /// `FileLinkage.link(records:)`, the record's 1-based position instead).
    public var line: Int
    public var reason: RefusalReason

    public init(recordID: String, line: Int, reason: RefusalReason) {
        self.recordID = recordID
        self.line = line
        self.reason = reason
    }
}
