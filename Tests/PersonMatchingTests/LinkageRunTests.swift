import Testing
@testable import PersonMatching

@Suite("Bulk scoring")
struct LinkageRunTests {
    @Test func skippingHopelessPairsLosesNoMatch() {
        let run = LinkageRun(records: SmallPartnership.records(children: 250), options: LinkageOptions())
        let candidates = run.candidatePairs()
        let patterns = run.patterns(for: candidates)
        let rules = run.familyRules(patterns: patterns)
        let scorer = MatchScorer(weights: run.learnWeights(patterns: patterns, familyRules: rules).weights,
                                 familyRules: rules)
        let everyPairScored = zip(candidates, patterns).filter { scorer.score(pattern: $0.1).probability >= 0.5 }
        let pruned = run.matches(among: candidates, scorer: scorer)
        #expect(!pruned.isEmpty)
        #expect(pruned.map(\.pair) == everyPairScored.map(\.0))
    }

    @Test func trainingSampleIsCappedAndSpreadAcrossAllPairs() {
        var options = LinkageOptions()
        options.trainingSampleLimit = 100
        let run = LinkageRun(records: SmallPartnership.records(children: 300), options: options)
        let candidates = run.candidatePairs()
        let sample = run.trainingSample(of: candidates)
        #expect(candidates.count > 100)
        #expect(sample.count == 100)
        #expect(sample.first == candidates.first)
        #expect(sample.last! > candidates[candidates.count * 9 / 10])
    }
}
