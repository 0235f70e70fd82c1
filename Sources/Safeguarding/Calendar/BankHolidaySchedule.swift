/// The bank holidays of England and Wales for any year: the statutory pattern,
/// substitute days, and the proclaimed exceptions.
///
/// Computed rather than looked up so that deadlines running into years beyond any
/// published list (a 42-working-day assessment started in November, a review in
/// three years' time) are still right. The pattern is the one in force since 1978;
/// Scotland and Northern Ireland have different holidays and are not covered.
///
/// Substitute days follow the gov.uk practice: a holiday falling on a Saturday or
/// Sunday is observed on the next weekday that is not already a holiday, so
/// Christmas on a Saturday gives Monday 27 and Tuesday 28 December, and Christmas
/// on a Sunday gives Boxing Day on Monday 26 and the Christmas substitute on
/// Tuesday 27. Moved and one-off holidays are taken as proclaimed and never get
/// substitutes of their own.
public struct BankHolidaySchedule: Sendable, Hashable {
    public var exceptions: [BankHolidayException]

    public init(exceptions: [BankHolidayException] = BankHolidayException.englandAndWalesHistory) {
        self.exceptions = exceptions
    }

    /// Returns the observed bank holidays in `year`, in date order.
    public func holidays(in year: Int) -> [BankHoliday] {
        var observed: [BankHoliday] = []

        let newYear = substituted([(day(year, 1, 1), .newYearsDay)])
        observed += newYear

        let easter = Easter.sunday(in: year)
        observed.append(BankHoliday(day: easter.adding(days: -2), kind: .goodFriday))
        observed.append(BankHoliday(day: easter.adding(days: 1), kind: .easterMonday))

        observed.append(BankHoliday(day: day(year, 5, 1).nextOrSame(.monday), kind: .earlyMay))
        observed.append(BankHoliday(day: day(year, 5, 31).previousOrSame(.monday), kind: .spring))
        observed.append(BankHoliday(day: day(year, 8, 31).previousOrSame(.monday), kind: .summer))

        observed += substituted([(day(year, 12, 25), .christmasDay), (day(year, 12, 26), .boxingDay)])

        for exception in exceptions {
            switch exception {
            case let .moved(kind, exceptionYear, to) where exceptionYear == year:
                observed.removeAll { $0.kind == kind }
                observed.append(BankHoliday(day: to, kind: kind))
            case let .added(extra, key) where extra.year == year:
                observed.append(BankHoliday(day: extra, kind: .special(key: key)))
            default:
                continue
            }
        }

        return observed.sorted { $0.day < $1.day }
    }

    /// The holiday observed on `day`, if any.
    public func holiday(on day: CalendarDay) -> BankHoliday? {
        holidays(in: day.year).first { $0.day == day }
    }

    public func isBankHoliday(_ day: CalendarDay) -> Bool {
        holiday(on: day) != nil
    }

    /// Weekday holidays keep their day first, so a weekend holiday in the same
    /// group is pushed past them (Christmas on Sunday lands on Tuesday because
    /// Boxing Day already holds Monday).
    private func substituted(_ group: [(CalendarDay, BankHoliday.Kind)]) -> [BankHoliday] {
        var taken = Set(group.filter { !$0.0.isWeekend }.map(\.0))
        return group.map { actual, kind in
            guard actual.isWeekend else { return BankHoliday(day: actual, kind: kind) }
            var candidate = actual.adding(days: 1)
            while candidate.isWeekend || taken.contains(candidate) {
                candidate = candidate.adding(days: 1)
            }
            taken.insert(candidate)
            return BankHoliday(day: candidate, kind: kind, isSubstituteDay: true)
        }
    }

    private func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
        CalendarDay(year: year, month: month, day: day)!
    }
}
