import Foundation

/// One time a child was missing: reported, risk-graded, located, and the return
/// interview that followed (domain.md, "Missing episodes").
public struct MissingEpisode: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var reportedAt: Date
    public var reportedByAgencyID: UUID
    public var reportedByUserID: UUID
    /// The police notice (a missing person PPN) the report came with, if any.
    public var referralID: UUID?
    public var riskGrade: MissingRiskGrade
    public var lastSeenAt: Date?
    public var lastSeenWhere: String
    public var locatedAt: Date?
    public var foundWhere: String
    public var foundWith: String
    public var returnInterview: ReturnInterview?
    /// Whether the episode made a missing-child strategy meeting due, and when it was held.
    public var strategyMeetingDue: Bool
    public var strategyMeetingHeldAt: Date?

    public init(
        id: UUID = UUID(), childID: UUID, reportedAt: Date, reportedByAgencyID: UUID, reportedByUserID: UUID,
        referralID: UUID? = nil, riskGrade: MissingRiskGrade, lastSeenAt: Date? = nil, lastSeenWhere: String = "",
        locatedAt: Date? = nil, foundWhere: String = "", foundWith: String = "", returnInterview: ReturnInterview? = nil,
        strategyMeetingDue: Bool = false, strategyMeetingHeldAt: Date? = nil
    ) {
        self.id = id
        self.childID = childID
        self.reportedAt = reportedAt
        self.reportedByAgencyID = reportedByAgencyID
        self.reportedByUserID = reportedByUserID
        self.referralID = referralID
        self.riskGrade = riskGrade
        self.lastSeenAt = lastSeenAt
        self.lastSeenWhere = lastSeenWhere
        self.locatedAt = locatedAt
        self.foundWhere = foundWhere
        self.foundWith = foundWith
        self.returnInterview = returnInterview
        self.strategyMeetingDue = strategyMeetingDue
        self.strategyMeetingHeldAt = strategyMeetingHeldAt
    }

    public var isMissingNow: Bool { locatedAt == nil }

    /// When the return interview must be offered by: 72 hours after the child returned.
    public var returnInterviewDueAt: Date? { locatedAt.map { $0.addingTimeInterval(MissingRules.returnInterviewWindow) } }

    /// Whether the interview was offered within the 72 hours; `nil` while the child is
    /// still missing or the 72 hours have not run out with nothing offered yet.
    public func returnInterviewOfferedInTime(now: Date) -> Bool? {
        guard let due = returnInterviewDueAt else { return nil }
        if let interview = returnInterview { return interview.offeredAt <= due }
        return now > due ? false : nil
    }
}
