import Foundation

/// A Section 47 enquiry (Children Act 1989, as applied in Wales): the enquiry when a
/// child is suspected to be suffering, or likely to suffer, significant harm. The
/// initial child protection conference is due 15 working days from the strategy
/// discussion that started it, so that clock is carried here from the start.
public struct SectionFortySevenEnquiry: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var strategyDiscussionID: UUID
    public var startedAt: Date
    /// 15 working days from the initiating strategy discussion.
    public var initialConferenceDueAt: Date
    /// The social worker and (in a joint enquiry) the police officer.
    public var investigatingWorkers: [String]
    public var oversight: [ManagerOversight]
    public var outcome: SectionFortySevenOutcome?
    public var outcomeRecordedAt: Date?
    public var outcomeReasons: String

    public init(
        id: UUID = UUID(), childID: UUID, strategyDiscussionID: UUID, startedAt: Date, initialConferenceDueAt: Date,
        investigatingWorkers: [String], oversight: [ManagerOversight] = [], outcome: SectionFortySevenOutcome? = nil,
        outcomeRecordedAt: Date? = nil, outcomeReasons: String = ""
    ) {
        self.id = id
        self.childID = childID
        self.strategyDiscussionID = strategyDiscussionID
        self.startedAt = startedAt
        self.initialConferenceDueAt = initialConferenceDueAt
        self.investigatingWorkers = investigatingWorkers
        self.oversight = oversight
        self.outcome = outcome
        self.outcomeRecordedAt = outcomeRecordedAt
        self.outcomeReasons = outcomeReasons
    }

    public var isOpen: Bool { outcome == nil }
}

/// A manager's recorded supervision of an enquiry: agreement with the direction, or
/// a challenge the workers must answer. Oversight that is not written down did not happen.
public struct ManagerOversight: Sendable, Hashable, Codable {
    public var managerID: UUID
    public var at: Date
    public var kind: OversightKind
    public var note: String

    public init(managerID: UUID, at: Date, kind: OversightKind, note: String) {
        self.managerID = managerID
        self.at = at
        self.kind = kind
        self.note = note
    }
}

public enum OversightKind: String, Sendable, Hashable, Codable, CaseIterable {
    case oversight
    case challenge
}

/// Where a Section 47 enquiry leads.
public enum SectionFortySevenOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// Concerns substantiated: an initial child protection conference.
    case initialConference = "initial_conference"
    /// Not at continuing risk of significant harm, but needs care and support.
    case careAndSupport = "care_and_support"
    case noFurtherAction = "no_further_action"
}
