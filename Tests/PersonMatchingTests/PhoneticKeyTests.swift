import Testing
@testable import PersonMatching

@Suite("Welsh-aware phonetic keys")
struct PhoneticKeyTests {
    @Test("Spelling variants share a key", arguments: [
        ("Gruffydd", "Griffith"), ("Llywelyn", "Lewelin"), ("Siôn", "Shaun"), ("Rhys", "Reece"), ("Ffion", "Fion"),
        ("Gwyn", "Gwynn"), ("Dafydd", "Dafyth"), ("Owain", "Owen"), ("Meredydd", "Meredith"), ("Phillips", "Filips"),
        ("Rhydderch", "Ridderch"),
    ])
    func variantsShareKey(first: String, second: String) {
        #expect(PhoneticKey.encode(first) == PhoneticKey.encode(second))
    }

    @Test("Different names keep different keys", arguments: [
        ("Dafydd", "Dylan"), ("Gethin", "Gareth"), ("Cerys", "Carys"), ("Huw", "Hywel"), ("Lowri", "Lewis"),
    ])
    func differentNamesDiffer(first: String, second: String) {
        #expect(PhoneticKey.encode(first) != PhoneticKey.encode(second))
    }

    @Test func welshDoubleDSoundsLikeTh() {
        #expect(PhoneticKey.encode("Gruffydd").hasSuffix("0"))
        #expect(PhoneticKey.encode("Griffith").hasSuffix("0"))
    }

    @Test func welshChIsNotAnEnglishK() {
        #expect(PhoneticKey.encode("Fychan") != PhoneticKey.encode("Fykan"))
    }

    @Test func keyIsCappedAtSixCharacters() {
        #expect(PhoneticKey.encode("Cadwaladrwyntrefnydd").count <= 6)
    }

    @Test func emptyNameGivesEmptyKey() {
        #expect(PhoneticKey.encode("").isEmpty)
        #expect(PhoneticKey.encode("-").isEmpty)
    }
}
