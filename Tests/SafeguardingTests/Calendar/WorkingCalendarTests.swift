import Foundation
import Testing
@testable import Safeguarding

struct WorkingCalendarTests {
    let calendar = WorkingCalendar()

    // MARK: Working days

    @Test func weekdaysAreWorkingDaysUnlessBankHolidays() {
        #expect(calendar.isWorkingDay(londonTime(2025, 11, 21, 12)))
        #expect(!calendar.isWorkingDay(londonTime(2025, 11, 22, 12)))
        #expect(!calendar.isWorkingDay(londonTime(2025, 11, 23, 12)))
        #expect(!calendar.isWorkingDay(londonTime(2025, 12, 25, 12)))
        #expect(!calendar.isWorkingDay(testDay(2026, 12, 28)))
        #expect(calendar.isWorkingDay(testDay(2026, 12, 29)))
    }

    @Test func judgesTheDayInLondonNotUTC() {
        // 23:30 UTC on Sunday 1 June 2025 is 00:30 BST on Monday 2 June.
        #expect(calendar.isWorkingDay(utcTime(2025, 6, 1, 23, 30)))
        #expect(calendar.day(of: utcTime(2025, 6, 1, 23, 30)) == testDay(2025, 6, 2))
        // In winter London is on UTC, so 23:30 UTC on Sunday is still Sunday.
        #expect(!calendar.isWorkingDay(utcTime(2025, 11, 23, 23, 30)))
    }

    // MARK: Adding working days

