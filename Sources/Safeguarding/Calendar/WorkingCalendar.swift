import Foundation

/// Working days, office hours and due dates for a safeguarding hub in Wales.
///
/// Timescales in the Wales Safeguarding Procedures are mostly working days, and a
/// day lost to a bank holiday or misread across a clock change can leave a child
/// waiting. This type is the single place that turns "1 working day from receipt"
/// into an instant. All instants are `Date`s (UTC); every local judgement — which
/// day it is, whether the office is open — is made in Europe/London.
///
/// ## The working-day rule
///
/// 1. A working day is a Monday to Friday that is not a bank holiday of England
///    and Wales (`BankHolidaySchedule`).
/// 2. The clock starts at the moment of receipt if that is during working hours
///    (default 09:00 inclusive to 17:00 exclusive) on a working day. Otherwise it
///    starts at the opening time of the next working hours: 09:00 the same day if
///    received before opening on a working day, or 09:00 on the next working day if
///    received after close, at a weekend or on a bank holiday. See `clockStart(for:)`.
/// 3. *n* working days later is the same local clock time on the *n*th working day
///    after the day the clock started. So 14:30 Friday + 1 → 14:30 Monday (Tuesday if
///    Monday is a bank holiday), and 10:00 Saturday + 1 → 09:00 Tuesday. The local
///    clock time is kept across clock changes, so the UTC offset may differ.
///
/// School days are approximated by working days: term dates vary by local
/// authority and are not modelled, which can only make a school-day deadline
/// earlier, never later.
public struct WorkingCalendar: Sendable {
    public var workingHours: WorkingHours
    /// When the school day starts, for Operation Encompass; default 08:30.
    public var schoolDayStart: TimeOfDay
    public var bankHolidays: BankHolidaySchedule
    public var timescales: Timescales
    public let timeZone: TimeZone
    private let calendar: Calendar

    /// Europe/London. Deadlines computed in any other zone would be wrong for a
    /// Welsh hub, so a server without time zone data must fail loudly at start-up.
    public static let londonTimeZone: TimeZone = {
        guard let zone = TimeZone(identifier: "Europe/London") else {
            preconditionFailure("Time zone data for Europe/London is not installed")
        }
        return zone
    }()

    public init(
        workingHours: WorkingHours = .standard,
        schoolDayStart: TimeOfDay = .eightThirtyAM,
        bankHolidays: BankHolidaySchedule = BankHolidaySchedule(),
        timescales: Timescales = Timescales()
    ) {
        self.workingHours = workingHours
        self.schoolDayStart = schoolDayStart
        self.bankHolidays = bankHolidays
        self.timescales = timescales
        self.timeZone = WorkingCalendar.londonTimeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = WorkingCalendar.londonTimeZone
        self.calendar = calendar
    }

    // MARK: - Days

    /// The local (Europe/London) calendar day containing `date`.
    public func day(of date: Date) -> CalendarDay {
        CalendarDay(date, in: timeZone)
    }

    /// The instant at which the local clock shows `time` on `day`. A time inside the
    /// hour skipped when the clocks go forward resolves as Foundation's `Calendar`
    /// decides; office and school hours never fall in that hour.
    public func date(on day: CalendarDay, at time: TimeOfDay) -> Date {
        instant(on: day, hour: time.hour, minute: time.minute, second: 0, nanosecond: 0)
    }

