/// A departure from the usual bank-holiday pattern, announced by royal proclamation.
///
/// Most years follow the statutory pattern, but a few move a holiday (VE Day
/// anniversaries, jubilees) or add one (coronations, state funerals). These are
/// decided a year or so ahead, so they are data the hub can extend from settings
/// rather than code changes. `englandAndWalesHistory` ships the known ones.
public enum BankHolidayException: Sendable, Hashable, Codable {
    /// The usual holiday of `kind` in `year` is observed on `day` instead.
    case moved(BankHoliday.Kind, year: Int, to: CalendarDay)
    /// An extra one-off holiday, with its localisation key.
    case added(CalendarDay, key: String)

    /// Every known departure in England and Wales since 1995. Earlier years predate
    /// any referral this system will hold, so they are not listed.
    public static let englandAndWalesHistory: [BankHolidayException] = [
        // 50th anniversary of VE Day.
        .moved(.earlyMay, year: 1995, to: day(1995, 5, 8)),
        .added(day(1999, 12, 31), key: "bankHoliday.millennium"),
        // Golden Jubilee.
        .moved(.spring, year: 2002, to: day(2002, 6, 4)),
        .added(day(2002, 6, 3), key: "bankHoliday.goldenJubilee"),
        .added(day(2011, 4, 29), key: "bankHoliday.royalWedding"),
        // Diamond Jubilee.
        .moved(.spring, year: 2012, to: day(2012, 6, 4)),
        .added(day(2012, 6, 5), key: "bankHoliday.diamondJubilee"),
        // 75th anniversary of VE Day.
        .moved(.earlyMay, year: 2020, to: day(2020, 5, 8)),
        // Platinum Jubilee.
        .moved(.spring, year: 2022, to: day(2022, 6, 2)),
        .added(day(2022, 6, 3), key: "bankHoliday.platinumJubilee"),
        .added(day(2022, 9, 19), key: "bankHoliday.stateFuneral"),
        .added(day(2023, 5, 8), key: "bankHoliday.coronation"),
    ]

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay {
        CalendarDay(year: year, month: month, day: day)!
    }
}
