import Foundation

extension CalendarDay {
    /// The ISO 8601 text (`2015-03-27`), as records store and the API sends it.
    public var iso: String { description }

    /// The day the clock shows at `instant` in `timeZone` (Europe/London for Diogelu).
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self = CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Whole years of age on `date`, for a person born on this day; someone born on
    /// 29 February turns a year older on 1 March in a common year.
    public func age(on date: CalendarDay) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}
