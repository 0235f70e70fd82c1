/// What a strategy discussion or meeting decides. Only a discussion can decide to
/// convene a meeting; either can start a Section 47 enquiry.
public enum StrategyOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case strategyMeeting = "strategy_meeting"
    case section47Enquiry = "section_47_enquiry"
    case careAndSupportAssessment = "care_and_support_assessment"
    case noFurtherAction = "no_further_action"
}
