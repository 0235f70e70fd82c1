import Foundation
import Safeguarding

/// Times of day a test can give as "held today" that are always in the past and in order,
/// whatever the time the suite runs: a fixed "00:01" is in the future for the first
/// minute after midnight, and a fixed "09:30" for the whole morning (the browser walk
/// failed in CI at 00:40 that way). The first is four minutes before now, so a run just
/// after midnight holds them late yesterday, still after anything held earlier yesterday.
struct RecentMinutes {
    let calendar: WorkingCalendar
    private let first: Date

    init(calendar: WorkingCalendar, now: Date = Date()) {
        self.calendar = calendar
        let minute = (now.timeIntervalSince1970 / 60).rounded(.down) * 60
        first = Date(timeIntervalSince1970: minute - 4 * 60)
    }

    /// The `index`th of four successive minutes (0 to 3), as the instant it names.
    func instant(_ index: Int) -> Date {
        precondition((0...3).contains(index), "only four minutes are before now")
        return first.addingTimeInterval(Double(index) * 60)
    }

    /// The day a form's date field takes for the `index`th minute.
    func day(_ index: Int) -> CalendarDay { CalendarDay(instant(index), in: calendar.timeZone) }

    /// The "HH:mm" a form's time field takes for the `index`th minute, on London's clock.
    func time(_ index: Int) -> String {
        var clock = Calendar(identifier: .gregorian)
        clock.timeZone = calendar.timeZone
        let parts = clock.dateComponents([.hour, .minute], from: instant(index))
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
