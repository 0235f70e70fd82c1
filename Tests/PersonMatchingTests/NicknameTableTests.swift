import Testing
@testable import PersonMatching

@Suite("Nicknames and Welsh/English forms")
struct NicknameTableTests {
    static let equivalentPairs: [(String, String)] = [
        ("Dai", "Dafydd"), ("Dafydd", "David"), ("Dave", "David"), ("Dewi", "David"), ("Bethan", "Beth"),
        ("Siôn", "John"), ("Gwilym", "William"), ("Bill", "William"), ("Ieuan", "Evan"), ("Sioned", "Janet"),
        ("Rhys", "Reece"), ("Megan", "Margaret"), ("Meg", "Megan"), ("Liz", "Elizabeth"), ("Beth", "Elizabeth"),
        ("Betsan", "Elizabeth"), ("Catrin", "Katherine"), ("Cathy", "Catrin"), ("Huw", "Hugh"), ("Owain", "Owen"),
        ("Iolo", "Iorwerth"), ("Bob", "Robert"), ("Siân", "Jane"), ("Gruff", "Gruffydd"), ("Tomos", "Tom"),
    ]

    @Test("Equivalent in the listed direction", arguments: equivalentPairs)
    func equivalentForwards(first: String, second: String) {
        #expect(NicknameTable.areEquivalent(first, second))
    }

    @Test("Equivalent in the reverse direction", arguments: equivalentPairs)
    func equivalentBackwards(first: String, second: String) {
        #expect(NicknameTable.areEquivalent(second, first))
    }

    @Test("Different names are not equivalent", arguments: [
        ("Osian", "Owain"), ("Bethan", "Elizabeth"), ("Dafydd", "Daniel"), ("Ffion", "Fiona"), ("Rhys", "Rhodri"),
        ("Megan", "Morgan"),
    ])
    func differentNamesNotEquivalent(first: String, second: String) {
        #expect(!NicknameTable.areEquivalent(first, second))
    }

    @Test func equivalentsListOtherFormsButNotTheNameItself() {
        let forms = NicknameTable.equivalents(of: "Dafydd")
        #expect(forms.contains("DAI"))
        #expect(forms.contains("DAVID"))
        #expect(!forms.contains("DAFYDD"))
    }

    @Test func nameOutsideTheTableHasNoEquivalents() {
        #expect(NicknameTable.equivalents(of: "Tirion").isEmpty)
    }

    @Test func nicknameMakesGivenNamesEquivalentInAComparison() {
        let comparison = PersonMatcher().compare(
            PersonRecord(recordID: "a", givenName: "Dai"), PersonRecord(recordID: "b", givenName: "Dafydd"))
        #expect(comparison.givenName == .nicknameEquivalent)
    }
}
