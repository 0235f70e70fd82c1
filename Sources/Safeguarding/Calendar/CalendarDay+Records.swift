import Foundation

extension CalendarDay {
    /// The ISO 8601 text (`2015-03-27`), as records store and the API sends it.
    public var iso: String { description }

    /// The day the clock shows at `instant` in `timeZone` (Europe/London for Diogelu).
    ///
    /// Worked out from the zone's offset with calendar arithmetic rather than a
    /// `Calendar`, because every date on every page comes through here.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let local = Int((instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))).rounded(.down))
        self = CalendarDay(dayNumber: local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }

    /// The seconds since local midnight that the clock shows at `instant` in `timeZone`.
    public static func secondsIntoDay(_ instant: Date, in timeZone: TimeZone) -> Int {
        let local = Int((instant.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: instant))).rounded(.down))
        let remainder = local % 86_400
        return remainder >= 0 ? remainder : remainder + 86_400
    }

    /// Whole years of age on `date`, for a person born on this day; someone born on
    /// 29 February turns a year older on 1 March in a common year.
    public func age(on date: CalendarDay) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}
