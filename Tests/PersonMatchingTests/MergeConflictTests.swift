import Testing
import PersonMatching

@Suite("Merge confirmation")
struct MergeConflictTests {
    @Test func differentNHSNumbersAreAConflict() {
        let conflicts = MergeConflict.conflicts(between: Children.osianHealth, and: Children.owainHealth)
        #expect(conflicts.contains(.nhsNumber("943 476 5919", "401 023 2137")))
    }

    @Test func mistypedNHSNumberIsNotAConflict() {
        var typo = Children.osianHealth
        typo.nhsNumber = "9434765918"
        #expect(MergeConflict.conflicts(between: Children.osianHealth, and: typo).isEmpty)
    }

    @Test func differentUPNsAreAConflict() {
        var other = Children.osianSchool
        other.uniquePupilNumber = "B987654321098"
        #expect(MergeConflict.conflicts(between: Children.osianSchool, and: other)
                == [.uniquePupilNumber("A123456789012", "B987654321098")])
    }

    @Test func birthDatesDifferingBeyondASwapAreAConflict() {
        var other = Children.osianSchool
        other.dateOfBirth = DateOfBirth(year: 2016, month: 3, day: 15)
        #expect(MergeConflict.conflicts(between: Children.osianSchool, and: other)
                == [.dateOfBirth(Children.twinBirthday, DateOfBirth(year: 2016, month: 3, day: 15))])
    }

    @Test func swappedDayAndMonthIsNotAConflict() {
        var other = Children.osianSchool
        other.dateOfBirth = DateOfBirth(year: 2016, month: 14, day: 3)
        #expect(MergeConflict.conflicts(between: Children.osianSchool, and: other).isEmpty)
    }

    @Test func placeholderBirthDateIsNotAConflict() {
        var other = Children.osianSchool
        other.dateOfBirth = DateOfBirth(year: 1900, month: 1, day: 1)
        #expect(MergeConflict.conflicts(between: Children.osianSchool, and: other).isEmpty)
    }

    @Test func missingValuesAreNeverConflicts() {
        #expect(MergeConflict.conflicts(between: Children.osianHealth, and: Children.osianSchool).isEmpty)
    }

    @Test func conflictsHaveStableKeys() {
        #expect(MergeConflict.nhsNumber("1", "2").key == "merge.conflict.nhsNumber")
    }
}
