/// Rules a decision on a referral can break.
public enum DecisionError: Error, Sendable, Hashable {
    /// Only submitted referrals wait for a decision.
    case referralNotAwaitingDecision
    /// Early intervention follows up police notices only.
    case earlyInterventionIsForPoliceNotices
    /// A decision needs its reasons written down.
    case reasonsMissing
    /// Nothing is waiting for a manager's sign-off.
    case nothingToSignOff
    /// A manager cannot sign off their own decision.
    case cannotSignOffOwnDecision
    case signOffReasonMissing
}
