import Foundation
import Testing
@testable import Safeguarding

@Suite("Early intervention pathway (F10)")
struct EarlyInterventionTests {
    let calendar = WorkingCalendar()
    let worker = UUID()

    @Test func onlyNoFurtherActionOnAPoliceNoticeHandsOver() {
        #expect(EarlyInterventionRules.handsOver(.noFurtherAction, kind: .policeProtectionNotice))
        #expect(EarlyInterventionRules.handsOver(.noFurtherActionWithEarlyIntervention, kind: .policeProtectionNotice))
        #expect(!EarlyInterventionRules.handsOver(.noFurtherAction, kind: .multiAgencyReferralForm))
        #expect(!EarlyInterventionRules.handsOver(.strategyDiscussion, kind: .policeProtectionNotice))
    }

    @Test func contactIsDueTheSameWorkingDayAndWhatMattersInTwo() {
        // Decided at 18:00 on Thursday 2 April 2026: the clock starts Tuesday 7 April at
        // 09:00 after Good Friday, the weekend and Easter Monday.
        let opened = EarlyInterventionCase.open(referralID: UUID(), childID: nil, at: londonTime(2026, 4, 2, 18), calendar: calendar)
        #expect(opened.firstContactDueAt == londonTime(2026, 4, 7, 17))
        #expect(opened.whatMattersDueAt == londonTime(2026, 4, 9, 9))
        let midday = EarlyInterventionCase.open(referralID: UUID(), childID: nil, at: londonTime(2026, 11, 23, 11), calendar: calendar)
        #expect(midday.firstContactDueAt == londonTime(2026, 11, 23, 17))
        #expect(midday.whatMattersDueAt == londonTime(2026, 11, 25, 11))
        #expect(midday.nextDue == midday.firstContactDueAt)
        #expect(midday.state == .awaitingContact)
    }

    @Test func stepsGoInOrderAndEachNeedsANote() throws {
        let start = EarlyInterventionCase.open(referralID: UUID(), childID: nil, at: londonTime(2026, 11, 23, 11), calendar: calendar)
        let call = EarlyInterventionStep(at: londonTime(2026, 11, 24, 10), by: worker, note: "Mum wants help with routines")
        #expect(throws: EarlyInterventionError.firstContactNeeded) {
            try EarlyInterventionRules.recordWhatMatters(call, visitNeeded: false, visitBy: nil, on: start)
        }
        #expect(throws: EarlyInterventionError.noteMissing) {
            try EarlyInterventionRules.recordFirstContact(.init(at: Date(), by: worker, note: "  "), on: start)
        }
        let contacted = try EarlyInterventionRules.recordFirstContact(
            .init(at: londonTime(2026, 11, 23, 18), by: worker, note: "Phoned mum"), on: start)
        #expect(contacted.firstContactOnTime == false)
        #expect(throws: EarlyInterventionError.visitDateNeeded) {
            try EarlyInterventionRules.recordWhatMatters(call, visitNeeded: true, visitBy: nil, on: contacted)
        }
        let talked = try EarlyInterventionRules.recordWhatMatters(
            call, visitNeeded: true, visitBy: londonTime(2026, 11, 30, 17), on: contacted)
        #expect(talked.whatMattersOnTime == true)
        #expect(talked.state == .awaitingVisit)
        #expect(talked.nextDue == londonTime(2026, 11, 30, 17))
        let escalated = try EarlyInterventionRules.escalate(
            .init(at: Date(), by: worker, reason: "Disclosure during visit", referralID: UUID()), on: talked)
        #expect(escalated.state == .escalated)
        #expect(escalated.nextDue == nil)
        #expect(throws: EarlyInterventionError.caseNotOpen) {
            try EarlyInterventionRules.close(.init(at: Date(), by: worker, note: "done"), on: escalated)
        }
    }

    @Test func ratesCountReReferralsWithinAYearButNotTheTeamsOwnEscalation() throws {
        let (ava, ben, cai) = (UUID(), UUID(), UUID())
        let opened = londonTime(2026, 1, 10, 10)
        let escalationReferral = UUID()
        var escalated = EarlyInterventionCase.open(referralID: UUID(), childID: ava, at: opened, calendar: calendar)
        escalated.firstContact = .init(at: londonTime(2026, 1, 12, 11), by: worker, note: "x")
        escalated.escalation = .init(at: londonTime(2026, 1, 14), by: worker, reason: "x", referralID: escalationReferral)
        let reReferred = EarlyInterventionCase.open(referralID: UUID(), childID: ben, at: opened, calendar: calendar)
        let quiet = EarlyInterventionCase.open(referralID: UUID(), childID: cai, at: opened, calendar: calendar)
        let rates = EarlyInterventionRates.measure(
            [escalated, reReferred, quiet],
            laterReferrals: [
                ava: [(escalationReferral, londonTime(2026, 1, 14))],
                ben: [(UUID(), londonTime(2026, 6, 1))],
                cai: [(UUID(), londonTime(2027, 2, 1))],  // more than 12 months on
            ],
            at: londonTime(2026, 1, 20))
        #expect(rates.cases == 3)
        #expect(rates.escalated == 1)
        #expect(rates.reReferred == 1)
        #expect(rates.firstContactOnTime == 1)
        // Ben's and Cai's families were never contacted, and their deadlines have passed.
        #expect(rates.overdueNow == 2)
        #expect(try #require(rates.escalationRate) == 1.0 / 3.0)
    }
}
