import Testing
@testable import PersonMatching

@Suite("Expectation–maximisation")
struct WeightEstimationTests {
    /// The synthetic model has no households, so the sibling and twin rules stay out of it.
    let withoutFamilies = FamilyRules(detectsFamilies: false)

    /// Builds pattern counts from a known two-class model: given name and surname
    /// agree for 95% of matches and 2% of non-matches, date of birth for 90% / 0.5%.
    func syntheticPatterns(matches: Int, nonMatches: Int) -> [UInt64: Int] {
        var generator = SplitMix64(seed: 42)
        var counts: [UInt64: Int] = [:]
        func draw(_ p: Double) -> Bool { Double(generator.next() % 1_000_000) / 1_000_000 < p }
        for index in 0..<(matches + nonMatches) {
            let isMatch = index < matches
            var comparison = PairComparison()
            comparison.givenName = draw(isMatch ? 0.95 : 0.02) ? .equal : .differs
            comparison.surname = draw(isMatch ? 0.95 : 0.02) ? .equal : .differs
            comparison.dateOfBirth = draw(isMatch ? 0.90 : 0.005) ? .equal : .differs
            comparison.sex = draw(isMatch ? 0.99 : 0.5) ? .equal : .differs
            counts[comparison.pattern, default: 0] += 1
        }
        return counts
    }

    @Test func recoversTheMatchShare() {
        let result = WeightEstimation.expectationMaximisation(
            patternCounts: syntheticPatterns(matches: 2_000, nonMatches: 18_000), starting: .standard,
            familyRules: withoutFamilies)
        #expect(abs(result.weights.matchPrior - 0.1) < 0.01)
    }

    @Test func recoversSensibleMAndUForAgreement() {
        let result = WeightEstimation.expectationMaximisation(
            patternCounts: syntheticPatterns(matches: 2_000, nonMatches: 18_000), starting: .standard,
            familyRules: withoutFamilies)
        let equal = Int(GivenNameAgreement.equal.rawValue)
        let m = result.weights.m[ComparisonField.givenName.rawValue][equal]
        let u = result.weights.u[ComparisonField.givenName.rawValue][equal]
        #expect(abs(m - 0.95) < 0.03)
        #expect(abs(u - 0.02) < 0.01)
    }

    @Test func convergesWithinTheIterationLimit() {
        let result = WeightEstimation.expectationMaximisation(
            patternCounts: syntheticPatterns(matches: 500, nonMatches: 9_500), starting: .standard,
            familyRules: withoutFamilies)
        #expect(result.converged)
        #expect(result.iterations < 200)
    }

    @Test func agreementWeightsArePositiveAndDisagreementNegative() {
        let result = WeightEstimation.expectationMaximisation(
            patternCounts: syntheticPatterns(matches: 1_000, nonMatches: 9_000), starting: .standard,
            familyRules: withoutFamilies)
        #expect(result.weights.bayesFactorLog2(.dateOfBirth, level: Int(DateOfBirthAgreement.equal.rawValue)) > 5)
        #expect(result.weights.bayesFactorLog2(.dateOfBirth, level: Int(DateOfBirthAgreement.differs.rawValue)) < -2)
    }

    @Test func unmatchedProbabilitiesFromRandomPairsReflectRareAgreement() {
        var pool = StringPool()
        let names = ["Aled", "Bethan", "Cerys", "Dylan", "Elin", "Ffion", "Gethin", "Heledd", "Iwan", "Lowri"]
        let people = (0..<400).map { index in
            PreparedPerson(PersonRecord(recordID: "\(index)", givenName: names[index % names.count],
                                        surname: "Family\(index)"), pool: &pool)
        }
        let u = WeightEstimation.unmatchedProbabilities(people: people, pool: pool, pairCount: 20_000, seed: 1,
                                                        prior: .standard)
        let equalGiven = u[ComparisonField.givenName.rawValue][Int(GivenNameAgreement.equal.rawValue)]
        // Ten names evenly spread: about one random pair in ten shares a given name.
        #expect(abs(equalGiven - 0.1) < 0.02)
    }

    @Test func estimateFromRecordsLearnsWeightsThatSeparateDuplicates() {
        let records = SmallPartnership.records()
        let matcher = PersonMatcher(scorer: MatchScorer(weights: WeightEstimation.estimate(from: records).weights))
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.recordID, $0) })
        // Child 7's two records (surname misspelt at school) against two different children.
        #expect(matcher.assess(byID["H7"]!, byID["E7"]!).isMatch)
        #expect(!matcher.assess(byID["H7"]!, byID["H8"]!).isMatch)
        #expect(matcher.assess(byID["H7"]!, byID["E7"]!).matchWeight > matcher.assess(byID["H7"]!, byID["E8"]!).matchWeight)
    }
}
