import Foundation

/// A decision on a referral: what was decided, why, by whom, and, where the rules
/// require it, the manager's sign-off with their own recorded reason.
public struct HubDecision: Sendable, Hashable, Codable {
    public var outcome: DecisionOutcome
    public var reasons: String
    public var decidedBy: UUID
    public var decidedAt: Date
    public var agenciesDisagree: Bool
    /// Why sign-off is needed; empty when the practitioner's decision stands alone.
    public var signOffReasons: [SignOffReason]
    public var signOff: ManagerSignOff?

    public init(
        outcome: DecisionOutcome, reasons: String, decidedBy: UUID, decidedAt: Date, agenciesDisagree: Bool = false,
        signOffReasons: [SignOffReason] = [], signOff: ManagerSignOff? = nil
    ) {
        self.outcome = outcome
        self.reasons = reasons
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.agenciesDisagree = agenciesDisagree
        self.signOffReasons = signOffReasons
        self.signOff = signOff
    }

    /// The decision takes effect once no sign-off is needed, or a manager has agreed it.
    public var isFinal: Bool { signOffReasons.isEmpty || signOff?.agreed == true }
}

/// A hub manager's answer to a decision that needed them.
public struct ManagerSignOff: Sendable, Hashable, Codable {
    public var managerID: UUID
    public var at: Date
    public var agreed: Bool
    /// The manager's own reason: required, because "a third referral cannot close with no
    /// further action without a manager's recorded reason".
    public var reason: String

    public init(managerID: UUID, at: Date, agreed: Bool, reason: String) {
        self.managerID = managerID
        self.at = at
        self.agreed = agreed
        self.reason = reason
    }
}
