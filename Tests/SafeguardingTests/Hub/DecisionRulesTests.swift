import Foundation
import Safeguarding
import Testing

@Suite("Decisions at the front door and when a manager must sign off")
struct DecisionRulesTests {
    let practitioner = UUID()
    let manager = UUID()
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func history(_ earlierDaysAgo: [Double], outcome: DecisionOutcome = .noFurtherAction) -> ReferralHistory {
        ReferralHistory(receivedAt: now, candidates: earlierDaysAgo.map {
            .init(referralID: UUID(), reference: "R", receivedAt: now.addingTimeInterval(-$0 * 86_400), outcome: outcome)
        })
    }

    @Test("only referrals in the last twelve months count as re-referrals")
    func twelveMonthWindow() {
        #expect(!history([400]).isReReferral)
        #expect(history([300]).isReReferral)
        #expect(!history([300]).isThirdOrMoreInTwelveMonths)
        #expect(history([300, 20]).isThirdOrMoreInTwelveMonths)
        #expect(history([20, 300]).earlier.map { Int(($0.receivedAt.distance(to: now) / 86_400).rounded()) } == [20, 300])
    }

    @Test("a first referral decided by a practitioner needs no sign-off and is final")
    func firstReferralStandsAlone() throws {
        let decision = try DecisionRules.decide(
            .informationAdviceAssistance, reasons: "Parents accept support", on: .submitted, kind: .multiAgencyReferralForm,
            history: history([]), agenciesDisagree: false, by: practitioner, at: now)
        #expect(decision.signOffReasons.isEmpty)
        #expect(DecisionRules.status(after: decision) == .decided)
    }

    @Test("no further action on a re-referral waits for a manager")
    func nfaOnReReferral() throws {
        let decision = try DecisionRules.decide(
            .noFurtherAction, reasons: "Resolved", on: .submitted, kind: .multiAgencyReferralForm, history: history([90]),
            agenciesDisagree: false, by: practitioner, at: now)
        #expect(decision.signOffReasons == [.noFurtherActionOnReReferral])
        #expect(DecisionRules.status(after: decision) == .awaitingSignOff)
    }

    @Test("any decision on a third referral in twelve months waits for a manager, and NFA needs their reason")
    func thirdReferral() throws {
        let assessment = try DecisionRules.decide(
            .careAndSupportAssessment, reasons: "Pattern of neglect", on: .submitted, kind: .multiAgencyReferralForm,
            history: history([30, 200]), agenciesDisagree: false, by: practitioner, at: now)
        #expect(assessment.signOffReasons == [.thirdReferralInTwelveMonths])
        let closing = try DecisionRules.decide(
            .noFurtherAction, reasons: "No new concern", on: .submitted, kind: .multiAgencyReferralForm,
            history: history([30, 200]), agenciesDisagree: false, by: practitioner, at: now)
        #expect(closing.signOffReasons == [.noFurtherActionOnReReferral, .thirdReferralInTwelveMonths])
        #expect(throws: DecisionError.signOffReasonMissing) {
            try DecisionRules.signOff(closing, by: manager, agreed: true, reason: "", at: now)
        }
        let signed = try DecisionRules.signOff(closing, by: manager, agreed: true, reason: "Checked with school; no new harm", at: now)
        #expect(signed.isFinal)
        #expect(DecisionRules.status(after: signed) == .decided)
    }

    @Test("agencies disagreeing sends the decision to a manager")
    func disagreement() throws {
        let decision = try DecisionRules.decide(
            .familiesFirst, reasons: "Police and school differ", on: .submitted, kind: .multiAgencyReferralForm,
            history: history([]), agenciesDisagree: true, by: practitioner, at: now)
        #expect(decision.signOffReasons == [.agencyDisagreement])
    }

    @Test("a manager who does not agree sends the referral back to the queue")
    func managerDisagrees() throws {
        let decision = try DecisionRules.decide(
            .noFurtherAction, reasons: "Resolved", on: .submitted, kind: .multiAgencyReferralForm, history: history([90]),
            agenciesDisagree: false, by: practitioner, at: now)
        let returned = try DecisionRules.signOff(decision, by: manager, agreed: false, reason: "Speak to the school first", at: now)
        #expect(!returned.isFinal)
        #expect(DecisionRules.status(after: returned) == .submitted)
    }

    @Test("the rules refuse what cannot be: early intervention on a MARF, no reasons, own sign-off, deciding twice")
    func refusals() throws {
        #expect(throws: DecisionError.earlyInterventionIsForPoliceNotices) {
            try DecisionRules.decide(.noFurtherActionWithEarlyIntervention, reasons: "x", on: .submitted,
                kind: .multiAgencyReferralForm, history: history([]), agenciesDisagree: false, by: practitioner, at: now)
        }
        #expect(throws: DecisionError.reasonsMissing) {
            try DecisionRules.decide(.familiesFirst, reasons: "  ", on: .submitted, kind: .multiAgencyReferralForm,
                history: history([]), agenciesDisagree: false, by: practitioner, at: now)
        }
        #expect(throws: DecisionError.referralNotAwaitingDecision) {
            try DecisionRules.decide(.familiesFirst, reasons: "x", on: .decided, kind: .multiAgencyReferralForm,
                history: history([]), agenciesDisagree: false, by: practitioner, at: now)
        }
        let decision = try DecisionRules.decide(.noFurtherAction, reasons: "x", on: .submitted, kind: .policeProtectionNotice,
            history: history([10]), agenciesDisagree: false, by: practitioner, at: now)
        #expect(throws: DecisionError.cannotSignOffOwnDecision) {
            try DecisionRules.signOff(decision, by: practitioner, agreed: true, reason: "fine", at: now)
        }
    }

    @Test("the referrer hears the outcome in terms they may know")
    func feedbackCategories() {
        #expect(DecisionOutcome.strategyDiscussion.feedbackCategory == .childrensServicesActing)
        #expect(DecisionOutcome.careAndSupportAssessment.feedbackCategory == .childrensServicesActing)
        #expect(DecisionOutcome.familiesFirst.feedbackCategory == .supportOffered)
        #expect(DecisionOutcome.noFurtherAction.feedbackCategory == .noFurtherAction)
    }
}
