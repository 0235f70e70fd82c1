import Foundation

/// A strategy discussion: the multi-agency conversation (often by phone) on whether to
/// start a Section 47 enquiry. It is its own record with its own clock, from the hub's
/// decision to hold one: the same day for immediate risk, otherwise 1 working day.
public struct StrategyDiscussion: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    /// The referral whose decision started the clock, when it came through the hub.
    public var referralID: UUID?
    public var immediateRisk: Bool
    /// When the decision to hold one was made: the clock's start.
    public var requestedAt: Date
    public var dueAt: Date
    public var heldAt: Date?
    public var invitees: [Invitee]
    public var information: [SharedInformation]
    public var outcome: StrategyOutcome?
    public var actions: [AgreedAction]
    public var recordedBy: UUID?

    public init(
        id: UUID = UUID(), childID: UUID, referralID: UUID? = nil, immediateRisk: Bool, requestedAt: Date, dueAt: Date,
        heldAt: Date? = nil, invitees: [Invitee] = [], information: [SharedInformation] = [],
        outcome: StrategyOutcome? = nil, actions: [AgreedAction] = [], recordedBy: UUID? = nil
    ) {
        self.id = id
        self.childID = childID
        self.referralID = referralID
        self.immediateRisk = immediateRisk
        self.requestedAt = requestedAt
        self.dueAt = dueAt
        self.heldAt = heldAt
        self.invitees = invitees
        self.information = information
        self.outcome = outcome
        self.actions = actions
        self.recordedBy = recordedBy
    }

    public var isHeld: Bool { heldAt != nil }
}
