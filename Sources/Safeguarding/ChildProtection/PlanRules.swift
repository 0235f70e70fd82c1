import Foundation

/// The rules of care and support plans.
public enum PlanRules {
    /// A new plan for one child; refused when the child already has one.
    public static func create(for childID: UUID, existing: CareAndSupportPlan?, at now: Date)
        throws(ChildProtectionError) -> CareAndSupportPlan
    {
        guard existing == nil else { throw .childAlreadyHasPlan }
        return CareAndSupportPlan(childID: childID, createdAt: now)
    }

    public static func addOutcome(_ plan: CareAndSupportPlan, description: String) -> CareAndSupportPlan {
        var updated = plan
        updated.outcomes.append(PlanOutcome(description: description))
        return updated
    }

    /// Scores an outcome; earlier scores are kept so progress can be seen over time.
    public static func score(
        _ plan: CareAndSupportPlan, outcome outcomeID: UUID, score: Int, by worker: UUID, at now: Date
    ) throws(ChildProtectionError) -> CareAndSupportPlan {
        guard (1...10).contains(score) else { throw .scoreOutOfRange }
        guard let index = plan.outcomes.firstIndex(where: { $0.id == outcomeID }) else { throw .outcomeNotFound }
        var updated = plan
        updated.outcomes[index].scores.append(OutcomeScore(score: score, at: now, by: worker))
        return updated
    }

    public static func addAction(_ plan: CareAndSupportPlan, _ action: AgreedAction) throws(ChildProtectionError)
        -> CareAndSupportPlan
    {
        guard action.isComplete else { throw .actionIncomplete }
        var updated = plan
        updated.actions.append(action)
        return updated
    }

    /// Becoming looked after or returning home forces a review straight away.
    public static func circumstancesChanged(_ plan: CareAndSupportPlan, _ reason: PlanReviewReason, at now: Date)
        -> CareAndSupportPlan
    {
        var updated = plan
        updated.reviewRequired = reason
        updated.reviewRequiredAt = now
        return updated
    }

    public static func reviewed(_ plan: CareAndSupportPlan, at now: Date) -> CareAndSupportPlan {
        var updated = plan
        updated.reviewRequired = nil
        updated.reviewRequiredAt = nil
        updated.lastReviewedAt = now
        return updated
    }

    /// A manager reviews a written agreement; not the worker who recorded it.
    public static func reviewAgreement(
        _ plan: CareAndSupportPlan, by manager: UUID, note: String, at now: Date
    ) throws(ChildProtectionError) -> CareAndSupportPlan {
        guard plan.needsManagerReview, var agreement = plan.writtenAgreement else { throw .nothingToReview }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reviewReasonMissing }
        agreement.managerReview = ManagerOversight(managerID: manager, at: now, kind: .oversight, note: note)
        var updated = plan
        updated.writtenAgreement = agreement
        return updated
    }
}
