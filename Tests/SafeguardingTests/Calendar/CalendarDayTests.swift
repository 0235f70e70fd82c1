import Foundation
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

    @Test("reads a date as a UK date control shows it, day first, with a four-digit year")
    func readsDayFirst() {
        #expect(CalendarDay(dayFirst: "27/03/2026") == CalendarDay(year: 2026, month: 3, day: 27))
        #expect(CalendarDay(dayFirst: "9.3.2014") == CalendarDay(year: 2014, month: 3, day: 9))
        #expect(CalendarDay(dayFirst: "09-03-2014") == CalendarDay(year: 2014, month: 3, day: 9))
        #expect(CalendarDay(dayFirst: "03/27/2026") == nil)
        #expect(CalendarDay(dayFirst: "27/03/26") == nil)
        #expect(CalendarDay(dayFirst: "31/04/2026") == nil)
        #expect(CalendarDay(dayFirst: "2026-03-27") == nil)
        #expect(CalendarDay(dayFirst: "27/+3/2026") == nil)
    }

    @Test func printsAsISO8601() {
        #expect(testDay(2025, 3, 9).description == "2025-03-09")
        #expect(testDay(812, 11, 30).description == "0812-11-30")
    }
}

@Suite("The day and time in Wales, worked out without a Calendar")
struct CalendarDayArithmeticTests {
    @Test("agrees with Foundation's calendar every 7 hours 13 minutes from 1890 to 2110, clock changes included")
    func agreesWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.londonTimeZone
        var instant = utcTime(1890, 1, 1)
        let end = utcTime(2110, 1, 1)
        var checked = 0
        while instant < end {
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
            let day = CalendarDay(instant, in: WorkingCalendar.londonTimeZone)
            #expect(day == CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!), "\(instant)")
            #expect(CalendarDay.secondsIntoDay(instant, in: WorkingCalendar.londonTimeZone)
                == parts.hour! * 3_600 + parts.minute! * 60 + parts.second!, "\(instant)")
            instant = instant.addingTimeInterval(7 * 3_600 + 13 * 60)
            checked += 1
        }
        #expect(checked > 250_000)
    }

    @Test("the hour either side of the clocks going back and forward")
    func clockChanges() {
        let zone = WorkingCalendar.londonTimeZone
        // 00:30 UTC on 30 March 2025 is 00:30 GMT; 01:30 UTC is 02:30 BST.
        #expect(CalendarDay.secondsIntoDay(utcTime(2025, 3, 30, 0, 30), in: zone) == 1_800)
        #expect(CalendarDay.secondsIntoDay(utcTime(2025, 3, 30, 1, 30), in: zone) == 2 * 3_600 + 1_800)
        // 23:30 UTC on 31 May is 00:30 on 1 June in London.
        #expect(CalendarDay(utcTime(2025, 5, 31, 23, 30), in: zone) == testDay(2025, 6, 1))
    }
}
