/// A wall-clock time in Europe/London, such as 09:00 or 08:30, with no date.
///
/// Office opening, close of business and the start of the school day are agreed as
/// local clock times that stay put when the clocks change, so they are held as hours
/// and minutes rather than as offsets from midnight in seconds.
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// Returns `nil` outside 00:00–23:59.
    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    private init(checkedHour hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Default start of office hours for hub staff.
    public static let nineAM = TimeOfDay(checkedHour: 9, minute: 0)
    /// Default close of business.
    public static let fivePM = TimeOfDay(checkedHour: 17, minute: 0)
    /// Default start of the school day, used for Operation Encompass notifications.
    public static let eightThirtyAM = TimeOfDay(checkedHour: 8, minute: 30)

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    public var description: String {
        (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }
}
