import Testing
import PersonMatching

@Suite("Reason keys")
struct MatchReasonTests {
    @Test func reasonKeysAreStable() {
        #expect(MatchReason.nhsNumberEqual.key == "match.reason.nhsNumberEqual")
        #expect(MatchReason.dateOfBirthDayMonthSwapped.key == "match.reason.dateOfBirthDayMonthSwapped")
        #expect(RefusalReason.noNameAndNoIdentifier.key == "match.refusal.noNameAndNoIdentifier")
    }

    @Test func everyReasonHasADistinctKey() {
        #expect(Set(MatchReason.allCases.map(\.key)).count == MatchReason.allCases.count)
    }

    @Test func conflictReasonsSpeakAgainstAMatch() {
        #expect(!MatchReason.nhsNumberConflicts.supportsMatch)
        #expect(MatchReason.surnameSoundsAlike.supportsMatch)
    }

    @Test func swappedDateIsGivenAsAReason() {
        var swapped = Children.osianSchool
        swapped.dateOfBirth = DateOfBirth(year: 2016, month: 14, day: 3)
        #expect(PersonMatcher().assess(Children.osianHealth, swapped).reasons.contains(.dateOfBirthDayMonthSwapped))
    }

    @Test func surnameSoundingAlikeIsGivenAsAReason() {
        let comparison = PersonMatcher().assess(
            PersonRecord(recordID: "a", givenName: "Aled", surname: "Gruffydd"),
            PersonRecord(recordID: "b", givenName: "Aled", surname: "Griffith"))
        #expect(comparison.reasons.contains(.surnameSoundsAlike) || comparison.reasons.contains(.surnameSpelledSimilarly))
    }
}
