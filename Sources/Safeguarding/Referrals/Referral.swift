import Foundation

/// A referral as the hub holds it: the form as the referrer wrote it, who sent it, and
/// where it stands against the clock.
public struct Referral: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    /// Given at submission ("DIO-2026-000123"); drafts have none.
    public var reference: String?
    public var status: ReferralStatus
    public var referrerUserID: UUID
    public var referrerAgencyID: UUID
    /// The child's record in Diogelu, once the hub has linked one.
    public var childID: UUID?
    public var form: ReferralForm
    public var qualityScore: Int
    public var createdAt: Date
    public var updatedAt: Date
    public var submittedAt: Date?
    public var decisionDueAt: Date?
    public var decidedAt: Date?
    public var outcome: DecisionOutcome?
    /// The first notice of the same incident, when this one is a duplicate of it (F4):
    /// the episode is screened and decided once, through that first notice.
    public var episodeLeadID: UUID?

    public init(
        id: UUID = UUID(), reference: String? = nil, status: ReferralStatus = .draft, referrerUserID: UUID,
        referrerAgencyID: UUID, childID: UUID? = nil, form: ReferralForm, qualityScore: Int = 0, createdAt: Date,
        updatedAt: Date? = nil, submittedAt: Date? = nil, decisionDueAt: Date? = nil, decidedAt: Date? = nil,
        outcome: DecisionOutcome? = nil, episodeLeadID: UUID? = nil
    ) {
        self.id = id
        self.reference = reference
        self.status = status
        self.referrerUserID = referrerUserID
        self.referrerAgencyID = referrerAgencyID
        self.childID = childID
        self.form = form
        self.qualityScore = qualityScore
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.submittedAt = submittedAt
        self.decisionDueAt = decisionDueAt
        self.decidedAt = decidedAt
        self.outcome = outcome
        self.episodeLeadID = episodeLeadID
    }

    public var kind: ReferralKind { form.kind }

    /// The reference for a referral number in a year: readable over the phone.
    public static func reference(year: Int, number: Int) -> String {
        "DIO-\(year)-" + String(format: "%06d", number)
    }
}
