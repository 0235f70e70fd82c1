import Foundation
import Testing
@testable import Safeguarding

/// Days and times are worked out from the zone's offset rather than by Foundation's
/// `Calendar` (it is on every line of every queue). These tests hold the arithmetic to
/// Foundation's answers on every day of several years, clock changes included.
struct ClockArithmeticTests {
    let calendar = WorkingCalendar()

    private var foundation: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.londonTimeZone
        return calendar
    }

    @Test func instantsAgreeWithFoundationOnEveryDayFrom2024To2030() {
        var day = testDay(2024, 1, 1)
        var checked = 0
        while day < testDay(2031, 1, 1) {
            for (hour, minute) in [(0, 0), (8, 30), (9, 0), (17, 0), (23, 59)] {
                let expected = foundation.date(
                    from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))!
                #expect(calendar.date(on: day, at: TimeOfDay(hour: hour, minute: minute)!) == expected, "\(day) \(hour):\(minute)")
                checked += 1
            }
            day = day.adding(days: 1)
        }
        #expect(checked == 2_557 * 5)
    }

    @Test func theDayOfAnInstantAgreesWithFoundationEveryHalfHourAcrossBothClockChanges() {
        // Saturday to Tuesday around 30 March and 26 October 2025, in half-hour steps.
        for start in [utcTime(2025, 3, 29), utcTime(2025, 10, 25)] {
            for step in 0..<(4 * 48) {
                let instant = start.addingTimeInterval(Double(step) * 1_800)
                let parts = foundation.dateComponents([.year, .month, .day], from: instant)
                #expect(calendar.day(of: instant) == testDay(parts.year!, parts.month!, parts.day!), "\(instant)")
            }
        }
    }

    @Test func dueTodayAcrossTheNightTheClocksGoBack() {
        // Sunday 26 October 2025 is 25 hours long: due at 23:30 that night is still today at 00:30.
        let deadline = Deadline(due: londonTime(2025, 10, 26, 23, 30), dueSoonFrom: londonTime(2025, 10, 24, 0))
        #expect(deadline.status(at: londonTime(2025, 10, 26, 0, 30)).key == "deadline.status.dueToday")
        // Due at midnight at the end of that Sunday is "by the end of today", not tomorrow.
        let midnight = Deadline(due: londonTime(2025, 10, 27, 0), dueSoonFrom: londonTime(2025, 10, 24, 0))
        #expect(midnight.status(at: londonTime(2025, 10, 26, 1, 30)).key == "deadline.status.dueToday")
        // A minute past that midnight belongs to Monday.
        let monday = Deadline(due: londonTime(2025, 10, 27, 0, 1), dueSoonFrom: londonTime(2025, 10, 24, 0))
        #expect(monday.status(at: londonTime(2025, 10, 26, 1, 30)).key == "deadline.status.dueSoon")
    }

    @Test func dueTodayOnTheShortDayTheClocksGoForward() {
        let deadline = Deadline(due: londonTime(2025, 3, 30, 23), dueSoonFrom: londonTime(2025, 3, 28, 0))
        #expect(deadline.status(at: londonTime(2025, 3, 30, 0, 30)).key == "deadline.status.dueToday")
        #expect(deadline.status(at: londonTime(2025, 3, 29, 23, 30)).key == "deadline.status.dueSoon")
    }
}
