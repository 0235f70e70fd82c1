import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A referral as the API returns it. The referrer sees their form, its quality and its
/// outcome in their terms; hub staff also see the history and the decisions.
struct ReferralResponse: Content {
    struct Quality: Content {
        var score: Int
        /// The rules not met, those worth most first: what would raise the score.
        var improvements: [String]
        var unmetMandatory: [String]
    }
    struct Problem: Content {
        var field: String
        var code: String
        var message: String
    }
    struct Earlier: Content {
        var id: UUID
        var reference: String
        var receivedAt: Date
        var outcome: DecisionOutcome?
    }
    struct Decision: Content {
        var outcome: DecisionOutcome
        var reasons: String
        var decidedBy: UUID
        var decidedAt: Date
        var agenciesDisagree: Bool
        var signOffReasons: [SignOffReason]
        var signedOffBy: UUID?
        var signOffAgreed: Bool?
        var signOffReason: String?
    }
    struct Addition: Content {
        var addedBy: UUID
        var addedAt: Date
        var text: String
    }

    var id: UUID
    var reference: String?
    var kind: ReferralKind
    var status: ReferralStatus
    var childId: UUID?
    var form: JSONValue
    var quality: Quality
    /// What must be put right before submission (drafts only).
    var problems: [Problem]
    var createdAt: Date
    var submittedAt: Date?
    var decisionDueAt: Date?
    var decidedAt: Date?
    /// The outcome in the terms the referrer may know.
    var feedback: ReferrerFeedbackCategory?
    var outcome: DecisionOutcome?
    var earlierReferrals: [Earlier]?
    var decisions: [Decision]?
    var additions: [Addition]
    /// For hub staff: the first notice of the incident when this one duplicates it, and
    /// the other notices of the same incident (F4).
    var episodeLeadId: UUID?
    var episode: [UUID]?

    init(_ referral: Referral, desk: ReferralDesk, request: Request, screening: ReferralDesk.Screening? = nil) {
        let quality = desk.quality(of: referral.form)
        let isHub = AccessPolicy().permits(desk.user.actor, .screenReferrals)
        id = referral.id
        reference = referral.reference
        kind = referral.kind
        status = referral.status
        childId = isHub ? referral.childID : nil
        form = ReferralFormJSON.tree(referral.form)
        self.quality = Quality(
            score: quality.total, improvements: quality.improvements,
            unmetMandatory: quality.unmetMandatoryRules)
        problems = referral.status == .draft
            ? desk.problems(of: referral.form).map {
                Problem(field: $0.field, code: $0.problem.messageKey, message: request.fieldMessage($0))
            } : []
        createdAt = referral.createdAt
        submittedAt = referral.submittedAt
        decisionDueAt = referral.decisionDueAt
        decidedAt = referral.decidedAt
        feedback = referral.outcome?.feedbackCategory
        outcome = isHub ? referral.outcome : nil
        earlierReferrals = isHub ? screening?.history.earlier.map {
            Earlier(id: $0.referralID, reference: $0.reference, receivedAt: $0.receivedAt, outcome: $0.outcome)
        } : nil
        decisions = isHub ? screening?.decisions.map {
            Decision(
                outcome: $0.decision.outcome, reasons: $0.decision.reasons, decidedBy: $0.decision.decidedBy,
                decidedAt: $0.decision.decidedAt, agenciesDisagree: $0.decision.agenciesDisagree,
                signOffReasons: $0.decision.signOffReasons, signedOffBy: $0.decision.signOff?.managerID,
                signOffAgreed: $0.decision.signOff?.agreed, signOffReason: $0.decision.signOff?.reason)
        } : nil
        additions = (screening?.additions ?? []).map { Addition(addedBy: $0.by, addedAt: $0.at, text: $0.text) }
        episodeLeadId = isHub ? referral.episodeLeadID : nil
        episode = isHub ? screening?.episode.map(\.id) : nil
    }
}

struct QueueResponse: Content {
    struct Line: Content {
        var id: UUID
        var reference: String
        var kind: ReferralKind
        var status: ReferralStatus
        var childName: String
        var childDateOfBirth: String?
        var referrerAgencyId: UUID
        var submittedAt: Date
        var decisionDueAt: Date
        var overdue: Bool
        var secondsRemaining: Int
        var qualityScore: Int
        var linkedNotices: Int
    }
    var items: [Line]
}

struct DecisionResponse: Content {
    var outcome: DecisionOutcome
    var status: ReferralStatus
    var signOffReasons: [SignOffReason]
    var final: Bool
}
