import Foundation
import Safeguarding

/// A deadline in words and a date, never a colour alone: "due in 3 hours – Tuesday
/// 3 March 2026, 2:30pm", "overdue by 2 hours – was due …" (ui.md). The date is
/// written as every other date on the page is (`DateWording.dateTime`), with the
/// weekday in front because a deadline is planned around the working week.
enum DeadlineWording {
    static func describe(_ due: Date, now: Date, language: Language, catalogue: Catalogue) -> String {
        let seconds = due.timeIntervalSince(now)
        let span = duration(abs(seconds), language: language, catalogue: catalogue)
        let when = weekday(due, language, catalogue) + " " + DateWording.dateTime(due, language)
        return seconds >= 0
            ? catalogue.text("deadline.due_in", language, [span, when])
            : catalogue.text("deadline.overdue_by", language, [span, when])
    }

    static func duration(_ seconds: TimeInterval, language: Language, catalogue: Catalogue) -> String {
        let minutes = Int(seconds / 60)
        if minutes < 60 { return catalogue.counted("duration.minutes", max(minutes, 1), language) }
        let hours = minutes / 60
        if hours < 48 { return catalogue.counted("duration.hours", hours, language) }
        return catalogue.counted("duration.days", hours / 24, language)
    }

    static func weekday(_ date: Date, _ language: Language, _ catalogue: Catalogue) -> String {
        let day = CalendarDay(date, in: WorkingCalendar.londonTimeZone)
        return catalogue.text("weekday.\(day.weekday.rawValue)", language)
    }
}
