/// What a whole-file linkage run did, for the CLI to print and the app to log.
public struct LinkageSummary: Sendable, Hashable {
    /// Data rows read from the input (refused ones included).
    public var records: Int
    /// Pairs that shared at least one blocking key and were compared.
    public var candidatePairs: Int
    /// Pairs judged the same person and written out.
    public var matches: Int
    /// Wall-clock time for the whole run, reading and writing included.
    public var seconds: Double
    public var refused: [RecordRefusal]
    /// The weights learned (or used) for this file.
    public var weights: MatchWeights
    public var estimationIterations: Int
}
