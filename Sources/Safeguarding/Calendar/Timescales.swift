/// Every timescale the hub works to, with the defaults from the Wales Safeguarding
/// Procedures and local hub agreements.
///
/// All of them are variables because regional safeguarding boards may agree
/// tighter local timescales; load overrides from configuration and pass the
/// result to `WorkingCalendar`. Look a timescale up by step with `subscript(_:)`
/// so callers never hard-code a number of days.
public struct Timescales: Sendable, Hashable, Codable {
    public var writtenReferralAfterPhoneReport: Timescale = .workingDays(1)
    public var referralDecision: Timescale = .workingDays(1)
    public var referrerChasesFeedback: Timescale = .workingDays(7)
    /// Answers are needed well inside the one-working-day decision clock.
    public var informationRequestAnswer: Timescale = .workingHours(4)
    public var informationRequestChase: Timescale = .workingHours(2)
    public var strategyDiscussionImmediateRisk: Timescale = .sameDay
    public var strategyDiscussion: Timescale = .workingDays(1)
    public var strategyMeeting: Timescale = .workingDays(3)
    public var strategyMeetingMinutes: Timescale = .workingDays(1)
    public var assessment: Timescale = .workingDays(42)
    public var initialChildProtectionConference: Timescale = .workingDays(15)
    public var outlineChildProtectionPlan: Timescale = .workingDays(5)
    public var conferenceRecord: Timescale = .workingDays(20)
    public var firstCoreGroup: Timescale = .workingDays(10)
    public var laterCoreGroup: Timescale = .weeks(6)
    public var firstReviewConference: Timescale = .months(3)
    public var laterReviewConference: Timescale = .months(6)
    public var childSeenAlone: Timescale = .workingDays(10)
    public var childSeenAtHome: Timescale = .weeks(4)
    public var returnInterview: Timescale = .hours(72)
    public var operationEncompassNotification: Timescale = .beforeNextSchoolDay
    public var earlyInterventionFirstContact: Timescale = .sameWorkingDay
    public var whatMattersConversation: Timescale = .workingDays(2)
    public var exploitationAssessmentReview: Timescale = .weeks(12)
    /// Not a duration: when missing episodes require a strategy meeting.
    public var missingChildStrategyMeeting = MissingEpisodeThreshold()

    public init() {}

    public subscript(step: SafeguardingStep) -> Timescale {
        get {
            switch step {
            case .writtenReferralAfterPhoneReport: writtenReferralAfterPhoneReport
            case .referralDecision: referralDecision
            case .referrerChasesFeedback: referrerChasesFeedback
            case .informationRequestAnswer: informationRequestAnswer
            case .informationRequestChase: informationRequestChase
            case .strategyDiscussionImmediateRisk: strategyDiscussionImmediateRisk
            case .strategyDiscussion: strategyDiscussion
            case .strategyMeeting: strategyMeeting
            case .strategyMeetingMinutes: strategyMeetingMinutes
            case .assessment: assessment
            case .initialChildProtectionConference: initialChildProtectionConference
            case .outlineChildProtectionPlan: outlineChildProtectionPlan
            case .conferenceRecord: conferenceRecord
            case .firstCoreGroup: firstCoreGroup
            case .laterCoreGroup: laterCoreGroup
            case .firstReviewConference: firstReviewConference
            case .laterReviewConference: laterReviewConference
            case .childSeenAlone: childSeenAlone
            case .childSeenAtHome: childSeenAtHome
            case .returnInterview: returnInterview
            case .operationEncompassNotification: operationEncompassNotification
            case .earlyInterventionFirstContact: earlyInterventionFirstContact
            case .whatMattersConversation: whatMattersConversation
            case .exploitationAssessmentReview: exploitationAssessmentReview
            }
        }
        set {
            switch step {
            case .writtenReferralAfterPhoneReport: writtenReferralAfterPhoneReport = newValue
            case .referralDecision: referralDecision = newValue
            case .referrerChasesFeedback: referrerChasesFeedback = newValue
            case .informationRequestAnswer: informationRequestAnswer = newValue
            case .informationRequestChase: informationRequestChase = newValue
            case .strategyDiscussionImmediateRisk: strategyDiscussionImmediateRisk = newValue
            case .strategyDiscussion: strategyDiscussion = newValue
            case .strategyMeeting: strategyMeeting = newValue
            case .strategyMeetingMinutes: strategyMeetingMinutes = newValue
            case .assessment: assessment = newValue
            case .initialChildProtectionConference: initialChildProtectionConference = newValue
            case .outlineChildProtectionPlan: outlineChildProtectionPlan = newValue
            case .conferenceRecord: conferenceRecord = newValue
            case .firstCoreGroup: firstCoreGroup = newValue
            case .laterCoreGroup: laterCoreGroup = newValue
            case .firstReviewConference: firstReviewConference = newValue
            case .laterReviewConference: laterReviewConference = newValue
            case .childSeenAlone: childSeenAlone = newValue
            case .childSeenAtHome: childSeenAtHome = newValue
            case .returnInterview: returnInterview = newValue
            case .operationEncompassNotification: operationEncompassNotification = newValue
            case .earlyInterventionFirstContact: earlyInterventionFirstContact = newValue
            case .whatMattersConversation: whatMattersConversation = newValue
            case .exploitationAssessmentReview: exploitationAssessmentReview = newValue
            }
        }
    }
}
