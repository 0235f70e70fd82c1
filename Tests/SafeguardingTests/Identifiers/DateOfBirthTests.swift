import Foundation
import Testing
@testable import Safeguarding

struct DateOfBirthTests {
    let today = testDay(2025, 11, 23)

    @Test func acceptsPastDatesInCommonForms() throws {
        for text in ["2014-03-09", "09/03/2014", "9/3/2014", "09-03-2014", "09.03.2014", " 9/3/2014 "] {
            #expect(try DateOfBirth(text, asOf: today).day == testDay(2014, 3, 9), "\(text)")
        }
        #expect(try DateOfBirth(today, asOf: today).day == today)
    }

    @Test func rejectsImpossibleDates() {
        #expect(throws: IdentifierError.dateInFuture) { try DateOfBirth(testDay(2025, 11, 24), asOf: today) }
        #expect(throws: IdentifierError.dateInFuture) { try DateOfBirth("01/01/2026", asOf: today) }
        #expect(throws: IdentifierError.dateImplausiblyOld) { try DateOfBirth("09/03/1014", asOf: today) }
        #expect(throws: IdentifierError.invalidDate) { try DateOfBirth("31/04/2014", asOf: today) }
        #expect(throws: IdentifierError.invalidDate) { try DateOfBirth("29/02/2023", asOf: today) }
        #expect(throws: IdentifierError.invalidFormat) { try DateOfBirth("09/03/14", asOf: today) }
        #expect(throws: IdentifierError.invalidFormat) { try DateOfBirth("2014/03", asOf: today) }
        #expect(throws: IdentifierError.invalidCharacters) { try DateOfBirth("9 March 2014", asOf: today) }
        #expect(throws: IdentifierError.empty) { try DateOfBirth("  ", asOf: today) }
    }

    @Test func ageInWholeYears() throws {
        let birth = try DateOfBirth(testDay(2014, 3, 9), asOf: today)
        #expect(birth.age(on: testDay(2025, 3, 8)) == 10)
        #expect(birth.age(on: testDay(2025, 3, 9)) == 11)
        #expect(birth.age(on: today) == 11)
        #expect(birth.age(on: testDay(2014, 3, 9)) == 0)
        #expect(birth.age(on: testDay(2010, 1, 1)) == 0)
    }

    @Test func leapDayBirthdaysCountFromFirstMarch() throws {
        let birth = try DateOfBirth(testDay(2008, 2, 29), asOf: today)
        #expect(birth.age(on: testDay(2025, 2, 28)) == 16)
        #expect(birth.age(on: testDay(2025, 3, 1)) == 17)
        #expect(birth.age(on: testDay(2024, 2, 29)) == 16)
        #expect(birth.isChild(on: testDay(2026, 2, 28)))
        #expect(!birth.isChild(on: testDay(2026, 3, 1)))
    }

    @Test func childUntilTheEighteenthBirthday() throws {
        let birth = try DateOfBirth(testDay(2007, 11, 24), asOf: today)
        #expect(birth.isChild(on: today))
        #expect(!birth.isChild(on: testDay(2025, 11, 24)))
    }

    @Test func encodesAsISODate() throws {
        let birth = try DateOfBirth(testDay(2014, 3, 9), asOf: today)
        let data = try JSONEncoder().encode(birth)
        #expect(String(decoding: data, as: UTF8.self) == "\"2014-03-09\"")
        #expect(try JSONDecoder().decode(DateOfBirth.self, from: data) == birth)
        #expect(CalendarDay(iso8601: "2014-3-9") == nil)
        #expect(CalendarDay(iso8601: "2014-02-30") == nil)
    }
}
