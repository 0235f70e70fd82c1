import Foundation
import Testing
@testable import Safeguarding

@Suite("Warnings and flags follow from the record, or stand until their end, seen as far as the role may (F19)")
struct ChildFlagsTests {
    let child = UUID(), police = UUID(), officer = UUID()
    let today = testDay(2026, 12, 4)

    func cawn(ends: CalendarDay, ended: CalendarDay? = nil) -> RaisedFlag {
        RaisedFlag(childID: child, kind: .childAbductionWarningNotice, raisedByAgencyID: police, raisedByUserID: officer,
            source: "Gwent Police CAWN 2026/117", adultNamed: "Jason Hill", startsOn: testDay(2026, 11, 1), endsOn: ends,
            endedOn: ended)
    }

    @Test("flags from the record and raised ones, missing now first, for the hub")
    func hubSeesAll() {
        let facts = FlaggedFacts(registeredSince: testDay(2026, 9, 1), missingSince: today, agreedExploitationLevel: .high,
            exploitationReviewDue: testDay(2027, 2, 26), youthJusticeSince: testDay(2026, 5, 6))
        let flags = ChildFlags.current(facts: facts, raised: [cawn(ends: testDay(2027, 5, 1))], on: today, visibleTo: [.hubPractitioner])
        #expect(flags.map(\.kind) == [.missingNow, .childAbductionWarningNotice, .openYouthJusticeCase,
            .onChildProtectionRegister, .exploitationRisk])
        #expect(flags.first { $0.kind == .exploitationRisk }?.exploitationLevel == .high)
        #expect(flags.first { $0.kind == .childAbductionWarningNotice }?.adultNamed == "Jason Hill")
    }

    @Test("no flag outlives its truth: a CAWN past its expiry, or ended early, is gone; not at risk is no flag")
    func endings() {
        let facts = FlaggedFacts(agreedExploitationLevel: .notAtRisk)
        #expect(ChildFlags.current(facts: facts, raised: [cawn(ends: testDay(2026, 12, 3))], on: today, visibleTo: [.hubManager]).isEmpty)
        #expect(ChildFlags.current(facts: facts, raised: [cawn(ends: testDay(2027, 1, 1), ended: today)], on: today,
            visibleTo: [.hubManager]).isEmpty)
        #expect(ChildFlags.current(facts: facts, raised: [cawn(ends: today)], on: today, visibleTo: [.hubManager]).count == 1,
            "it stands on its last day")
    }

    @Test("a school's lead sees what changes how the school works with the child, not the police's CAWN or MAPPA")
    func visibility() {
        let facts = FlaggedFacts(registeredSince: testDay(2026, 9, 1), agreedExploitationLevel: .medium)
        var mappa = cawn(ends: testDay(2027, 5, 1))
        mappa.kind = .mappa
        let lead = ChildFlags.current(facts: facts, raised: [cawn(ends: testDay(2027, 5, 1)), mappa], on: today, visibleTo: [.safeguardingLead])
        #expect(lead.map(\.kind) == [.onChildProtectionRegister, .exploitationRisk])
        #expect(ChildFlags.current(facts: facts, raised: [], on: today, visibleTo: [.referrer, .administrator]).isEmpty)
        #expect(ChildFlags.current(facts: facts, raised: [mappa], on: today, visibleTo: [.referrer, .socialWorker]).count == 3,
            "the widest of a person's roles")
    }

    @Test("a flag the record gives is never raised by hand; a raised one needs its source, a CAWN its adult")
    func raising() {
        var flag = cawn(ends: testDay(2027, 5, 1))
        #expect(flag.problems().isEmpty)
        flag.adultNamed = " "
        flag.source = ""
        #expect(flag.problems() == [.sourceNeeded, .adultNeeded])
        flag.kind = .missingNow
        flag.source = "x"
        #expect(flag.problems() == [.followsFromRecord])
        flag.kind = .marac
        flag.endsOn = testDay(2026, 10, 1)
        #expect(flag.problems() == [.endsBeforeStart])
    }
}
