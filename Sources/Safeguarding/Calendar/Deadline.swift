import Foundation

/// When a piece of work is due, and from when it counts as "due soon".
///
/// A deadline is an instant (stored as UTC) plus the local time zone needed to
/// say whether it is due *today* for the worker looking at the queue. The "due
/// soon" threshold is decided when the deadline is made, because only the
/// `WorkingCalendar` knows which day is the previous working day; a deadline
/// built without a calendar treats the last 48 hours as due soon.
public struct Deadline: Sendable, Hashable, Comparable, Codable {
    public let due: Date
    public let dueSoonFrom: Date
    public let timeZone: TimeZone

    public init(due: Date, dueSoonFrom: Date? = nil, timeZone: TimeZone = WorkingCalendar.londonTimeZone) {
        self.due = due
        self.dueSoonFrom = min(dueSoonFrom ?? due.addingTimeInterval(-48 * 3_600), due)
        self.timeZone = timeZone
    }

    /// The status at `now`. Work is overdue only once the due instant has passed,
    /// so something due at 14:30 is still "due today" at 14:30:00.
    public func status(at now: Date) -> DeadlineStatus {
        let remaining = due.timeIntervalSince(now)
        if remaining < 0 { return .overdue(by: -remaining) }

        // Days on the clock, not a `Calendar`: every line of the hub queue asks this.
        let today = CalendarDay(now, in: timeZone), dueDay = CalendarDay(due, in: timeZone)
        // A deadline at midnight means "by the end of today", not "some time tomorrow".
        let isMidnight = CalendarDay.secondsIntoDay(due, in: timeZone) == 0
            && due.timeIntervalSince1970 == due.timeIntervalSince1970.rounded(.down)
        if dueDay <= today || (dueDay == today.adding(days: 1) && isMidnight) { return .dueToday(remaining: remaining) }
        if now >= dueSoonFrom { return .dueSoon(remaining: remaining) }
        return .onTrack(remaining: remaining)
    }

    public static func < (lhs: Deadline, rhs: Deadline) -> Bool {
        lhs.due < rhs.due
    }
}
