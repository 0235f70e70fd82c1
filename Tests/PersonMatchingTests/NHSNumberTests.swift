import Testing
import PersonMatching

@Suite("NHS numbers and other identifiers")
struct NHSNumberTests {
    @Test("Valid NHS numbers pass the mod-11 check", arguments: ["9434765919", "943 476 5919", "401-023-2137"])
    func validNumbersPass(number: String) {
        #expect(NHSNumber.isValid(number))
    }

    @Test("Invalid NHS numbers fail", arguments: ["9434765918", "943476591", "94347659190", "943476591X", ""])
    func invalidNumbersFail(number: String) {
        #expect(!NHSNumber.isValid(number))
    }

    @Test func checkDigitIsComputedFromTheFirstNineDigits() {
        #expect(NHSNumber.checkDigit(forFirstNine: [9, 4, 3, 4, 7, 6, 5, 9, 1]) == 9)
    }

    @Test func prefixWhoseCheckWouldBeTenIsNeverIssued() {
        // 6 × weight 2 = 12, remainder 1, so the check digit would have to be 10.
        #expect(NHSNumber.checkDigit(forFirstNine: [0, 0, 0, 0, 0, 0, 0, 0, 6]) == nil)
    }

    @Test func mistypedNumberNextToValidOneIsATypo() {
        #expect(IdentifierAgreement.compareNHSNumbers("9434765919", "9434765918") == .nearlyEqual)
    }

    @Test func twoValidNumbersThatDifferConflict() {
        #expect(IdentifierAgreement.compareNHSNumbers("9434765919", "4010232137") == .conflicts)
    }

    @Test func formattingDoesNotCreateAConflict() {
        #expect(IdentifierAgreement.compareNHSNumbers("943 476 5919", "9434765919") == .equal)
    }

    @Test func upnTypoIsNearlyEqual() {
        #expect(IdentifierAgreement.compare("A123456789012", "A123456789013") == .nearlyEqual)
    }

    @Test func missingIdentifierIsNotCompared() {
        #expect(IdentifierAgreement.compare(nil, "A123456789012") == .notCompared)
    }
}
