import Foundation

/// A strategy meeting, convened when a strategy discussion decides one: within
/// 3 working days of the discussion, with minutes circulated to every invitee within
/// 1 working day of the meeting. Delayed meetings and uncirculated minutes were both
/// inspection findings, so both clocks are kept on the record.
public struct StrategyMeeting: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var discussionID: UUID
    /// When the discussion decided to convene it: the clock's start.
    public var requestedAt: Date
    public var dueAt: Date
    public var heldAt: Date?
    public var invitees: [Invitee]
    public var information: [SharedInformation]
    public var outcome: StrategyOutcome?
    public var actions: [AgreedAction]
    public var minutesDueAt: Date?
    public var minutesCirculatedAt: Date?
    /// The invitees the minutes went to (invitee ids).
    public var minutesSentTo: [UUID]
    public var recordedBy: UUID?

    public init(
        id: UUID = UUID(), childID: UUID, discussionID: UUID, requestedAt: Date, dueAt: Date, heldAt: Date? = nil,
        invitees: [Invitee] = [], information: [SharedInformation] = [], outcome: StrategyOutcome? = nil,
        actions: [AgreedAction] = [], minutesDueAt: Date? = nil, minutesCirculatedAt: Date? = nil,
        minutesSentTo: [UUID] = [], recordedBy: UUID? = nil
    ) {
        self.id = id
        self.childID = childID
        self.discussionID = discussionID
        self.requestedAt = requestedAt
        self.dueAt = dueAt
        self.heldAt = heldAt
        self.invitees = invitees
        self.information = information
        self.outcome = outcome
        self.actions = actions
        self.minutesDueAt = minutesDueAt
        self.minutesCirculatedAt = minutesCirculatedAt
        self.minutesSentTo = minutesSentTo
        self.recordedBy = recordedBy
    }

    public var isHeld: Bool { heldAt != nil }

    /// Whether the minutes went out after their deadline (nil while not yet sent).
    public var minutesCirculatedLate: Bool? {
        guard let sent = minutesCirculatedAt, let due = minutesDueAt else { return nil }
        return sent > due
    }

    /// Whether the meeting was held after its deadline (nil while not yet held).
    public var heldLate: Bool? {
        heldAt.map { $0 > dueAt }
    }
}
