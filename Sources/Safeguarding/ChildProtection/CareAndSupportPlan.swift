import Foundation

/// A child's care and support plan ("care and support protection plan" while on the
/// register). There is one per child, never one shared between siblings: a shared
/// plan was found not updated for the child whose circumstances changed.
public struct CareAndSupportPlan: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var createdAt: Date
    public var outcomes: [PlanOutcome]
    public var actions: [AgreedAction]
    /// What the child said they want from the plan, in their own words.
    public var childContribution: String
    public var childInvitedToMeetings: Bool
    /// Nil until the active offer of advocacy has been made and recorded.
    public var advocacyOffered: Bool?
    /// Set when a change of circumstance forces a review; cleared by the review.
    public var reviewRequired: PlanReviewReason?
    public var reviewRequiredAt: Date?
    public var lastReviewedAt: Date?
    public var writtenAgreement: WrittenAgreement?

    public init(
        id: UUID = UUID(), childID: UUID, createdAt: Date, outcomes: [PlanOutcome] = [], actions: [AgreedAction] = [],
        childContribution: String = "", childInvitedToMeetings: Bool = false, advocacyOffered: Bool? = nil,
        reviewRequired: PlanReviewReason? = nil, reviewRequiredAt: Date? = nil, lastReviewedAt: Date? = nil,
        writtenAgreement: WrittenAgreement? = nil
    ) {
        self.id = id
        self.childID = childID
        self.createdAt = createdAt
        self.outcomes = outcomes
        self.actions = actions
        self.childContribution = childContribution
        self.childInvitedToMeetings = childInvitedToMeetings
        self.advocacyOffered = advocacyOffered
        self.reviewRequired = reviewRequired
        self.reviewRequiredAt = reviewRequiredAt
        self.lastReviewedAt = lastReviewedAt
        self.writtenAgreement = writtenAgreement
    }

    /// A written agreement used instead of child protection procedures waits for a manager.
    public var needsManagerReview: Bool {
        guard let agreement = writtenAgreement else { return false }
        return agreement.usedInsteadOfProcedures && agreement.managerReview == nil
    }
}

/// A personal outcome the child and family want, scored over time.
public struct PlanOutcome: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var description: String
    public var scores: [OutcomeScore]

    public init(id: UUID = UUID(), description: String, scores: [OutcomeScore] = []) {
        self.id = id
        self.description = description
        self.scores = scores
    }

    public var latestScore: OutcomeScore? { scores.max { $0.at < $1.at } }
}

/// A score from 1 (not met at all) to 10 (fully met), given at a review or visit.
public struct OutcomeScore: Sendable, Hashable, Codable {
    public var score: Int
    public var at: Date
    public var by: UUID

    public init(score: Int, at: Date, by: UUID) {
        self.score = score
        self.at = at
        self.by = by
    }
}

/// Changes of circumstance that force the plan to be reviewed.
public enum PlanReviewReason: String, Sendable, Hashable, Codable, CaseIterable {
    case becameLookedAfter = "became_looked_after"
    case returnedHome = "returned_home"
}

/// An agreement a family signed. Used instead of child protection procedures it is a
/// practice risk, so it is flagged until a manager reviews it.
public struct WrittenAgreement: Sendable, Hashable, Codable {
    public var summary: String
    public var usedInsteadOfProcedures: Bool
    public var recordedBy: UUID
    public var recordedAt: Date
    public var managerReview: ManagerOversight?

    public init(
        summary: String, usedInsteadOfProcedures: Bool, recordedBy: UUID, recordedAt: Date,
        managerReview: ManagerOversight? = nil
    ) {
        self.summary = summary
        self.usedInsteadOfProcedures = usedInsteadOfProcedures
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.managerReview = managerReview
    }
}