    /// The instant `day` begins in Wales: where a period of days starts and ends.
    public func startOfDay(_ day: CalendarDay) -> Date {
        instant(on: day, hour: 0, minute: 0, second: 0, nanosecond: 0)
    }

    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        !day.isWeekend && !bankHolidays.isBankHoliday(day)
    }

    public func isWorkingDay(_ date: Date) -> Bool {
        isWorkingDay(day(of: date))
    }

    /// The first working day strictly after `day`.
    public func nextWorkingDay(after day: CalendarDay) -> CalendarDay {
        var holidays = HolidayLookup(schedule: bankHolidays)
        return nextWorkingDay(after: day, using: &holidays)
    }

    /// The last working day strictly before `day`.
    public func previousWorkingDay(before day: CalendarDay) -> CalendarDay {
        var holidays = HolidayLookup(schedule: bankHolidays)
        var candidate = day.adding(days: -1)
        while !holidays.isWorkingDay(candidate) {
            candidate = candidate.adding(days: -1)
        }
        return candidate
    }

    // MARK: - Working-day arithmetic

    /// When the working-day clock starts for something received at `receipt`
    /// (rule 2 in the type documentation).
    public func clockStart(for receipt: Date) -> Date {
        let receiptDay = day(of: receipt)
        if isWorkingDay(receiptDay) {
            let opening = date(on: receiptDay, at: workingHours.start)
            let closing = date(on: receiptDay, at: workingHours.end)
            if receipt < opening { return opening }
            if receipt < closing { return receipt }
        }
        return date(on: nextWorkingDay(after: receiptDay), at: workingHours.start)
    }

    /// The due instant `n` working days after `date` (rule 3). `n` of zero gives the
    /// clock start; negative values are treated as zero because timescales never
    /// run backwards.
    public func addingWorkingDays(_ n: Int, to date: Date) -> Date {
        let start = clockStart(for: date)
        var holidays = HolidayLookup(schedule: bankHolidays)
        var target = day(of: start)
        for _ in 0..<max(0, n) {
            target = nextWorkingDay(after: target, using: &holidays)
        }
        return sameClockTime(as: start, on: target)
    }

    /// The instant `n` office hours after `date`, counting only working hours of working
    /// days; whatever does not fit before closing time carries over to the next opening.
    public func addingWorkingHours(_ n: Int, to date: Date) -> Date {
        var remaining = TimeInterval(max(0, n)) * 3_600
        var cursor = clockStart(for: date)
        while true {
            let closing = self.date(on: day(of: cursor), at: workingHours.end)
            let available = closing.timeIntervalSince(cursor)
            if remaining <= available { return cursor.addingTimeInterval(remaining) }
            remaining -= available
            cursor = self.date(on: nextWorkingDay(after: day(of: cursor)), at: workingHours.start)
        }
    }

    /// Whole working days elapsed between `start` and `end`: the largest *n* for
    /// which `addingWorkingDays(n, to: start)` is not after `end`. Zero when `end`
    /// is not after the clock start, so "day 37 of 42" can be shown on a case.
    public func workingDays(from start: Date, to end: Date) -> Int {
        let clock = clockStart(for: start)
        guard end > clock else { return 0 }
        var holidays = HolidayLookup(schedule: bankHolidays)
        let startDay = day(of: clock)
        let endDay = day(of: end)
        var count = 0
        var candidate = startDay.adding(days: 1)
        while candidate < endDay {
            if holidays.isWorkingDay(candidate) { count += 1 }
            candidate = candidate.adding(days: 1)
        }
        if endDay > startDay, holidays.isWorkingDay(endDay), end >= sameClockTime(as: clock, on: endDay) {
            count += 1
        }
        return count
    }

    /// The first opening of working hours strictly after `date`: later today if
    /// the office has not yet opened on a working day, otherwise the next working day.
    public func nextWorkingDayStart(after date: Date) -> Date {
        nextOpening(at: workingHours.start, after: date)
    }

    /// The start of the next school day strictly after `date` — the Operation
    /// Encompass deadline for an incident at `date`. An incident at 03:00 on a
    /// Tuesday must be passed on before 08:30 that Tuesday.
    public func nextSchoolDayStart(after date: Date) -> Date {
        nextOpening(at: schoolDayStart, after: date)
    }

    // MARK: - Deadlines

    /// The deadline for `step`, counted from `start` with this calendar's `timescales`.
    public func deadline(for step: SafeguardingStep, from start: Date) -> Deadline {
        deadline(for: timescales[step], from: start)
    }

    /// The deadline for any timescale counted from `start`. It becomes "due soon"
    /// at the start of the working day before the day it falls due.
    public func deadline(for timescale: Timescale, from start: Date) -> Deadline {
        let due = dueDate(for: timescale, from: start)
        // A midnight deadline belongs to the day that is ending.
        let dueDay = day(of: due.addingTimeInterval(-1))
        let dueSoonFrom = date(on: previousWorkingDay(before: dueDay), at: TimeOfDay(hour: 0)!)
        return Deadline(due: due, dueSoonFrom: dueSoonFrom, timeZone: timeZone)
    }

    /// The due instant for `timescale` counted from `start`; see `Timescale` for the
    /// meaning of each unit.
    public func dueDate(for timescale: Timescale, from start: Date) -> Date {
        switch timescale {
        case .workingDays(let n):
            return addingWorkingDays(n, to: start)
        case .calendarDays(let n):
            return calendar.date(byAdding: .day, value: n, to: start) ?? start
        case .workingHours(let n):
            return addingWorkingHours(n, to: start)
        case .hours(let n):
            return start.addingTimeInterval(TimeInterval(n) * 3_600)
        case .weeks(let n):
            return calendar.date(byAdding: .day, value: 7 * n, to: start) ?? start
        case .months(let n):
            return calendar.date(byAdding: .month, value: n, to: start) ?? start
        case .sameDay:
            return date(on: day(of: start).adding(days: 1), at: TimeOfDay(hour: 0)!)
        case .sameWorkingDay:
            return date(on: day(of: clockStart(for: start)), at: workingHours.end)
        case .beforeNextSchoolDay:
            return nextSchoolDayStart(after: start)
        }
    }

    // MARK: - Private

    private func nextOpening(at opening: TimeOfDay, after date: Date) -> Date {
        let today = day(of: date)
        if isWorkingDay(today) {
            let openingToday = self.date(on: today, at: opening)
            if date < openingToday { return openingToday }
        }
        return self.date(on: nextWorkingDay(after: today), at: opening)
    }

    private func nextWorkingDay(after day: CalendarDay, using holidays: inout HolidayLookup) -> CalendarDay {
        var candidate = day.adding(days: 1)
        while !holidays.isWorkingDay(candidate) {
            candidate = candidate.adding(days: 1)
        }
        return candidate
    }

    private func sameClockTime(as reference: Date, on day: CalendarDay) -> Date {
        let parts = calendar.dateComponents([.hour, .minute, .second, .nanosecond], from: reference)
        return instant(
            on: day,
            hour: parts.hour ?? 0,
            minute: parts.minute ?? 0,
            second: parts.second ?? 0,
            nanosecond: parts.nanosecond ?? 0
        )
    }

    private func instant(on day: CalendarDay, hour: Int, minute: Int, second: Int, nanosecond: Int) -> Date {
        // Every deadline on every page comes through here, so an ordinary day is worked
        // out from the zone's offset; the two days a year the clocks change go to
        // Foundation, which decides the skipped and repeated hours.
        let midnight = Double(day.dayNumber * 86_400)
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight - 43_200))
        if offset == timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: midnight + 129_600)) {
            let seconds = Double(hour * 3_600 + minute * 60 + second) + Double(nanosecond) / 1e9
            return Date(timeIntervalSince1970: midnight + seconds - Double(offset))
        }
        var parts = DateComponents()
        parts.year = day.year
        parts.month = day.month
        parts.day = day.day
        parts.hour = hour
        parts.minute = minute
        parts.second = second
        parts.nanosecond = nanosecond
        guard let instant = calendar.date(from: parts) else {
            preconditionFailure("Gregorian calendar could not resolve \(day) \(hour):\(minute)")
        }
        return instant
    }
}

/// Caches each year's holidays while walking across many days, so counting a
/// 42-working-day assessment does not recompute Easter forty-two times.
private struct HolidayLookup {
    let schedule: BankHolidaySchedule
    var byYear: [Int: Set<CalendarDay>] = [:]

    init(schedule: BankHolidaySchedule) {
        self.schedule = schedule
    }

    mutating func isWorkingDay(_ day: CalendarDay) -> Bool {
        if day.isWeekend { return false }
        if let known = byYear[day.year] { return !known.contains(day) }
        let holidays = Set(schedule.holidays(in: day.year).map(\.day))
        byYear[day.year] = holidays
        return !holidays.contains(day)
    }
}
