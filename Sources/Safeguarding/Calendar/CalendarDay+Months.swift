extension CalendarDay {
    /// The same day of the month `months` later (or earlier, when negative), kept within
    /// the month: six months after 31 August is 28 or 29 February. The windows people
    /// speak of in months ("seen in the last 6 months") are counted this way.
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12  // rounded down, before year 0 too
        let newMonth = index - newYear * 12 + 1
        let lastDay = CalendarDay.numberOfDays(inMonth: newMonth, year: newYear)
        return CalendarDay(year: newYear, month: newMonth, day: min(day, lastDay))!
    }
}
