import Testing
@testable import PersonMatching

@Suite("Name normalisation")
struct NameNormaliserTests {
    @Test("Welsh circumflexes fold to plain letters", arguments: [
        ("Siôn", "SION"), ("Llŷr", "LLYR"), ("Siân", "SIAN"), ("Dŵr", "DWR"), ("Elên", "ELEN"), ("Gwenllïan", "GWENLLIAN"),
        ("Glyndŵr", "GLYNDWR"), ("Môn", "MON"), ("Ûna", "UNA"),
    ])
    func circumflexesFold(name: String, expected: String) {
        #expect(NameNormaliser.normalise(name) == expected)
    }

    @Test func caseAndSurroundingSpaceAreIgnored() {
        #expect(NameNormaliser.normalise("  bethan  ") == NameNormaliser.normalise("BETHAN"))
    }

    @Test func apostrophesJoinTheName() {
        #expect(NameNormaliser.normalise("O'Brien") == "OBRIEN")
        #expect(NameNormaliser.normalise("Rhodfa’r") == "RHODFAR")
    }

    @Test func hyphenatedSurnameSplitsIntoParts() {
        #expect(NameNormaliser.surnameParts("Jones-Williams") == ["JONES", "WILLIAMS"])
    }

    @Test func doubleSurnameWithSpaceSplitsIntoParts() {
        #expect(NameNormaliser.surnameParts("Lloyd George") == ["LLOYD", "GEORGE"])
    }

    @Test("Patronymic particles are dropped", arguments: [
        ("ap Gruffydd", ["GRUFFYDD"]), ("ab Owain", ["OWAIN"]), ("ferch Dafydd", ["DAFYDD"]), ("Ap Rhys", ["RHYS"]),
    ])
    func patronymicParticlesDropped(surname: String, parts: [String]) {
        #expect(NameNormaliser.surnameParts(surname) == parts)
    }

    @Test func particleAloneIsKeptRatherThanLeavingNothing() {
        #expect(NameNormaliser.surnameParts("Ap") == ["AP"])
    }

    @Test func patronymicInGivenNameFieldActsAsSurname() {
        let matcher = PersonMatcher()
        let wholeName = PersonRecord(recordID: "a", givenName: "Dafydd ap Gruffydd")
        let split = PersonRecord(recordID: "b", givenName: "Dafydd", surname: "Gruffydd")
        let comparison = matcher.compare(wholeName, split)
        #expect(comparison.givenName == .equal)
        #expect(comparison.surname == .equal)
    }

    @Test func apAndAnglicisedPatronymicAreEquivalentSurnames() {
        let comparison = PersonMatcher().compare(
            PersonRecord(recordID: "a", givenName: "Elin", surname: "ap Rhys"),
            PersonRecord(recordID: "b", givenName: "Elin", surname: "Price"))
        #expect(comparison.surname == .patronymicEquivalent)
    }

    @Test func oneSharedPartOfDoubleSurnameIsRecognised() {
        let comparison = PersonMatcher().compare(
            PersonRecord(recordID: "a", givenName: "Cerys", surname: "Jones-Williams"),
            PersonRecord(recordID: "b", givenName: "Cerys", surname: "Williams"))
        #expect(comparison.surname == .sharesPart)
    }
}
