import Foundation
import Testing
@testable import Safeguarding

@Suite("A child placed in temporary accommodation needs a recent check that found it safe")
struct PlacementRulesTests {
    let child = UUID(), bedAndBreakfast = UUID(), worker = UUID()
    let today = testDay(2026, 12, 4)

    func placement(_ type: PlacementType, ended: CalendarDay? = nil) -> Placement {
        Placement(childID: child, periodID: UUID(), type: type, provider: "Station Road B&B", placeID: bedAndBreakfast,
            startsOn: testDay(2026, 12, 1), endsOn: ended)
    }

    func check(_ day: CalendarDay, _ result: SafetyCheck.Result, place: UUID? = nil) -> SafetyCheck {
        SafetyCheck(placeID: place ?? bedAndBreakfast, checkedOn: day, checkedByUserID: worker, checkedByName: "Ffion Davies",
            result: result)
    }

    @Test("no check, an unsafe one, an old one or one of another place: the placement lacks its check")
    func lacking() {
        let bAndB = placement(.temporaryAccommodation)
        #expect(PlacementRules.lacksSafetyCheck(bAndB, checks: [], on: today))
        #expect(PlacementRules.lacksSafetyCheck(bAndB, checks: [check(testDay(2026, 12, 1), .unsafe)], on: today))
        #expect(PlacementRules.lacksSafetyCheck(bAndB, checks: [check(testDay(2026, 8, 1), .safe)], on: today))
        #expect(PlacementRules.lacksSafetyCheck(bAndB, checks: [check(testDay(2026, 12, 1), .safe, place: UUID())], on: today))
        #expect(PlacementRules.lacksSafetyCheck(bAndB, checks: [check(today, .safe), check(today, .unsafe)], on: today),
            "checks that disagree on one day: unsafe stands")
        #expect(PlacementRules.lacksSafetyCheck(bAndB, checks: [check(testDay(2026, 12, 5), .safe)], on: today),
            "a check made after the day does not count for it")
    }

    @Test("a recent safe check, another kind of placement, or an ended placement: nothing lacking")
    func notLacking() {
        #expect(!PlacementRules.lacksSafetyCheck(placement(.temporaryAccommodation), checks: [check(testDay(2026, 11, 30), .safe)], on: today))
        #expect(!PlacementRules.lacksSafetyCheck(placement(.fosterCare), checks: [], on: today))
        #expect(!PlacementRules.lacksSafetyCheck(placement(.temporaryAccommodation, ended: today), checks: [], on: today))
    }
}