    @Test func fridayAfternoonIsDueMondayAfternoon() {
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 11, 7, 14, 30)) == londonTime(2025, 11, 10, 14, 30))
    }

    @Test func fridayBeforeBankHolidayMondayIsDueTuesday() {
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 8, 22, 14, 30)) == londonTime(2025, 8, 26, 14, 30))
    }

    @Test func thursdayBeforeEasterIsDueTuesday() {
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 4, 17, 14, 30)) == londonTime(2025, 4, 22, 14, 30))
        #expect(calendar.addingWorkingDays(1, to: londonTime(2026, 4, 2, 10, 0)) == londonTime(2026, 4, 7, 10, 0))
    }

    @Test(arguments: [(2020, 29), (2021, 29), (2026, 29), (2025, 29), (2023, 27)])
    func christmasEve(year: Int, dueDay: Int) {
        // 2020 and 2026: Thursday, Christmas Friday, Boxing Day substitute Monday 28 → Tuesday 29.
        // 2021: Friday, substitutes on Monday 27 and Tuesday 28 → Wednesday 29.
        // 2025: Wednesday, Christmas and Boxing Day Thursday/Friday → Monday 29.
        // 2023: Christmas Eve is a Sunday; from Friday 22 December it is due Wednesday 27.
        if testDay(year, 12, 24).isWeekend {
            #expect(calendar.addingWorkingDays(1, to: londonTime(year, 12, 22, 15, 0)) == londonTime(year, 12, dueDay, 15, 0))
        } else {
            #expect(calendar.addingWorkingDays(1, to: londonTime(year, 12, 24, 15, 0)) == londonTime(year, 12, dueDay, 15, 0))
        }
    }

    @Test func weekendReceiptCountsFromNineOnMonday() {
        #expect(calendar.clockStart(for: londonTime(2025, 11, 8, 10)) == londonTime(2025, 11, 10, 9))
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 11, 8, 10)) == londonTime(2025, 11, 11, 9))
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 11, 9, 23, 59)) == londonTime(2025, 11, 11, 9))
    }

    @Test func bankHolidayReceiptCountsFromNextWorkingDay() {
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 8, 25, 11)) == londonTime(2025, 8, 27, 9))
        // Weekend before a bank holiday Monday: clock starts Tuesday.
        #expect(calendar.clockStart(for: londonTime(2025, 8, 23, 11)) == londonTime(2025, 8, 26, 9))
    }

    @Test func outsideOfficeHoursCountsFromNextOpening() {
        // Before opening: clock starts at 09:00 the same day.
        #expect(calendar.clockStart(for: londonTime(2025, 11, 10, 7)) == londonTime(2025, 11, 10, 9))
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 11, 10, 7)) == londonTime(2025, 11, 11, 9))
        // After close: clock starts at 09:00 the next working day.
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 11, 10, 18)) == londonTime(2025, 11, 12, 9))
        // 17:00 is closed; 09:00 is open.
        #expect(calendar.clockStart(for: londonTime(2025, 11, 10, 17)) == londonTime(2025, 11, 11, 9))
        #expect(calendar.clockStart(for: londonTime(2025, 11, 10, 9)) == londonTime(2025, 11, 10, 9))
        #expect(calendar.clockStart(for: londonTime(2025, 11, 10, 16, 59)) == londonTime(2025, 11, 10, 16, 59))
        // Friday evening runs to Tuesday morning.
        #expect(calendar.addingWorkingDays(1, to: londonTime(2025, 11, 7, 19)) == londonTime(2025, 11, 11, 9))
    }

    @Test func officeHoursAreConfigurable() {
        let extended = WorkingCalendar(workingHours: WorkingHours(start: TimeOfDay(hour: 8)!, end: TimeOfDay(hour: 18)!)!)
        #expect(extended.addingWorkingDays(1, to: londonTime(2025, 11, 7, 17, 30)) == londonTime(2025, 11, 10, 17, 30))
        #expect(extended.clockStart(for: londonTime(2025, 11, 8, 10)) == londonTime(2025, 11, 10, 8))
        #expect(WorkingHours(start: .fivePM, end: .nineAM) == nil)
        #expect(WorkingHours(start: .nineAM, end: .nineAM) == nil)
    }

    @Test func keepsLocalClockTimeWhenClocksGoForward() {
        // Clocks went forward on Sunday 30 March 2025.
        let receipt = londonTime(2025, 3, 28, 14, 30)
        #expect(receipt == utcTime(2025, 3, 28, 14, 30))
        #expect(calendar.addingWorkingDays(1, to: receipt) == utcTime(2025, 3, 31, 13, 30))
        // Received on the change day itself: counts from Monday 09:00 BST.
        #expect(calendar.addingWorkingDays(1, to: utcTime(2025, 3, 30, 1, 30)) == utcTime(2025, 4, 1, 8, 0))
    }

    @Test func keepsLocalClockTimeWhenClocksGoBack() {
        // Clocks went back on Sunday 26 October 2025.
        let receipt = londonTime(2025, 10, 24, 14, 30)
        #expect(receipt == utcTime(2025, 10, 24, 13, 30))
        #expect(calendar.addingWorkingDays(1, to: receipt) == utcTime(2025, 10, 27, 14, 30))
        #expect(calendar.addingWorkingDays(1, to: utcTime(2025, 10, 26, 0, 30)) == utcTime(2025, 10, 28, 9, 0))
    }

    @Test func assessmentOf42WorkingDaysAcrossChristmas() {
        // Holidays crossed: 25 and 26 December 2025, 1 January 2026.
        #expect(calendar.addingWorkingDays(42, to: londonTime(2025, 12, 1, 10)) == londonTime(2026, 2, 2, 10))
        // Substitutes on 27 and 28 December 2021 and 3 January 2022.
        #expect(calendar.addingWorkingDays(42, to: londonTime(2021, 11, 15, 10)) == londonTime(2022, 1, 17, 10))
    }

    @Test func conferenceWithin15WorkingDaysAcrossChristmas() {
        #expect(calendar.addingWorkingDays(15, to: londonTime(2025, 12, 17, 11)) == londonTime(2026, 1, 12, 11))
        #expect(calendar.addingWorkingDays(15, to: londonTime(2021, 12, 10, 11)) == londonTime(2022, 1, 5, 11))
        #expect(calendar.addingWorkingDays(15, to: londonTime(2020, 12, 14, 11)) == londonTime(2021, 1, 7, 11))
    }

    @Test func zeroOrNegativeWorkingDaysGiveTheClockStart() {
        #expect(calendar.addingWorkingDays(0, to: londonTime(2025, 11, 8, 10)) == londonTime(2025, 11, 10, 9))
        #expect(calendar.addingWorkingDays(-3, to: londonTime(2025, 11, 10, 10)) == londonTime(2025, 11, 10, 10))
    }

    // MARK: Counting working days

    @Test func countingIsTheInverseOfAdding() {
        let starts = [londonTime(2025, 11, 7, 14, 30), londonTime(2025, 12, 20, 10), londonTime(2025, 3, 27, 16, 59), londonTime(2021, 12, 23, 9)]
        var mismatches: [String] = []
        for start in starts {
            for n in 0...70 {
                let due = calendar.addingWorkingDays(n, to: start)
                if calendar.workingDays(from: start, to: due) != n { mismatches.append("\(start) +\(n)") }
                if n > 0, calendar.workingDays(from: start, to: due.addingTimeInterval(-1)) != n - 1 {
                    mismatches.append("\(start) +\(n) -1s")
                }
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func countsWholeWorkingDaysElapsed() {
        let friday = londonTime(2025, 11, 7, 14, 30)
        #expect(calendar.workingDays(from: friday, to: londonTime(2025, 11, 10, 14, 29)) == 0)
        #expect(calendar.workingDays(from: friday, to: londonTime(2025, 11, 10, 14, 30)) == 1)
        #expect(calendar.workingDays(from: friday, to: londonTime(2025, 11, 15, 12)) == 5)
        #expect(calendar.workingDays(from: friday, to: londonTime(2025, 11, 1)) == 0)
        #expect(calendar.workingDays(from: londonTime(2025, 12, 24, 10), to: londonTime(2026, 1, 2, 10)) == 4)
    }

    // MARK: Next opening

    @Test func nextWorkingDayStart() {
        #expect(calendar.nextWorkingDayStart(after: londonTime(2025, 11, 11, 3)) == londonTime(2025, 11, 11, 9))
        #expect(calendar.nextWorkingDayStart(after: londonTime(2025, 11, 11, 9)) == londonTime(2025, 11, 12, 9))
        #expect(calendar.nextWorkingDayStart(after: londonTime(2025, 11, 11, 10)) == londonTime(2025, 11, 12, 9))
        #expect(calendar.nextWorkingDayStart(after: londonTime(2025, 11, 7, 18)) == londonTime(2025, 11, 10, 9))
        #expect(calendar.nextWorkingDayStart(after: londonTime(2025, 8, 22, 18)) == londonTime(2025, 8, 26, 9))
    }

    @Test func nextSchoolDayStartForOperationEncompass() {
        // Incident in the small hours of a school day: school must know before 08:30 that day.
        #expect(calendar.nextSchoolDayStart(after: londonTime(2025, 11, 11, 3)) == londonTime(2025, 11, 11, 8, 30))
        #expect(calendar.nextSchoolDayStart(after: londonTime(2025, 11, 10, 22)) == londonTime(2025, 11, 11, 8, 30))
        #expect(calendar.nextSchoolDayStart(after: londonTime(2025, 11, 8, 22)) == londonTime(2025, 11, 10, 8, 30))
        #expect(calendar.nextSchoolDayStart(after: londonTime(2025, 12, 24, 20)) == londonTime(2025, 12, 29, 8, 30))
        let custom = WorkingCalendar(schoolDayStart: TimeOfDay(hour: 8, minute: 45)!)
        #expect(custom.nextSchoolDayStart(after: londonTime(2025, 11, 11, 3)) == londonTime(2025, 11, 11, 8, 45))
        #expect(calendar.deadline(for: .operationEncompassNotification, from: londonTime(2025, 11, 8, 22)).due == londonTime(2025, 11, 10, 8, 30))
    }
}
