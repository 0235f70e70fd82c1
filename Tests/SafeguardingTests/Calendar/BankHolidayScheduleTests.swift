import Testing
@testable import Safeguarding

struct BankHolidayScheduleTests {
    let schedule = BankHolidaySchedule()

    func observedDays(_ year: Int) -> [CalendarDay] {
        schedule.holidays(in: year).map(\.day)
    }

    @Test func ordinaryYear2025() {
        #expect(observedDays(2025) == [
            testDay(2025, 1, 1), testDay(2025, 4, 18), testDay(2025, 4, 21), testDay(2025, 5, 5),
            testDay(2025, 5, 26), testDay(2025, 8, 25), testDay(2025, 12, 25), testDay(2025, 12, 26),
        ])
        #expect(schedule.holidays(in: 2025).map(\.kind) == [
            .newYearsDay, .goodFriday, .easterMonday, .earlyMay, .spring, .summer, .christmasDay, .boxingDay,
        ])
    }

    @Test func ordinaryYear2026WithBoxingDayOnSaturday() {
        #expect(observedDays(2026) == [
            testDay(2026, 1, 1), testDay(2026, 4, 3), testDay(2026, 4, 6), testDay(2026, 5, 4),
            testDay(2026, 5, 25), testDay(2026, 8, 31), testDay(2026, 12, 25), testDay(2026, 12, 28),
        ])
    }

    @Test(arguments: [2010, 2021, 2027])
    func christmasOnSaturdayGivesMonday27AndTuesday28(year: Int) {
        #expect(testDay(year, 12, 25).weekday == .saturday)
        let christmas = schedule.holidays(in: year).filter { $0.day.month == 12 }
        #expect(christmas == [
            BankHoliday(day: testDay(year, 12, 27), kind: .christmasDay, isSubstituteDay: true),
            BankHoliday(day: testDay(year, 12, 28), kind: .boxingDay, isSubstituteDay: true),
        ])
    }

    @Test(arguments: [2011, 2016, 2022])
    func christmasOnSundayGivesBoxingDay26AndChristmasSubstitute27(year: Int) {
        #expect(testDay(year, 12, 25).weekday == .sunday)
        let christmas = schedule.holidays(in: year).filter { $0.day.month == 12 }
        #expect(christmas == [
            BankHoliday(day: testDay(year, 12, 26), kind: .boxingDay),
            BankHoliday(day: testDay(year, 12, 27), kind: .christmasDay, isSubstituteDay: true),
        ])
    }

    @Test(arguments: [2015, 2020, 2026])
    func boxingDayOnSaturdayMovesToMonday28(year: Int) {
        #expect(testDay(year, 12, 26).weekday == .saturday)
        let christmas = schedule.holidays(in: year).filter { $0.day.month == 12 }
        #expect(christmas == [
            BankHoliday(day: testDay(year, 12, 25), kind: .christmasDay),
            BankHoliday(day: testDay(year, 12, 28), kind: .boxingDay, isSubstituteDay: true),
        ])
    }

    @Test func boxingDayOnSundayMovesToTuesday28() {
        // Boxing Day falls on a Sunday only when Christmas is on a Saturday.
        #expect(testDay(2021, 12, 26).weekday == .sunday)
        #expect(schedule.holiday(on: testDay(2021, 12, 28))?.kind == .boxingDay)
        #expect(schedule.holiday(on: testDay(2021, 12, 28))?.isSubstituteDay == true)
    }

    @Test(arguments: [2011, 2022, 2028])
    func newYearOnSaturdayMovesToMonday3January(year: Int) {
        #expect(testDay(year, 1, 1).weekday == .saturday)
        #expect(schedule.holiday(on: testDay(year, 1, 3)) == BankHoliday(day: testDay(year, 1, 3), kind: .newYearsDay, isSubstituteDay: true))
        #expect(!schedule.isBankHoliday(testDay(year, 1, 1)))
    }

    @Test(arguments: [2012, 2017, 2023])
    func newYearOnSundayMovesToMonday2January(year: Int) {
        #expect(testDay(year, 1, 1).weekday == .sunday)
        #expect(schedule.holiday(on: testDay(year, 1, 2)) == BankHoliday(day: testDay(year, 1, 2), kind: .newYearsDay, isSubstituteDay: true))
    }

    @Test func everyYearHasEightWeekdayHolidaysWithoutExceptions() {
        let plain = BankHolidaySchedule(exceptions: [])
        let wrongYears = (1978...2400).filter { year in
            let days = plain.holidays(in: year).map(\.day)
            return days.count != 8 || Set(days).count != 8 || days.contains { $0.isWeekend || $0.year != year }
        }
        #expect(wrongYears.isEmpty)
    }

    @Test func earlyMay1995MovedToVEDay() {
        #expect(schedule.holiday(on: testDay(1995, 5, 8))?.kind == .earlyMay)
        #expect(!schedule.isBankHoliday(testDay(1995, 5, 1)))
    }

    @Test func millenniumEve1999() {
        #expect(schedule.holiday(on: testDay(1999, 12, 31))?.kind == .special(key: "bankHoliday.millennium"))
    }

    @Test func goldenJubilee2002() {
        #expect(schedule.holiday(on: testDay(2002, 6, 3))?.kind == .special(key: "bankHoliday.goldenJubilee"))
        #expect(schedule.holiday(on: testDay(2002, 6, 4))?.kind == .spring)
        #expect(!schedule.isBankHoliday(testDay(2002, 5, 27)))
    }

    @Test func royalWedding2011() {
        #expect(schedule.holiday(on: testDay(2011, 4, 29))?.kind == .special(key: "bankHoliday.royalWedding"))
        #expect(schedule.holidays(in: 2011).count == 9)
    }

    @Test func diamondJubilee2012() {
        #expect(schedule.holiday(on: testDay(2012, 6, 4))?.kind == .spring)
        #expect(schedule.holiday(on: testDay(2012, 6, 5))?.kind == .special(key: "bankHoliday.diamondJubilee"))
        #expect(!schedule.isBankHoliday(testDay(2012, 5, 28)))
    }

    @Test func veDay2020() {
        #expect(schedule.holiday(on: testDay(2020, 5, 8))?.kind == .earlyMay)
        #expect(!schedule.isBankHoliday(testDay(2020, 5, 4)))
        #expect(schedule.holidays(in: 2020).count == 8)
    }

    @Test func platinumJubileeAndStateFuneral2022() {
        #expect(observedDays(2022) == [
            testDay(2022, 1, 3), testDay(2022, 4, 15), testDay(2022, 4, 18), testDay(2022, 5, 2),
            testDay(2022, 6, 2), testDay(2022, 6, 3), testDay(2022, 8, 29), testDay(2022, 9, 19),
            testDay(2022, 12, 26), testDay(2022, 12, 27),
        ])
        #expect(!schedule.isBankHoliday(testDay(2022, 5, 30)))
        #expect(schedule.holiday(on: testDay(2022, 9, 19))?.kind.key == "bankHoliday.stateFuneral")
    }

    @Test func coronation2023() {
        #expect(schedule.holiday(on: testDay(2023, 5, 1))?.kind == .earlyMay)
        #expect(schedule.holiday(on: testDay(2023, 5, 8))?.kind == .special(key: "bankHoliday.coronation"))
        #expect(schedule.holidays(in: 2023).count == 9)
    }

    @Test func hubsCanAddFutureExceptions() {
        var custom = BankHolidaySchedule()
        custom.exceptions.append(.added(testDay(2031, 7, 4), key: "bankHoliday.example"))
        custom.exceptions.append(.moved(.summer, year: 2031, to: testDay(2031, 9, 1)))
        #expect(custom.holiday(on: testDay(2031, 7, 4))?.kind.key == "bankHoliday.example")
        #expect(custom.holiday(on: testDay(2031, 9, 1))?.kind == .summer)
        #expect(!custom.isBankHoliday(testDay(2031, 8, 25)))
        #expect(!schedule.isBankHoliday(testDay(2031, 7, 4)))
    }

    @Test func withoutTheHistoricalTableTheUsualPatternApplies() {
        let plain = BankHolidaySchedule(exceptions: [])
        #expect(plain.isBankHoliday(testDay(2020, 5, 4)))
        #expect(!plain.isBankHoliday(testDay(2020, 5, 8)))
        #expect(plain.isBankHoliday(testDay(2022, 5, 30)))
    }

    @Test func keysAreStable() {
        #expect(BankHoliday.Kind.newYearsDay.key == "bankHoliday.newYearsDay")
        #expect(BankHoliday.Kind.goodFriday.key == "bankHoliday.goodFriday")
        #expect(BankHoliday.Kind.easterMonday.key == "bankHoliday.easterMonday")
        #expect(BankHoliday.Kind.earlyMay.key == "bankHoliday.earlyMay")
        #expect(BankHoliday.Kind.spring.key == "bankHoliday.spring")
        #expect(BankHoliday.Kind.summer.key == "bankHoliday.summer")
        #expect(BankHoliday.Kind.christmasDay.key == "bankHoliday.christmasDay")
        #expect(BankHoliday.Kind.boxingDay.key == "bankHoliday.boxingDay")
    }
}
