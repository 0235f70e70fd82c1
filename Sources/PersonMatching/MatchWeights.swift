import Foundation

/// Fellegi–Sunter parameters: for every field and agreement level, the
/// probability of seeing that level when two records are the same person (m)
/// and when they are different people (u), plus the share of compared pairs
/// that are matches.
///
/// The standard values are priors from linkage literature for a child
/// population; `WeightEstimation` re-estimates them from the data itself,
/// because error rates differ between partnerships and extracts.
public struct MatchWeights: Sendable, Hashable, Codable {
    /// m[field.rawValue][level]; level 0 ("not compared") is unused.
    public private(set) var m: [[Double]]
    /// u[field.rawValue][level]; level 0 is unused.
    public private(set) var u: [[Double]]
    /// Prior probability that a compared (blocked) pair is a match.
    public var matchPrior: Double
    /// log2(m/u) flattened as field * 16 + level, the form the hot loop reads.
    private(set) var log2Table: [Double]

    public init(m: [[Double]], u: [[Double]], matchPrior: Double) {
        self.m = m
        self.u = u
        self.matchPrior = matchPrior
        self.log2Table = Self.table(m: m, u: u)
    }

    /// The evidence one field level contributes, in bits (log2 of m/u).
    public func bayesFactorLog2(_ field: ComparisonField, level: Int) -> Double {
        level == 0 ? 0 : log2Table[field.rawValue * 16 + level]
    }

    /// Sum of the evidence of all fields, in bits, before any rule-based penalty.
    public func matchWeight(of comparison: PairComparison) -> Double {
        matchWeight(pattern: comparison.pattern)
    }

    func matchWeight(pattern: UInt64) -> Double {
        var total = 0.0
        var rest = pattern & PairComparison.levelBits
        var field = 0
        while rest != 0 {
            let level = Int(rest & 0xF)
            if level != 0 { total += log2Table[field * 16 + level] }
            rest >>= 4
            field += 1
        }
        return total
    }

    /// Posterior probability of a match for a weight, using `matchPrior`.
    public func probability(forMatchWeight weight: Double) -> Double {
        let prior = min(max(matchPrior, 1e-12), 1 - 1e-12)
        let logOdds = weight + log2(prior / (1 - prior))
        return 1 / (1 + pow(2, -logOdds))
    }

    private static func table(m: [[Double]], u: [[Double]]) -> [Double] {
        var table = [Double](repeating: 0, count: ComparisonField.allCases.count * 16)
        for field in ComparisonField.allCases {
            for level in 1..<field.levelCount {
                let mValue = max(m[field.rawValue][level], 1e-9), uValue = max(u[field.rawValue][level], 1e-9)
                table[field.rawValue * 16 + level] = log2(mValue / uValue)
            }
        }
        return table
    }

    /// Literature-based starting values for a child population (dates of birth
    /// spread over ~18 years, names drawn from Welsh and English usage).
    public static let standard: MatchWeights = {
        var m = [[Double]](repeating: [], count: ComparisonField.allCases.count)
        var u = m
        func set(_ field: ComparisonField, m mValues: [Double], u uValues: [Double]) {
            m[field.rawValue] = [0] + mValues
            u[field.rawValue] = [0] + uValues
        }
        // Levels in the order of each agreement enum, after `.notCompared`.
        set(.givenName, m: [0.86, 0.04, 0.05, 0.02, 0.01, 0.02], u: [0.01, 0.002, 0.003, 0.01, 0.02, 0.955])
        set(.surname, m: [0.86, 0.03, 0.005, 0.05, 0.015, 0.04], u: [0.005, 0.001, 0.0005, 0.002, 0.008, 0.9835])
        set(.dateOfBirth, m: [0.88, 0.01, 0.015, 0.01, 0.04, 0.03, 0.015],
            u: [0.0002, 0.001, 0.0001, 0.0005, 0.003, 0.02, 0.9752])
        set(.sex, m: [0.98, 0.02], u: [0.5, 0.5])
        set(.postcode, m: [0.85, 0.04, 0.03, 0.01, 0.07], u: [0.0005, 0.003, 0.02, 0.002, 0.9745])
        set(.address, m: [0.7, 0.15, 0.07, 0.08], u: [0.0005, 0.001, 0.02, 0.9785])
        for field in [ComparisonField.nhsNumber, .uniquePupilNumber, .policeID, .socialCareID, .otherID] {
            set(field, m: [0.97, 0.02, 0.01], u: [0.000001, 0.00001, 0.999989])
        }
        return MatchWeights(m: m, u: u, matchPrior: 0.01)
    }()
}
