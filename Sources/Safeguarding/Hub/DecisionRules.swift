import Foundation

/// Checks and builds decisions on referrals: the rules as functions that can be called
/// and tested without a server.
public enum DecisionRules {
    /// A practitioner's decision, with the sign-offs it will need.
    public static func decide(
        _ outcome: DecisionOutcome, reasons: String, on status: ReferralStatus, kind: ReferralKind,
        history: ReferralHistory, agenciesDisagree: Bool, by practitioner: UUID, at now: Date
    ) throws(DecisionError) -> HubDecision {
        guard status == .submitted else { throw .referralNotAwaitingDecision }
        guard outcome != .noFurtherActionWithEarlyIntervention || kind == .policeProtectionNotice else {
            throw .earlyInterventionIsForPoliceNotices
        }
        guard !reasons.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonsMissing }
        return HubDecision(
            outcome: outcome, reasons: reasons, decidedBy: practitioner, decidedAt: now,
            agenciesDisagree: agenciesDisagree,
            signOffReasons: SignOffReason.required(for: outcome, history: history, agenciesDisagree: agenciesDisagree))
    }

    /// A manager's sign-off. Agreeing makes the decision final; not agreeing sends the
    /// referral back to the queue for a new decision.
    public static func signOff(
        _ decision: HubDecision, by manager: UUID, agreed: Bool, reason: String, at now: Date
    ) throws(DecisionError) -> HubDecision {
        guard !decision.signOffReasons.isEmpty, decision.signOff == nil else { throw .nothingToSignOff }
        guard manager != decision.decidedBy else { throw .cannotSignOffOwnDecision }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .signOffReasonMissing }
        var signed = decision
        signed.signOff = ManagerSignOff(managerID: manager, at: now, agreed: agreed, reason: reason)
        return signed
    }

    /// The status a referral moves to once this decision is recorded.
    public static func status(after decision: HubDecision) -> ReferralStatus {
        if decision.isFinal { return .decided }
        if let signOff = decision.signOff, !signOff.agreed { return .submitted }
        return .awaitingSignOff
    }
}
