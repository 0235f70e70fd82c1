import Foundation

/// An initial (ICPC) or review (RCPC) child protection conference. An ICPC is due
/// 15 working days from the strategy discussion; the first review 3 months after the
/// ICPC, then every 6 months. After it, the outline plan goes out within 5 working
/// days and the full record within 20.
public struct ChildProtectionConference: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var kind: ConferenceKind
    public var enquiryID: UUID?
    public var dueAt: Date
    public var heldAt: Date?
    /// The agencies that sent a report to the conference.
    public var reportsFrom: [UUID]
    public var register: Bool?
    public var categories: [AbuseCategory]
    public var outlinePlanDueAt: Date?
    public var recordDueAt: Date?
    /// When the outline plan and decisions, and the full record, went to those invited.
    public var outlinePlanSentAt: Date?
    public var recordSentAt: Date?
    public var recordedBy: UUID?

    public init(
        id: UUID = UUID(), childID: UUID, kind: ConferenceKind, enquiryID: UUID? = nil, dueAt: Date, heldAt: Date? = nil,
        reportsFrom: [UUID] = [], register: Bool? = nil, categories: [AbuseCategory] = [], outlinePlanDueAt: Date? = nil,
        recordDueAt: Date? = nil, outlinePlanSentAt: Date? = nil, recordSentAt: Date? = nil, recordedBy: UUID? = nil
    ) {
        self.id = id
        self.childID = childID
        self.kind = kind
        self.enquiryID = enquiryID
        self.dueAt = dueAt
        self.heldAt = heldAt
        self.reportsFrom = reportsFrom
        self.register = register
        self.categories = categories
        self.outlinePlanDueAt = outlinePlanDueAt
        self.recordDueAt = recordDueAt
        self.outlinePlanSentAt = outlinePlanSentAt
        self.recordSentAt = recordSentAt
        self.recordedBy = recordedBy
    }

    public var isHeld: Bool { heldAt != nil }
    /// Nil until held.
    public var heldOnTime: Bool? { heldAt.map { $0 <= dueAt } }
}

/// What goes out after a conference, each on its own clock.
public enum ConferenceDocument: String, Sendable, Hashable, Codable, CaseIterable {
    case outlinePlan = "outline_plan"
    case record
}

public enum ConferenceKind: String, Sendable, Hashable, Codable, CaseIterable {
    case initial
    case review
}
