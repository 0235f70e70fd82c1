/// A date on the wall calendar — a year, month and day with no time and no time zone.
///
/// Bank holidays, dates of birth and "the day a referral arrived" are calendar days,
/// not instants: 25 December is Christmas Day whatever the clock says in UTC. Keeping
/// them separate from `Date` stops a midnight-BST instant quietly turning into the
/// previous day when it is stored as UTC.
///
/// Arithmetic uses a day count in the proleptic Gregorian calendar so that adding days,
/// finding weekdays and comparing days need no `Calendar` or time zone at all.
///
/// Encodes as an ISO 8601 string (`"2014-03-09"`) so stored JSON reads the same in
/// every agency's system.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns `nil` for days that do not exist, such as 30 February or 29 February 2023.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month),
              day >= 1,
              day <= CalendarDay.numberOfDays(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `yyyy-MM-dd`, the only unambiguous textual form; returns `nil` for
    /// anything else or for a day that does not exist.
    public init?(iso8601 text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// A date as a person may type it where a page asks for one: ISO, as a browser's
    /// date control sends it, or day first.
    public init?(typed text: String) {
        guard let day = CalendarDay(iso8601: text) ?? CalendarDay(dayFirst: text) else { return nil }
        self = day
    }

    /// Parses the day-first forms people in the UK type — `09/03/2014`, `9/3/2014`,
    /// `09-03-2014`, `09.03.2014` — as a date control shows them; `nil` for anything
    /// else or for a day that does not exist.
    public init?(dayFirst text: String) {
        guard let parts = CalendarDay.dayFirstParts(text) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The day, month and year of a day-first date, before asking whether that day
    /// exists. Two-digit years are refused: for a child the century matters, and
    /// guessing it wrongly would make them an adult.
    public static func dayFirstParts(_ text: String) -> (day: Int, month: Int, year: Int)? {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3,
              (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigitCharacter) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return (day, month, year)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = CalendarDay(iso8601: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "calendarDay.invalid")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Builds a day from a day count (see `dayNumber`). Every day count is a valid day.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil-from-days algorithm: exact for the proleptic Gregorian calendar.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        self.day = day
    }

    /// Days since 1 January 1970. Only differences between day numbers carry meaning.
    public var dayNumber: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var weekday: Weekday {
        // 1 January 1970 was a Thursday.
        let offset = ((dayNumber % 7) + 7 + 3) % 7
        return Weekday(rawValue: offset + 1)!
    }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(dayNumber: dayNumber + days)
    }

    /// Whole days from `self` to `other`; negative when `other` is earlier.
    public func days(to other: CalendarDay) -> Int {
        other.dayNumber - dayNumber
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func numberOfDays(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first `weekday` on or after this day.
    public func nextOrSame(_ weekday: Weekday) -> CalendarDay {
        adding(days: (weekday.rawValue - self.weekday.rawValue + 7) % 7)
    }

    /// The last `weekday` on or before this day.
    public func previousOrSame(_ weekday: Weekday) -> CalendarDay {
        adding(days: -((self.weekday.rawValue - weekday.rawValue + 7) % 7))
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601 (`2025-12-25`), the form stored and exchanged between agencies' systems.
    public var description: String {
        let yearText = String(year)
        let paddedYear = String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
        return paddedYear + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }
}
