import Foundation
import Testing
@testable import Safeguarding

@Suite("Hub meetings (F8)")
struct HubMeetingTests {
    let calendar = WorkingCalendar()

    @Test func meetsTwiceAWeekOnWorkingDaysOnly() {
        // From Monday 21 December 2026: Tuesday 22nd, then Friday 25th is Christmas Day,
        // so Tuesday 29th and Friday 1 January (New Year's Day) is skipped for Tuesday 5th.
        let next = HubMeetingSchedule().meetings(after: londonTime(2026, 12, 21, 12), count: 3, calendar: calendar)
        #expect(next == [londonTime(2026, 12, 22, 10), londonTime(2026, 12, 29, 10), londonTime(2027, 1, 5, 10)])
        // Already past 10:00 on a Tuesday: the next is Friday.
        #expect(HubMeetingSchedule().meetings(after: londonTime(2026, 11, 24, 10, 30), count: 1, calendar: calendar)
            == [londonTime(2026, 11, 27, 10)])
    }

    @Test func showsWhichItemsLackedAnAbsentAgencysInformation() {
        let (health, school, police) = (UUID(), UUID(), UUID())
        let (first, second) = (UUID(), UUID())
        let meeting = HubMeeting(
            startsAt: londonTime(2026, 11, 24, 10), chairID: UUID(),
            items: [HubMeetingItem(referralID: first, position: 1), HubMeetingItem(referralID: second, position: 2)],
            attendance: [
                HubMeetingAttendance(agencyID: police, present: true, attendeeName: "PC Evans"),
                HubMeetingAttendance(agencyID: health, present: false),
                HubMeetingAttendance(agencyID: school, present: false),
            ])
        let lacking = meeting.itemsLackingInformation(expected: [
            // Health answered in writing about the first, so only the school is missing there.
            first: [.init(agencyID: health, answeredInWriting: true), .init(agencyID: school, answeredInWriting: false),
                    .init(agencyID: police, answeredInWriting: false)],
            second: [.init(agencyID: health, answeredInWriting: false)],
        ])
        #expect(lacking == [first: [school], second: [health]])
        #expect(meeting.agenciesPresent == [police])
    }
}
