import Foundation
import Testing
@testable import Safeguarding

@Suite("Periods of being looked after and placements follow one another (children in care)")
struct CareRecordRulesTests {
    let today = testDay(2026, 12, 4)
    let child = UUID(), flat = UUID(), bnb = UUID()

    func period(_ start: CalendarDay, ends: CalendarDay? = nil) -> LookedAfterPeriod {
        LookedAfterPeriod(childID: child, legalStatus: .interimCareOrder, startsOn: start, endsOn: ends, reason: "Neglect at home")
    }

    @Test("a period needs a reason and a start no later than today, and does not overlap another")
    func periods() {
        let earlier = period(testDay(2026, 1, 5), ends: testDay(2026, 6, 1))
        #expect(period(testDay(2026, 6, 1)).problems(among: [earlier], today: today).isEmpty, "the next may begin the day one ends")
        #expect(period(testDay(2026, 5, 1)).problems(among: [earlier], today: today) == [.overlapsPeriod])
        var blank = period(today.adding(days: 1))
        blank.reason = " "
        #expect(blank.problems(among: [], today: today) == [.reasonNeeded, .startsInFuture])
        let open = period(testDay(2026, 9, 1))
        #expect(period(testDay(2026, 11, 1)).problems(among: [open], today: today) == [.overlapsPeriod])
    }

    @Test("a placement falls in the period standing on its first day, and moving on ends the one before")
    func placements() throws {
        let current = period(testDay(2026, 9, 1))
        let first = try Placement.making(.fosterCare, provider: "Mr and Mrs Rees", placeID: flat, childID: child,
            startsOn: testDay(2026, 9, 1), periods: [current], placements: [], today: today)
        #expect(first.placement.periodID == current.id && first.ended.isEmpty)
        let moved = try Placement.making(.temporaryAccommodation, provider: "Bryn Guest House", placeID: bnb, childID: child,
            startsOn: testDay(2026, 12, 1), periods: [current], placements: [first.placement], today: today)
        #expect(moved.ended.map(\.endsOn) == [testDay(2026, 12, 1)])
        #expect(throws: CareError.overlapsLaterPlacement) {
            try Placement.making(.fosterCare, provider: "Mrs Hughes", placeID: flat, childID: self.child, startsOn: testDay(2026, 11, 1),
                periods: [current], placements: [first.placement, moved.placement], today: self.today)
        }
        #expect(throws: CareError.notLookedAfterOnStart) {
            try Placement.making(.fosterCare, provider: "Mrs Hughes", placeID: flat, childID: self.child, startsOn: testDay(2026, 8, 1),
                periods: [current], placements: [], today: self.today)
        }
    }

    @Test("ending a period ends its open placements the same day; it ends once")
    func endingAPeriod() throws {
        let current = period(testDay(2026, 9, 1))
        let placed = try Placement.making(.fosterCare, provider: "Mr and Mrs Rees", placeID: flat, childID: child,
            startsOn: testDay(2026, 9, 1), periods: [current], placements: [], today: today).placement
        let ended = try current.ending(on: today, placements: [placed], today: today)
        #expect(ended.period.endsOn == today && ended.placements.map(\.endsOn) == [today])
        #expect(throws: CareError.alreadyEnded) { try ended.period.ending(on: today, placements: [], today: today) }
        #expect(throws: CareError.endsInFuture) { try current.ending(on: today.adding(days: 1), placements: [], today: today) }
    }

    @Test("an unsafe check says what it found, and is of a place")
    func safetyChecks() {
        let check = SafetyCheck(placeID: bnb, checkedOn: today, checkedByUserID: UUID(), checkedByName: "Siân Morgan", result: .unsafe)
        #expect(check.problems(placeKind: .place, today: today) == [.findingNeeded])
        #expect(check.problems(placeKind: .adult, today: today).contains(.notAPlace))
    }
}
