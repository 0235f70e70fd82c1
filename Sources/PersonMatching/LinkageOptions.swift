/// Settings for a whole-file linkage run.
public struct LinkageOptions: Sendable, Hashable {
    /// Which pairs may be linked.
    public enum Mode: Sendable, Hashable {
        /// Any two records may be the same person (one agency's duplicates too).
        case deduplicate
        /// Only records from different `source` values are paired, for linking
        /// one extract against another.
        case acrossSourcesOnly
    }

    public var mode: Mode
    /// Minimum match probability for a pair to be written out.
    public var threshold: Double
    /// Blocks larger than this are skipped: a key shared by thousands of people
    /// (a placeholder value, a very common name) finds no useful pairs and would
    /// make the run quadratic. Other rules still cover those people.
    public var maximumBlockSize: Int
    public var familyRules: FamilyRules
    /// When the sibling and twin rules are used.
    public enum FamilyRulePolicy: Sendable, Hashable {
        case always
        /// Only when the file holds households: at least one sibling-like pair
        /// (same surname and home, different given name and birth date) per
        /// hundred records. Extracts of unrelated individuals (such as the FEBRL
        /// test sets) have none, and there a replaced given name is a data error
        /// rather than a brother or sister.
        case whenHouseholdsPresent
    }
    public var familyRulePolicy: FamilyRulePolicy
    public var estimation: WeightEstimation.Options
    /// Most candidate pairs whose comparison patterns train EM; larger runs
    /// learn from an even sample of this many.
    public var trainingSampleLimit: Int
    /// Random pairs drawn to estimate u-probabilities before EM.
    public var randomPairSample: Int
    /// Starting weights for EM (and the weights used if EM is switched off).
    public var startingWeights: MatchWeights
    /// Learn weights from the file by EM; when `false`, `startingWeights` are used as they are.
    public var learnsWeights: Bool

    public init(mode: Mode = .deduplicate, threshold: Double = 0.5, maximumBlockSize: Int = 1000,
                familyRules: FamilyRules = .standard, familyRulePolicy: FamilyRulePolicy = .whenHouseholdsPresent,
                estimation: WeightEstimation.Options = .init(),
                trainingSampleLimit: Int = 40_000, randomPairSample: Int = 1_500, startingWeights: MatchWeights = .standard, learnsWeights: Bool = true) {
        self.mode = mode
        self.threshold = threshold
        self.maximumBlockSize = maximumBlockSize
        self.familyRules = familyRules
        self.familyRulePolicy = familyRulePolicy
        self.estimation = estimation
        self.trainingSampleLimit = trainingSampleLimit
        self.randomPairSample = randomPairSample
        self.startingWeights = startingWeights
        self.learnsWeights = learnsWeights
    }
}
