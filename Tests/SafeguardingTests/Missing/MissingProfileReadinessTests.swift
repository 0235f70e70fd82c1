import Foundation
import Testing
@testable import Safeguarding

@Suite("The police's profile is owed for a child in care, and a new placement makes it due again (F18 with the care record)")
struct MissingProfileReadinessTests {
    let child = UUID(), user = UUID(), today = testDay(2026, 12, 7)

    func profile(_ description: String = "Tall, red coat") -> MissingProfile {
        MissingProfile(childID: child, description: description, associates: "", placesTheyGo: "", phonesAndAccounts: "",
            updatedByUserID: user)
    }

    @Test("not in care: nothing owed, whatever is kept")
    func notInCare() {
        let ended = LookedAfterPeriod(childID: child, legalStatus: .interimCareOrder, startsOn: testDay(2026, 1, 1),
            endsOn: testDay(2026, 6, 1), reason: "x")
        #expect(MissingProfileReadiness.of(nil, updatedOn: nil, periods: [ended], placements: [], on: today) == .notNeeded)
        #expect(!MissingProfileReadiness.notNeeded.isOwed)
    }

    @Test("in care: missing until a profile with something in it is kept; older than the current placement, to be checked")
    func inCare() {
        let period = LookedAfterPeriod(childID: child, legalStatus: .interimCareOrder, startsOn: testDay(2026, 10, 1), reason: "x")
        let first = Placement(childID: child, periodID: period.id, type: .fosterCare, provider: "A", placeID: UUID(),
            startsOn: testDay(2026, 10, 1), endsOn: testDay(2026, 11, 20))
        let second = Placement(childID: child, periodID: period.id, type: .childrensHome, provider: "B", placeID: UUID(),
            startsOn: testDay(2026, 11, 20))
        #expect(MissingProfileReadiness.of(nil, updatedOn: nil, periods: [period], placements: [first, second], on: today) == .missing)
        #expect(MissingProfileReadiness.of(profile(" "), updatedOn: testDay(2026, 12, 1), periods: [period],
            placements: [first, second], on: today) == .missing, "an empty profile is no help at night")
        #expect(MissingProfileReadiness.of(profile(), updatedOn: testDay(2026, 11, 1), periods: [period],
            placements: [first, second], on: today) == .needsReview, "kept during the first placement, before the second")
        #expect(MissingProfileReadiness.placementBegan(periods: [period], placements: [first, second], on: today)
            == testDay(2026, 11, 20))
        #expect(MissingProfileReadiness.of(profile(), updatedOn: testDay(2026, 11, 20), periods: [period],
            placements: [first, second], on: today) == .ready, "updated the day the placement began")
        #expect(MissingProfileReadiness.of(profile(), updatedOn: testDay(2026, 11, 1), periods: [period],
            placements: [first], on: today) == .ready, "no placement standing: nothing newer to check against")
        #expect(MissingProfileReadiness.missing.isOwed && MissingProfileReadiness.needsReview.isOwed)
    }
}
