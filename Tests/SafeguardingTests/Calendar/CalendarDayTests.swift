import Testing
@testable import Safeguarding

struct CalendarDayTests {
    @Test func rejectsDaysThatDoNotExist() {
        #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2025, month: 4, day: 31) == nil)
        #expect(CalendarDay(year: 2025, month: 13, day: 1) == nil)
        #expect(CalendarDay(year: 2025, month: 1, day: 0) == nil)
        #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDay(year: 2024, month: 2, day: 29) != nil)
    }

    @Test func knowsWeekdays() {
        #expect(testDay(1970, 1, 1).weekday == .thursday)
        #expect(testDay(2025, 12, 25).weekday == .thursday)
        #expect(testDay(2021, 12, 25).weekday == .saturday)
        #expect(testDay(2022, 12, 25).weekday == .sunday)
        #expect(testDay(2000, 1, 1).weekday == .saturday)
        #expect(testDay(1900, 1, 1).weekday == .monday)
        #expect(testDay(2026, 11, 23).weekday == .monday)
    }

    @Test func dayNumbersRoundTripAcrossCenturies() {
        var previous = testDay(1799, 12, 24)
        var failures: [Int] = []
        for number in (previous.dayNumber + 1)...(previous.dayNumber + 200_000) {
            let rebuilt = CalendarDay(dayNumber: number)
            if rebuilt.dayNumber != number || !(rebuilt > previous) || CalendarDay(year: rebuilt.year, month: rebuilt.month, day: rebuilt.day) == nil {
                failures.append(number)
            }
            previous = rebuilt
        }
        #expect(failures.isEmpty)
        #expect(testDay(1970, 1, 1).dayNumber == 0)
        #expect(testDay(2000, 3, 1).days(to: testDay(2001, 3, 1)) == 365)
        #expect(testDay(2024, 2, 28).adding(days: 1) == testDay(2024, 2, 29))
        #expect(testDay(2023, 2, 28).adding(days: 1) == testDay(2023, 3, 1))
        #expect(testDay(2025, 12, 31).adding(days: 1) == testDay(2026, 1, 1))
    }

    @Test func findsNeighbouringWeekdays() {
        #expect(testDay(2025, 5, 1).nextOrSame(.monday) == testDay(2025, 5, 5))
        #expect(testDay(2026, 5, 4).nextOrSame(.monday) == testDay(2026, 5, 4))
        #expect(testDay(2025, 5, 31).previousOrSame(.monday) == testDay(2025, 5, 26))
        #expect(testDay(2026, 8, 31).previousOrSame(.monday) == testDay(2026, 8, 31))
    }

    @Test func printsAsISO8601() {
        #expect(testDay(2025, 3, 9).description == "2025-03-09")
        #expect(testDay(812, 11, 30).description == "0812-11-30")
    }
}
