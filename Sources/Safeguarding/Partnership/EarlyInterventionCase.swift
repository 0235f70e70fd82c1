import Foundation

/// A family handed to the early intervention team after the hub decided no further
/// action on a police notice (F10): contact the same working day, a "What Matters"
/// conversation within two working days, a visit where needed, and escalation back to
/// the hub in one action when the team finds more than it can meet.
public struct EarlyInterventionCase: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var referralID: UUID
    public var childID: UUID?
    public var openedAt: Date
    public var firstContactDueAt: Date
    public var whatMattersDueAt: Date
    public var firstContact: EarlyInterventionStep?
    public var whatMatters: EarlyInterventionStep?
    public var visit: EarlyInterventionVisit
    public var escalation: EarlyInterventionEscalation?
    public var closure: EarlyInterventionStep?

    public init(
        id: UUID = UUID(), referralID: UUID, childID: UUID?, openedAt: Date, firstContactDueAt: Date,
        whatMattersDueAt: Date, firstContact: EarlyInterventionStep? = nil, whatMatters: EarlyInterventionStep? = nil,
        visit: EarlyInterventionVisit = .notDecided, escalation: EarlyInterventionEscalation? = nil,
        closure: EarlyInterventionStep? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.childID = childID
        self.openedAt = openedAt
        self.firstContactDueAt = firstContactDueAt
        self.whatMattersDueAt = whatMattersDueAt
        self.firstContact = firstContact
        self.whatMatters = whatMatters
        self.visit = visit
        self.escalation = escalation
        self.closure = closure
    }

    /// Opens a case with its deadlines from the calendar.
    public static func open(
        referralID: UUID, childID: UUID?, at now: Date, calendar: WorkingCalendar
    ) -> EarlyInterventionCase {
        EarlyInterventionCase(
            referralID: referralID, childID: childID, openedAt: now,
            firstContactDueAt: calendar.dueDate(for: calendar.timescales[.earlyInterventionFirstContact], from: now),
            whatMattersDueAt: calendar.dueDate(for: calendar.timescales[.whatMattersConversation], from: now))
    }

    public var isOpen: Bool { escalation == nil && closure == nil }

    public var state: EarlyInterventionState {
        if escalation != nil { return .escalated }
        if closure != nil { return .closed }
        if firstContact == nil { return .awaitingContact }
        if whatMatters == nil { return .awaitingWhatMatters }
        if case .needed = visit { return .awaitingVisit }
        return .readyToClose
    }

    /// The next deadline the team works to, if any step is still owed.
    public var nextDue: Date? {
        guard isOpen else { return nil }
        if firstContact == nil { return firstContactDueAt }
        if whatMatters == nil { return whatMattersDueAt }
        if case .needed(let by) = visit { return by }
        return nil
    }

    public var firstContactOnTime: Bool? { firstContact.map { $0.at <= firstContactDueAt } }
    public var whatMattersOnTime: Bool? { whatMatters.map { $0.at <= whatMattersDueAt } }
}

/// A step the team took: when, by whom, and what happened.
public struct EarlyInterventionStep: Sendable, Hashable, Codable {
    public var at: Date
    public var by: UUID
    public var note: String

    public init(at: Date, by: UUID, note: String) {
        self.at = at
        self.by = by
        self.note = note
    }
}

/// Whether the family needs a visit after the "What Matters" conversation.
public enum EarlyInterventionVisit: Sendable, Hashable, Codable {
    case notDecided
    case notNeeded
    case needed(by: Date)
    case made(EarlyInterventionStep)
}

/// The team's escalation of a family back to the hub, as a new referral.
public struct EarlyInterventionEscalation: Sendable, Hashable, Codable {
    public var at: Date
    public var by: UUID
    public var reason: String
    public var referralID: UUID

    public init(at: Date, by: UUID, reason: String, referralID: UUID) {
        self.at = at
        self.by = by
        self.reason = reason
        self.referralID = referralID
    }
}

public enum EarlyInterventionState: String, Sendable, Hashable, Codable, CaseIterable {
    case awaitingContact = "awaiting_contact"
    case awaitingWhatMatters = "awaiting_what_matters"
    case awaitingVisit = "awaiting_visit"
    case readyToClose = "ready_to_close"
    case escalated
    case closed

    public var key: String { "early.state." + rawValue }
}
