import Foundation

/// The earlier referrals about the same child in the twelve months before this one,
/// with what was decided: the picture that lets the hub see a situation not progressing.
public struct ReferralHistory: Sendable, Hashable {
    /// One earlier referral.
    public struct Earlier: Sendable, Hashable {
        public var referralID: UUID
        public var reference: String
        public var receivedAt: Date
        public var outcome: DecisionOutcome?
        /// The record the earlier referral was linked to, if any: whoever may not open
        /// that record is not shown the referral either.
        public var childID: UUID?

        public init(referralID: UUID, reference: String, receivedAt: Date, outcome: DecisionOutcome?, childID: UUID? = nil) {
            self.referralID = referralID
            self.reference = reference
            self.receivedAt = receivedAt
            self.outcome = outcome
            self.childID = childID
        }
    }

    /// How far back a referral counts as a re-referral.
    public static let window: TimeInterval = 365 * 24 * 3600

    public let earlier: [Earlier]

    /// Keeps only the referrals received in the twelve months before `receivedAt`, newest first.
    public init(receivedAt: Date, candidates: [Earlier]) {
        earlier = candidates
            .filter { $0.receivedAt < receivedAt && $0.receivedAt >= receivedAt.addingTimeInterval(-Self.window) }
            .sorted { $0.receivedAt > $1.receivedAt }
    }

    public var isReReferral: Bool { !earlier.isEmpty }

    /// This is at least the third referral about the child within twelve months.
    public var isThirdOrMoreInTwelveMonths: Bool { earlier.count >= 2 }

    /// How many of the earlier referrals were closed with no further action.
    public var closedWithNoFurtherAction: Int { earlier.filter { $0.outcome?.isNoFurtherAction == true }.count }
}
