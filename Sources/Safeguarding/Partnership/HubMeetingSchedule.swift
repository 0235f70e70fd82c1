import Foundation

/// When the hub meets: twice a week by default (Tuesday and Friday at 10:00), on
/// working days only, so a meeting that falls on a bank holiday is not offered.
public struct HubMeetingSchedule: Sendable, Hashable, Codable {
    public var weekdays: [Weekday]
    public var time: TimeOfDay

    public init(weekdays: [Weekday] = [.tuesday, .friday], time: TimeOfDay = TimeOfDay(hour: 10)!) {
        self.weekdays = weekdays
        self.time = time
    }

    /// The next `count` meeting times after `date`.
    public func meetings(after date: Date, count: Int, calendar: WorkingCalendar) -> [Date] {
        guard !weekdays.isEmpty else { return [] }
        var found: [Date] = []
        var day = calendar.day(of: date)
        // A year of days is far more than enough for any non-empty schedule.
        for _ in 0..<366 where found.count < count {
            if weekdays.contains(day.weekday), calendar.isWorkingDay(day) {
                let start = calendar.date(on: day, at: time)
                if start > date { found.append(start) }
            }
            day = day.adding(days: 1)
        }
        return found
    }
}
