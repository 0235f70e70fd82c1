import Foundation

/// Learns m/u probabilities from unlabelled data by expectation–maximisation,
/// so each partnership's own error rates set the weights and nobody has to
/// hand-label pairs.
///
/// EM runs over the distinct comparison patterns of blocked pairs (thousands of
/// patterns, not millions of pairs), with Dirichlet pseudo-counts from the
/// starting weights so sparse levels stay sensible.
public enum WeightEstimation: Sendable {
    /// Tuning for the EM run.
    public struct Options: Sendable, Hashable {
        public var maximumIterations: Int
        /// Stop when no parameter moves more than this.
        public var tolerance: Double
        /// Pseudo-count of prior observations per field, pulling sparse levels
        /// towards the starting weights.
        public var priorStrength: Double
        /// Re-estimate u as well as m. When `false`, u stays as given (for
        /// example from random pairs) and only m and the match share are learned.
        public var estimatesUnmatchedProbabilities: Bool

        public init(maximumIterations: Int = 200, tolerance: Double = 1e-6, priorStrength: Double = 20,
                    estimatesUnmatchedProbabilities: Bool = true) {
            self.maximumIterations = maximumIterations
            self.tolerance = tolerance
            self.priorStrength = priorStrength
            self.estimatesUnmatchedProbabilities = estimatesUnmatchedProbabilities
        }
    }

    /// The result of an EM run.
    public struct Result: Sendable, Hashable {
        public var weights: MatchWeights
        public var iterations: Int
        public var converged: Bool
    }

    /// Runs EM over counted comparison patterns.
    ///
    /// `familyRules` penalties enter the E-step: without them EM happily learns
    /// "same family" instead of "same person", because siblings agree on
    /// surname, address and postcode as consistently as duplicates do.
    static func expectationMaximisation(patternCounts: [UInt64: Int], starting: MatchWeights,
                                        familyRules: FamilyRules = .standard,
                                        options: Options = Options()) -> Result {
        let fields = ComparisonField.allCases
        let patterns = Array(patternCounts.keys)
        let counts = patterns.map { Double(patternCounts[$0]!) }
        let levels: [[Int]] = patterns.map { pattern in fields.map { PairComparison.level(in: pattern, of: $0.rawValue) } }
        // Penalties use the starting weights: recomputing them each iteration
        // would let EM talk itself out of the family rules.
        let penalties: [Double] = patterns.map {
            familyRules.penalty(for: PairComparison(pattern: $0), weights: starting).bits * M_LN2
        }
        var m = starting.m, u = starting.u
        var lambda = min(max(starting.matchPrior, 1e-4), 0.5)
        let priorM = starting.m, priorU = starting.u
        var iterations = 0, converged = false
        while iterations < options.maximumIterations {
            iterations += 1
            var mCounts = fields.map { [Double](repeating: 0, count: $0.levelCount) }
            var uCounts = mCounts
            var matchTotal = 0.0, total = 0.0
            // Log tables once per iteration; the pattern loop then only adds.
            let logMTable = m.map { $0.map { log(max($0, 1e-12)) } }
            let logUTable = u.map { $0.map { log(max($0, 1e-12)) } }
            let logLambda = log(lambda), logNotLambda = log(1 - lambda)
            for (index, pattern) in levels.enumerated() {
                var logM = logLambda - penalties[index], logU = logNotLambda
                for field in 0..<pattern.count {
                    let level = pattern[field]
                    guard level != 0 else { continue }
                    logM += logMTable[field][level]
                    logU += logUTable[field][level]
                }
                let posterior = 1 / (1 + exp(logU - logM))
                let count = counts[index]
                matchTotal += posterior * count
                total += count
                for field in 0..<pattern.count {
                    let level = pattern[field]
                    guard level != 0 else { continue }
                    mCounts[field][level] += posterior * count
                    uCounts[field][level] += (1 - posterior) * count
                }
            }
            var change = 0.0
            let newLambda = min(max(matchTotal / max(total, 1), 1e-6), 0.999)
            change = max(change, abs(newLambda - lambda))
            lambda = newLambda
            for field in fields {
                let index = field.rawValue
                let newM = smoothed(mCounts[index], prior: priorM[index], strength: options.priorStrength)
                for level in 1..<field.levelCount { change = max(change, abs(newM[level] - m[index][level])) }
                m[index] = newM
                if options.estimatesUnmatchedProbabilities {
                    let newU = smoothed(uCounts[index], prior: priorU[index], strength: options.priorStrength)
                    for level in 1..<field.levelCount { change = max(change, abs(newU[level] - u[index][level])) }
                    u[index] = newU
                }
            }
            if change < options.tolerance {
                converged = true
                break
            }
        }
        return Result(weights: MatchWeights(m: m, u: u, matchPrior: lambda), iterations: iterations, converged: converged)
    }

    /// u-probabilities from pairs drawn at random, which are almost all
    /// non-matches: the classic way to estimate u without labels.
    static func unmatchedProbabilities(people: [PreparedPerson], pool: StringPool, pairCount: Int, seed: UInt64,
                                       prior: MatchWeights) -> [[Double]] {
        let fields = ComparisonField.allCases
        var counts = fields.map { [Double](repeating: 0, count: $0.levelCount) }
        guard people.count > 1 else { return prior.u }
        var generator = SplitMix64(seed: seed)
        let comparator = PersonComparator(leftPool: pool, rightPool: pool)
        for _ in 0..<pairCount {
            let i = Int(generator.next() % UInt64(people.count))
            var j = Int(generator.next() % UInt64(people.count - 1))
            if j >= i { j += 1 }
            let pattern = comparator.compare(people[i], people[j]).pattern
            for field in fields {
                let level = PairComparison.level(in: pattern, of: field.rawValue)
                if level != 0 { counts[field.rawValue][level] += 1 }
            }
        }
        // A light prior keeps unseen levels (e.g. identifiers equal) above zero.
        return fields.map { smoothed(counts[$0.rawValue], prior: prior.u[$0.rawValue], strength: 1) }
    }

    /// Posterior mean under a Dirichlet prior centred on `prior`.
    private static func smoothed(_ counts: [Double], prior: [Double], strength: Double) -> [Double] {
        let total = counts.dropFirst().reduce(0, +)
        var result = [Double](repeating: 0, count: counts.count)
        for level in 1..<counts.count {
            result[level] = (counts[level] + strength * prior[level]) / (total + strength)
        }
        return result
    }
}

extension WeightEstimation {
    /// Learns weights from a set of records, as file linkage does: block, compare,
    /// take u from random pairs, then EM. Use the result to configure a `PersonIndex`.
    public static func estimate(from records: [PersonRecord], options: LinkageOptions = LinkageOptions()) -> Result {
        let usable = records.filter { RefusalReason.check($0) == nil }
        let run = LinkageRun(records: usable, options: options)
        let candidates = run.candidatePairs()
        let sample = run.trainingSample(of: candidates)
        let patterns = run.patterns(for: sample)
        let rules = run.familyRules(patterns: patterns, sampledShare: Double(sample.count) / Double(max(1, candidates.count)))
        return run.learnWeights(patterns: patterns, familyRules: rules)
    }
}
