/// The decisions the hub makes at the front door (Wales Safeguarding Procedures).
public enum DecisionOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case noFurtherAction = "no_further_action"
    /// For police notices: no statutory action, but the early intervention team follows up.
    case noFurtherActionWithEarlyIntervention = "no_further_action_early_intervention"
    case informationAdviceAssistance = "information_advice_assistance"
    case familiesFirst = "families_first"
    case careAndSupportAssessment = "care_and_support_assessment"
    case strategyDiscussion = "strategy_discussion"

    /// Closing outcomes: the case leaves statutory services.
    public var isNoFurtherAction: Bool {
        self == .noFurtherAction || self == .noFurtherActionWithEarlyIntervention
    }

    /// What the referrer is told. A teacher learns that the hub is acting, not that a
    /// Section 47 enquiry may follow: the feedback says no more than they may know.
    public var feedbackCategory: ReferrerFeedbackCategory {
        switch self {
        case .noFurtherAction: .noFurtherAction
        case .noFurtherActionWithEarlyIntervention, .informationAdviceAssistance, .familiesFirst: .supportOffered
        case .careAndSupportAssessment, .strategyDiscussion: .childrensServicesActing
        }
    }
}

/// The outcome as the person who made the referral hears it.
public enum ReferrerFeedbackCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case noFurtherAction = "no_further_action"
    case supportOffered = "support_offered"
    case childrensServicesActing = "childrens_services_acting"
}
