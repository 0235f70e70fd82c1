import Safeguarding
import Testing

@Suite("What a search for a child must give")
struct ChildSearchTermsTests {
    @Test("separators, a single letter and nothing at all are no search, for anyone")
    func noRealTerm() {
        for text in ["%", "_", ",", " , % _ ", "\\", "a", "7", ""] {
            for everyRecord in [true, false] {
                #expect(ChildSearchTerms.refusal(text: text, hasDateOfBirth: false, readsEveryRecord: everyRecord) == .noRealTerm,
                    "\(text.debugDescription)")
            }
        }
    }

    @Test("those who read every record search by name, or by a date of birth alone")
    func hubSearches() {
        #expect(ChildSearchTerms.refusal(text: "jones", hasDateOfBirth: false, readsEveryRecord: true) == nil)
        #expect(ChildSearchTerms.refusal(text: "Ôwen", hasDateOfBirth: false, readsEveryRecord: true) == nil)
        #expect(ChildSearchTerms.refusal(text: "", hasDateOfBirth: true, readsEveryRecord: true) == nil)
    }

    @Test("those who read only their agency's children give a name with a date of birth, or an identifier")
    func leadSearches() {
        #expect(ChildSearchTerms.refusal(text: "jones", hasDateOfBirth: false, readsEveryRecord: false) == .nameNeedsDateOfBirth)
        #expect(ChildSearchTerms.refusal(text: "", hasDateOfBirth: true, readsEveryRecord: false) == .nameNeedsDateOfBirth)
        #expect(ChildSearchTerms.refusal(text: "jones", hasDateOfBirth: true, readsEveryRecord: false) == nil)
        #expect(ChildSearchTerms.refusal(text: "943 476 5919", hasDateOfBirth: false, readsEveryRecord: false) == nil)
        #expect(ChildSearchTerms.refusal(text: "A123456789012", hasDateOfBirth: false, readsEveryRecord: false) == nil)
    }
}
