import Testing
import PersonMatching

@Suite("Dates of birth")
struct DateOfBirthTests {
    let born = DateOfBirth(year: 2014, month: 3, day: 9)

    @Test func identicalDatesAreEqual() {
        #expect(DateOfBirthAgreement.compare(born, DateOfBirth(year: 2014, month: 3, day: 9)) == .equal)
    }

    @Test func dayAndMonthSwappedIsRecognised() {
        #expect(DateOfBirthAgreement.compare(born, DateOfBirth(year: 2014, month: 9, day: 3)) == .dayMonthSwapped)
    }

    @Test func swapThatProducesAnImpossibleMonthIsStillRecognised() {
        let recorded = DateOfBirth(year: 2014, month: 3, day: 25)
        #expect(DateOfBirthAgreement.compare(recorded, DateOfBirth(year: 2014, month: 25, day: 3)) == .dayMonthSwapped)
    }

    @Test func yearOffByOneIsRecognised() {
        #expect(DateOfBirthAgreement.compare(born, DateOfBirth(year: 2015, month: 3, day: 9)) == .yearOffByOne)
    }

    @Test func singleMistypedDigitIsRecognised() {
        #expect(DateOfBirthAgreement.compare(born, DateOfBirth(year: 2014, month: 3, day: 8)) == .oneDigitDiffers)
    }

    @Test func transposedYearDigitsCountAsOneKeystroke() {
        #expect(DateOfBirthAgreement.compare(born, DateOfBirth(year: 2041, month: 3, day: 9)) == .oneDigitDiffers)
    }

    @Test func unrelatedDatesDiffer() {
        #expect(DateOfBirthAgreement.compare(born, DateOfBirth(year: 2011, month: 11, day: 27)) == .differs)
    }

    @Test("Placeholder dates are recognised", arguments: [
        DateOfBirth(year: 2012, month: 1, day: 1), DateOfBirth(year: 1900, month: 1, day: 1),
        DateOfBirth(year: 1900, month: 6, day: 15),
    ])
    func placeholdersRecognised(date: DateOfBirth) {
        #expect(date.isPlaceholder)
    }

    @Test func sharedPlaceholderCountsOnlyAsWeakAgreement() {
        let placeholder = DateOfBirth(year: 1900, month: 1, day: 1)
        #expect(DateOfBirthAgreement.compare(placeholder, placeholder) == .equalPlaceholder)
        let weights = MatchWeights.standard
        #expect(weights.bayesFactorLog2(.dateOfBirth, level: Int(DateOfBirthAgreement.equalPlaceholder.rawValue))
                < weights.bayesFactorLog2(.dateOfBirth, level: Int(DateOfBirthAgreement.equal.rawValue)) - 5)
    }

    @Test func placeholderAgainstRealDateIsNotCountedAgainstTheMatch() {
        #expect(DateOfBirthAgreement.compare(DateOfBirth(year: 1900, month: 1, day: 1), born) == .notCompared)
    }

    @Test func missingDateIsNotCompared() {
        #expect(DateOfBirthAgreement.compare(nil, born) == .notCompared)
    }

    @Test("Accepted date formats", arguments: ["2014-03-09", "20140309", "09/03/2014", "09.03.2014"])
    func parsesFormats(text: String) {
        #expect(DateOfBirth(parsing: text) == DateOfBirth(year: 2014, month: 3, day: 9))
    }

    @Test("Rejected date text", arguments: ["", "2014-03", "unknown", "2014-03-091", "1066-10-14"])
    func rejectsMalformed(text: String) {
        #expect(DateOfBirth(parsing: text) == nil)
    }
}
