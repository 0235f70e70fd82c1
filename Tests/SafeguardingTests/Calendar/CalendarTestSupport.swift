import Foundation
@testable import Safeguarding

/// Builds a calendar day from literal values known to be valid.
func testDay(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
    CalendarDay(year: year, month: month, day: day)!
}

/// An instant given as Europe/London wall-clock time.
func londonTime(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    instant(year, month, day, hour, minute, zone: WorkingCalendar.londonTimeZone)
}

/// An instant given as UTC, to check what is actually stored.
func utcTime(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    instant(year, month, day, hour, minute, zone: TimeZone(identifier: "UTC")!)
}

private func instant(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
}
