/// A person's date of birth, checked to be possible, with the ages that decide
/// which safeguarding procedures apply.
///
/// A child is anyone under 18 (Social Services and Well-being (Wales) Act 2014),
/// so whether a referral goes down the child or adult route depends on
/// `isChild(on:)` for the day of the concern, not the day the form is read.
/// Dates of birth are calendar days, not instants: a child born on 9 March is
/// a year older on 9 March whatever the time zone.
///
/// Someone born on 29 February becomes a year older on 1 March in non-leap years,
/// which is how UK law treats leap-day birthdays.
public struct DateOfBirth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let day: CalendarDay

    /// The age at which a person stops being a child for safeguarding purposes.
    public static let adulthoodAge = 18
    /// Anything older is treated as a typing error (e.g. 1014 for 2014).
    public static let oldestPlausibleAge = 125

    /// Checks that `day` is not after `today` and not implausibly long ago.
    public init(_ day: CalendarDay, asOf today: CalendarDay) throws(IdentifierError) {
        guard day <= today else { throw .dateInFuture }
        guard DateOfBirth.age(from: day, on: today) <= DateOfBirth.oldestPlausibleAge else {
            throw .dateImplausiblyOld
        }
        self.day = day
    }

    /// Parses ISO `2014-03-09` or the UK day-first forms `09/03/2014`, `9/3/2014`,
    /// `09-03-2014` and `09.03.2014` (see `CalendarDay.dayFirstParts`).
    public init(_ text: String, asOf today: CalendarDay) throws(IdentifierError) {
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else { throw .empty }
        if let iso = CalendarDay(iso8601: trimmed) {
            try self.init(iso, asOf: today)
            return
        }
        guard trimmed.allSatisfy({ $0.isASCIIDigitCharacter || $0 == "/" || $0 == "-" || $0 == "." }) else {
            throw .invalidCharacters
        }
        guard let parts = CalendarDay.dayFirstParts(trimmed) else { throw .invalidFormat }
        guard let day = CalendarDay(year: parts.year, month: parts.month, day: parts.day) else { throw .invalidDate }
        try self.init(day, asOf: today)
    }

    /// Whole years of age on `date`; zero for dates before birth.
    public func age(on date: CalendarDay) -> Int {
        max(0, DateOfBirth.age(from: day, on: date))
    }

    /// Under 18 on `date`. The day of the 18th birthday is the first day as an adult.
    public func isChild(on date: CalendarDay) -> Bool {
        age(on: date) < DateOfBirth.adulthoodAge
    }

    public static func < (lhs: DateOfBirth, rhs: DateOfBirth) -> Bool {
        lhs.day < rhs.day
    }

    public var description: String { day.description }

    private static func age(from birth: CalendarDay, on date: CalendarDay) -> Int {
        birth.age(on: date)
    }

    public init(from decoder: any Decoder) throws {
        day = try CalendarDay(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try day.encode(to: encoder)
    }
}
