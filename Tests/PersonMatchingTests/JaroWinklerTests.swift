import Testing
@testable import PersonMatching

@Suite("Jaro–Winkler similarity")
struct JaroWinklerTests {
    /// Reference values from Winkler (1990) and the usual textbook examples.
    @Test("Matches published values", arguments: [
        ("MARTHA", "MARHTA", 0.9611), ("DWAYNE", "DUANE", 0.8400), ("DIXON", "DICKSONX", 0.8133),
        ("JONES", "JOHNSON", 0.8323),
    ])
    func publishedValues(first: String, second: String, expected: Double) {
        #expect(abs(JaroWinkler.similarity(first, second) - expected) < 0.0005)
    }

    @Test func identicalNamesScoreOne() {
        #expect(JaroWinkler.similarity("Angharad", "angharad") == 1)
    }

    @Test func emptyNameScoresZero() {
        #expect(JaroWinkler.similarity("", "Nia") == 0)
    }

    @Test func namesWithNoLettersInCommonScoreZero() {
        #expect(JaroWinkler.similarity("Nia", "Bob") == 0)
    }

    @Test func similarityIsSymmetric() {
        #expect(JaroWinkler.similarity("Rhiannon", "Rhian") == JaroWinkler.similarity("Rhian", "Rhiannon"))
    }

    @Test func sharedPrefixRaisesTheScore() {
        // Same letters transposed, but only one pair keeps a common start.
        #expect(JaroWinkler.similarity("Catrin", "Catrni") > JaroWinkler.similarity("Catrin", "aCtrin"))
    }

    @Test func typoInGivenNameIsClassedAsSpelledSimilarly() {
        let comparison = PersonMatcher().compare(
            PersonRecord(recordID: "a", givenName: "Angharad"), PersonRecord(recordID: "b", givenName: "Angahrad"))
        #expect(comparison.givenName == .spelledSimilarly)
    }
}
