/// A step in the child protection process that has a timescale attached.
///
/// Each case names the step, not the duration, so a hub can change a duration in
/// `Timescales` without touching any code that asks "when is the strategy meeting
/// due?". The comment on each case says what event starts the clock.
public enum SafeguardingStep: String, Sendable, Hashable, Codable, CaseIterable {
    /// From a phone report of concern to the written Multi-Agency Referral Form (MARF).
    case writtenReferralAfterPhoneReport
    /// From receipt of a referral to the decision and next action.
    case referralDecision
    /// From the referral to when the referrer should chase if they have heard nothing.
    case referrerChasesFeedback
    /// From a request for information to a partner agency to its answer.
    case informationRequestAnswer
    /// From an unanswered request's deadline (or its last chase) to the next chase.
    case informationRequestChase
    /// From the decision to a strategy discussion when the child is at immediate risk.
    case strategyDiscussionImmediateRisk
    /// From the decision to a strategy discussion in all other cases.
    case strategyDiscussion
    /// From the strategy discussion to a strategy meeting.
    case strategyMeeting
    /// From the strategy meeting to circulating its minutes.
    case strategyMeetingMinutes
    /// From the start of an assessment to its completion.
    case assessment
    /// From the strategy discussion to the initial child protection conference (ICPC).
    case initialChildProtectionConference
    /// From the conference to sending the outline child protection plan.
    case outlineChildProtectionPlan
    /// From the conference to circulating the full conference record.
    case conferenceRecord
    /// From the ICPC to the first core group meeting.
    case firstCoreGroup
    /// From one core group meeting to the next (the longest allowed gap).
    case laterCoreGroup
    /// From the ICPC to the first review conference.
    case firstReviewConference
    /// From one review conference to the next.
    case laterReviewConference
    /// From the last time a child on the register was seen alone to the next time.
    case childSeenAlone
    /// From the last time a child on the register was seen at home to the next time.
    case childSeenAtHome
    /// From a missing child's return to the return interview.
    case returnInterview
    /// From a domestic abuse incident attended by police to the school being told.
    case operationEncompassNotification
    /// From an early intervention referral to the first contact with the family.
    case earlyInterventionFirstContact
    /// From an early intervention referral to the "What Matters" conversation.
    case whatMattersConversation
    /// From a child exploitation assessment to its review.
    case exploitationAssessmentReview

    /// Stable localisation key, e.g. "timescale.strategyMeeting".
    public var key: String { "timescale." + rawValue }
}
