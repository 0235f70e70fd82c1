import Foundation

/// One batch linkage over records already in memory: blocking, weight
/// learning and scoring. `FileLinkage` wraps it with CSV input and output.
struct LinkageRun {
    private(set) var people: [PreparedPerson] = []
    /// Position in the input of each prepared person.
    private(set) var recordPositions: [Int] = []
    private(set) var refused: [RecordRefusal] = []
    private(set) var pool = StringPool()
    let options: LinkageOptions

    /// Prepares every record and sets aside those with nothing to match on.
    /// Refusal is decided on the prepared form, which has already done the
    /// normalisation `RefusalReason.check` would repeat.
    init(records: [PersonRecord], options: LinkageOptions) {
        self.options = options
        // Prepare in parallel, each chunk into its own pool, then fold the pools together.
        let chunks = ParallelWork.chunks(count: records.count) { range -> ([PreparedPerson], StringPool) in
            var pool = StringPool(expectedStrings: range.count * 6)
            var prepared: [PreparedPerson] = []
            prepared.reserveCapacity(range.count)
            for index in range { prepared.append(PreparedPerson(records[index], pool: &pool)) }
            return (prepared, pool)
        }
        var all: [PreparedPerson] = []
        all.reserveCapacity(records.count)
        for (index, chunk) in chunks.enumerated() {
            if index == 0 {
                pool = chunk.1
                all.append(contentsOf: chunk.0)
            } else {
                let map = pool.absorb(chunk.1)
                all.append(contentsOf: chunk.0.lazy.map { $0.remapped(map) })
            }
        }
        people.reserveCapacity(records.count)
        recordPositions.reserveCapacity(records.count)
        var seen: Set<String> = []
        seen.reserveCapacity(records.count)
        for (position, record) in records.enumerated() {
            func refuse(_ reason: RefusalReason) {
                refused.append(RecordRefusal(recordID: record.recordID, line: position + 1, reason: reason))
            }
            guard record.recordID.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) else {
                refuse(.missingRecordID)
                continue
            }
            let person = all[position]
            if !person.hasIdentifier {
                if !person.hasName { refuse(.noNameAndNoIdentifier); continue }
                if person.dateOfBirth == 0 { refuse(.noDateOfBirthAndNoIdentifier); continue }
            }
            guard seen.insert(record.recordID).inserted else {
                refuse(.duplicateRecordID)
                continue
            }
            people.append(person)
            recordPositions.append(position)
        }
    }

    /// Candidate pairs as (lower index << 32 | higher index), sorted and unique.
    /// Keys are sorted rather than hashed into per-key arrays: one allocation
    /// instead of one per block.
    func candidatePairs() -> [UInt64] {
        // Key hash in the top 40 bits, person in the low 24: sorting plain
        // integers is several times faster than sorting structs. A truncated-hash
        // collision only merges two blocks, adding a few harmless comparisons.
        precondition(people.count < 1 << 24, "linkage runs are limited to 16 million records")
        var entries: [UInt64] = []
        entries.reserveCapacity(people.count * 8)
        for (index, person) in people.enumerated() {
            BlockingRule.keys(for: person, pool: pool) { entries.append(($0 & ~0xFF_FFFF) | UInt64(index)) }
        }
        RadixSort.sort(&entries)
        var pairs: [UInt64] = []
        pairs.reserveCapacity(people.count * 4)
        let acrossSources = options.mode == .acrossSourcesOnly
        var start = 0
        while start < entries.count {
            let block = entries[start] & ~0xFF_FFFF
            var end = start + 1
            while end < entries.count && entries[end] & ~0xFF_FFFF == block { end += 1 }
            let size = end - start
            if size > 1 && size <= options.maximumBlockSize {
                for a in start..<(end - 1) {
                    let first = UInt32(entries[a] & 0xFF_FFFF)
                    for b in (a + 1)..<end {
                        let second = UInt32(entries[b] & 0xFF_FFFF)
                        if first == second { continue }
                        if acrossSources && people[Int(first)].source == people[Int(second)].source { continue }
                        pairs.append(UInt64(first) << 32 | UInt64(second))
                    }
                }
            }
            start = end
        }
        RadixSort.sort(&pairs)
        var unique: [UInt64] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return unique
    }

    func patterns(for pairs: [UInt64]) -> [UInt64] {
        let pool = self.pool
        let people = self.people
        return ParallelWork.chunks(count: pairs.count) { range in
            let comparator = PersonComparator(leftPool: pool, rightPool: pool, cache: SimilarityCache())
            return pairs[range].map { pair in
                comparator.compare(people[Int(pair >> 32)], people[Int(pair & 0xFFFF_FFFF)]).pattern
            }
        }.flatMap { $0 }
    }
    /// Candidate pairs used to learn weights: all of them up to
    /// `trainingSampleLimit`, otherwise an even stride through them. EM needs
    /// the distribution of comparison patterns, which a large systematic
    /// sample of pairs gives as well as every pair does.
    func trainingSample(of pairs: [UInt64]) -> [UInt64] {
        let limit = options.trainingSampleLimit
        guard pairs.count > limit, limit > 0 else { return pairs }
        return (0..<limit).map { pairs[$0 * pairs.count / limit] }
    }

    /// The family rules to use for this file under the options' policy.
    /// `sampledShare` is the fraction of candidate pairs the patterns come from.
    func familyRules(patterns: [UInt64], sampledShare: Double = 1) -> FamilyRules {
        var rules = options.familyRules
        guard options.familyRulePolicy == .whenHouseholdsPresent else { return rules }
        let siblingLike = patterns.lazy.filter { FamilyRules.looksLikeSiblings(PairComparison(pattern: $0)) }.count
        if Double(siblingLike) / max(sampledShare, 1e-9) * 100 < Double(people.count) { rules.detectsFamilies = false }
        return rules
    }

    /// Scores every candidate pair and keeps those at or above the scorer's
    /// threshold. Birth date, sex, postcode and identifiers are compared first;
    /// when even the best possible name and address agreement could not lift
    /// the pair to the threshold, the costly comparisons are skipped. The
    /// bound is exact (family rules only ever subtract), so no match is lost.
    func matches(among pairs: [UInt64], scorer: MatchScorer) -> [(pair: UInt64, weight: Double, probability: Double)] {
        let weights = scorer.weights
        let prior = min(max(weights.matchPrior, 1e-12), 1 - 1e-12)
        let threshold = min(max(scorer.threshold, 1e-12), 1 - 1e-12)
        let minimumWeight = log2(threshold / (1 - threshold)) - log2(prior / (1 - prior))
        var bestExpensive = 0.0
        for field in [ComparisonField.givenName, .surname, .address] {
            bestExpensive += max(0, (1..<field.levelCount).map { weights.bayesFactorLog2(field, level: $0) }.max() ?? 0)
        }
        let conflictPenalty = scorer.familyRules.identifierConflictPenalty
        let headroom = bestExpensive
        let pool = self.pool, people = self.people
        return ParallelWork.chunks(count: pairs.count) { range in
            let comparator = PersonComparator(leftPool: pool, rightPool: pool, cache: SimilarityCache())
            var kept: [(pair: UInt64, weight: Double, probability: Double)] = []
            for pair in pairs[range] {
                let a = people[Int(pair >> 32)], b = people[Int(pair & 0xFFFF_FFFF)]
                let cheap = comparator.compareCheapFields(a, b)
                var bound = weights.matchWeight(of: cheap) + headroom
                if cheap.nhsNumber == .conflicts { bound -= conflictPenalty }
                if cheap.uniquePupilNumber == .conflicts { bound -= conflictPenalty }
                guard bound >= minimumWeight else { continue }
                let score = scorer.score(comparator.compare(a, b))
                if score.probability >= scorer.threshold { kept.append((pair, score.weight, score.probability)) }
            }
            return kept
        }.flatMap { $0 }
    }

    /// Learns weights from the compared pairs: u from random pairs as the
    /// starting point, then EM over the candidate pairs' distinct patterns with
    /// m, u and the match share all free. The weights therefore describe the
    /// candidate set (pairs that share a blocking key), which is the population
    /// the decision is made on; holding u at random-pair values instead was
    /// tried and badly overstates agreement on the blocking fields.
    func learnWeights(patterns: [UInt64], familyRules: FamilyRules) -> WeightEstimation.Result {
        var starting = options.startingWeights
        guard options.learnsWeights, !patterns.isEmpty else {
            return WeightEstimation.Result(weights: starting, iterations: 0, converged: true)
        }
        let randomU = WeightEstimation.unmatchedProbabilities(
            people: people, pool: pool, pairCount: min(options.randomPairSample, 4 * people.count),
            seed: 0x5EED, prior: starting)
        starting = MatchWeights(m: starting.m, u: randomU, matchPrior: 0.1)
        var counts: [UInt64: Int] = [:]
        for pattern in patterns { counts[pattern, default: 0] += 1 }
        return WeightEstimation.expectationMaximisation(patternCounts: counts, starting: starting,
                                                         familyRules: familyRules, options: options.estimation)
    }
}
