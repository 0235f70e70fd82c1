/// Everyone known to the hub, held in memory so intake can ask "have we seen
/// this child before?" in milliseconds.
///
/// People are stored in compact prepared form (interned names, packed dates)
/// and reached through blocking keys, so a lookup compares the new person with
/// a few hundred plausible people rather than the whole population.
public struct PersonIndex: Sendable {
    public var scorer: MatchScorer
    /// At most this many people are read from any one block per lookup, which
    /// bounds worst-case latency when a key is very common.
    public var maximumBlockScan: Int

    private var pool = StringPool()
    private var people: [PreparedPerson] = []
    private var recordIDs: [String] = []
    private var slotByRecordID: [String: UInt32] = [:]
    private var freeSlots: [UInt32] = []
    private var blocks = BlockingTable()

    public init(scorer: MatchScorer = MatchScorer(), maximumBlockScan: Int = 2500) {
        self.scorer = scorer
        self.maximumBlockScan = maximumBlockScan
    }

    /// Number of people indexed.
    public var count: Int { slotByRecordID.count }

    public func contains(recordID: String) -> Bool { slotByRecordID[recordID] != nil }

    /// Makes room for `people` records up front, avoiding regrowth during bulk loads.
    public mutating func reserveCapacity(_ peopleCount: Int) {
        people.reserveCapacity(peopleCount)
        recordIDs.reserveCapacity(peopleCount)
        slotByRecordID.reserveCapacity(peopleCount)
        blocks.reserveCapacity(peopleCount * 6)
    }

    /// Adds a person. Records with nothing to match on are refused, as in file linkage.
    public mutating func insert(_ record: PersonRecord) throws(PersonIndexError) {
        if let reason = RefusalReason.check(record) { throw .refused(reason) }
        guard slotByRecordID[record.recordID] == nil else { throw .duplicateRecordID(record.recordID) }
        let prepared = PreparedPerson(record, pool: &pool)
        let slot: UInt32
        if let free = freeSlots.popLast() {
            slot = free
            people[Int(slot)] = prepared
            recordIDs[Int(slot)] = record.recordID
        } else {
            slot = UInt32(people.count)
            people.append(prepared)
            recordIDs.append(record.recordID)
        }
        slotByRecordID[record.recordID] = slot
        for key in BlockingRule.keys(for: prepared, pool: pool) { blocks.add(slot, for: key) }
    }

    /// Removes a person (e.g. after a confirmed merge). Returns whether they were indexed.
    @discardableResult
    public mutating func remove(recordID: String) -> Bool {
        guard let slot = slotByRecordID.removeValue(forKey: recordID) else { return false }
        for key in BlockingRule.keys(for: people[Int(slot)], pool: pool) { blocks.remove(slot, for: key) }
        people[Int(slot)] = PreparedPerson()
        recordIDs[Int(slot)] = ""
        freeSlots.append(slot)
        return true
    }

    /// The indexed people most likely to be `record`, best first, with score
    /// and reasons. People below `minimumProbability` are left out; the record
    /// itself (same id) is never returned.
    public func candidates(for record: PersonRecord, limit: Int = 10,
                           minimumProbability: Double = 0.001) -> [MatchCandidate] {
        var queryPool = StringPool()
        let query = PreparedPerson(record, pool: &queryPool)
        var seen: [UInt32] = []
        seen.reserveCapacity(256)
        for key in BlockingRule.keys(for: query, pool: queryPool) {
            blocks.forEach(key, limit: maximumBlockScan) { seen.append($0) }
        }
        seen.sort()
        let comparator = PersonComparator(leftPool: queryPool, rightPool: pool)
        var scored: [(slot: UInt32, weight: Double, probability: Double, comparison: PairComparison)] = []
        var previous: UInt32? = nil
        for slot in seen where slot != previous {
            previous = slot
            guard recordIDs[Int(slot)] != record.recordID else { continue }
            let comparison = comparator.compare(query, people[Int(slot)])
            let score = scorer.score(comparison)
            if score.probability >= minimumProbability {
                scored.append((slot, score.weight, score.probability, comparison))
            }
        }
        scored.sort { $0.weight > $1.weight }
        return scored.prefix(limit).map { entry in
            let assessment = scorer.assess(entry.comparison)
            return MatchCandidate(recordID: recordIDs[Int(entry.slot)], matchWeight: assessment.matchWeight,
                                  probability: assessment.probability, reasons: assessment.reasons,
                                  comparison: entry.comparison, isLikelyMatch: assessment.isMatch)
        }
    }
}
