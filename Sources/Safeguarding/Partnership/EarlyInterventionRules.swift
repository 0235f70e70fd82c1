import Foundation

/// What the early intervention team may record, in what order.
public enum EarlyInterventionRules {
    /// The hub hands a family to the team when it decides no further action on a police
    /// notice: the inspection letter describes every such notice going to the team.
    public static func handsOver(_ outcome: DecisionOutcome, kind: ReferralKind) -> Bool {
        kind == .policeProtectionNotice && outcome.isNoFurtherAction
    }

    public static func recordFirstContact(
        _ step: EarlyInterventionStep, on current: EarlyInterventionCase
    ) throws(EarlyInterventionError) -> EarlyInterventionCase {
        try requireOpen(current)
        guard current.firstContact == nil else { throw .alreadyRecorded }
        try requireNote(step.note)
        var next = current
        next.firstContact = step
        return next
    }

    /// The "What Matters" conversation follows the first contact.
    public static func recordWhatMatters(
        _ step: EarlyInterventionStep, visitNeeded: Bool, visitBy: Date?, on current: EarlyInterventionCase
    ) throws(EarlyInterventionError) -> EarlyInterventionCase {
        try requireOpen(current)
        guard current.firstContact != nil else { throw .firstContactNeeded }
        guard current.whatMatters == nil else { throw .alreadyRecorded }
        try requireNote(step.note)
        var next = current
        next.whatMatters = step
        if visitNeeded {
            guard let visitBy else { throw .visitDateNeeded }
            next.visit = .needed(by: visitBy)
        } else {
            next.visit = .notNeeded
        }
        return next
    }

    public static func recordVisit(
        _ step: EarlyInterventionStep, on current: EarlyInterventionCase
    ) throws(EarlyInterventionError) -> EarlyInterventionCase {
        try requireOpen(current)
        guard case .needed = current.visit else { throw .noVisitPlanned }
        try requireNote(step.note)
        var next = current
        next.visit = .made(step)
        return next
    }

    /// Closing needs every step done, or a note saying why not (a family that declined).
    public static func close(
        _ step: EarlyInterventionStep, on current: EarlyInterventionCase
    ) throws(EarlyInterventionError) -> EarlyInterventionCase {
        try requireOpen(current)
        try requireNote(step.note)
        var next = current
        next.closure = step
        return next
    }

    /// Escalation back to the hub is one action at any point while the case is open.
    public static func escalate(
        _ escalation: EarlyInterventionEscalation, on current: EarlyInterventionCase
    ) throws(EarlyInterventionError) -> EarlyInterventionCase {
        try requireOpen(current)
        try requireNote(escalation.reason)
        var next = current
        next.escalation = escalation
        return next
    }

    private static func requireOpen(_ current: EarlyInterventionCase) throws(EarlyInterventionError) {
        guard current.isOpen else { throw .caseNotOpen }
    }

    private static func requireNote(_ note: String) throws(EarlyInterventionError) {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .noteMissing }
    }
}

public enum EarlyInterventionError: Error, Sendable, Hashable {
    case caseNotOpen
    case alreadyRecorded
    case firstContactNeeded
    case visitDateNeeded
    case noVisitPlanned
    case noteMissing

    /// The catalogue key of the message a person reads.
    public var key: String {
        switch self {
        case .caseNotOpen: "error.early.case_not_open"
        case .alreadyRecorded: "error.early.already_recorded"
        case .firstContactNeeded: "error.early.first_contact_needed"
        case .visitDateNeeded: "error.early.visit_date_needed"
        case .noVisitPlanned: "error.early.no_visit_planned"
        case .noteMissing: "error.early.note_missing"
        }
    }
}
