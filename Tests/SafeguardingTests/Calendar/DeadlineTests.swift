import Foundation
import Testing
@testable import Safeguarding

struct DeadlineTests {
    let calendar = WorkingCalendar()

    @Test func movesThroughEachStatusAsTimePasses() {
        // Received Friday 14:30, due Tuesday 14:30 because Monday 25 August is a bank holiday.
        let deadline = calendar.deadline(for: .referralDecision, from: londonTime(2025, 8, 22, 14, 30))
        #expect(deadline.due == londonTime(2025, 8, 26, 14, 30))
        #expect(deadline.dueSoonFrom == londonTime(2025, 8, 22, 0))

        // Due soon from the start of the previous working day, which here is the day of receipt.
        #expect(deadline.status(at: londonTime(2025, 8, 22, 15)) == .dueSoon(remaining: 4 * 86_400 - 1_800))
        #expect(deadline.status(at: londonTime(2025, 8, 26, 8)) == .dueToday(remaining: 6.5 * 3_600))
        #expect(deadline.status(at: londonTime(2025, 8, 26, 14, 30)) == .dueToday(remaining: 0))
        #expect(deadline.status(at: londonTime(2025, 8, 26, 14, 31)) == .overdue(by: 60))
    }

    @Test func longDeadlinesAreOnTrackUntilThePreviousWorkingDay() {
        let deadline = calendar.deadline(for: .strategyMeeting, from: londonTime(2025, 11, 10, 10))
        #expect(deadline.due == londonTime(2025, 11, 13, 10))
        #expect(deadline.status(at: londonTime(2025, 11, 11, 23)) == .onTrack(remaining: 35 * 3_600))
        #expect(deadline.status(at: londonTime(2025, 11, 12, 0)).key == "deadline.status.dueSoon")
        #expect(deadline.status(at: londonTime(2025, 11, 13, 0)).key == "deadline.status.dueToday")
    }

    @Test func midnightDeadlineIsDueToday() {
        let deadline = calendar.deadline(for: .strategyDiscussionImmediateRisk, from: londonTime(2025, 11, 8, 21))
        #expect(deadline.status(at: londonTime(2025, 11, 8, 22)) == .dueToday(remaining: 7_200))
    }

    @Test func dueTodayFollowsLondonNotUTC() {
        // Due 00:30 BST on Tuesday 3 June is 23:30 UTC on Monday; at 09:00 BST Monday it is not due today.
        let deadline = Deadline(due: londonTime(2025, 6, 3, 0, 30), dueSoonFrom: londonTime(2025, 6, 2, 0))
        #expect(deadline.status(at: londonTime(2025, 6, 2, 9)).key == "deadline.status.dueSoon")
    }

    @Test func deadlinesWithoutACalendarAreDueSoonInTheLast48Hours() {
        let deadline = Deadline(due: londonTime(2025, 11, 14, 12))
        #expect(deadline.status(at: londonTime(2025, 11, 12, 11)).key == "deadline.status.onTrack")
        #expect(deadline.status(at: londonTime(2025, 11, 12, 13)).key == "deadline.status.dueSoon")
    }

    @Test func queuesSortMostUrgentFirst() {
        let statuses: [DeadlineStatus] = [
            .onTrack(remaining: 500_000), .dueSoon(remaining: 90_000), .overdue(by: 10),
            .dueToday(remaining: 3_600), .overdue(by: 86_400), .dueToday(remaining: 60),
        ]
        #expect(statuses.sorted() == [
            .overdue(by: 86_400), .overdue(by: 10), .dueToday(remaining: 60),
            .dueToday(remaining: 3_600), .dueSoon(remaining: 90_000), .onTrack(remaining: 500_000),
        ])
        #expect(DeadlineStatus.overdue(by: 30).timeRemaining == -30)
        let early = Deadline(due: londonTime(2025, 1, 1, 9))
        let late = Deadline(due: londonTime(2025, 1, 2, 9))
        #expect([late, early].sorted() == [early, late])
    }
}
