/// The partnership's measures, in the order the performance framework shows them. The
/// raw value is the measure's name in addresses, exports and the catalogue's keys
/// (`measure.<id>.title`, `measure.<id>.definition`).
public enum MeasureID: String, Sendable, Hashable, Codable, CaseIterable {
    // The front door
    case decisionsOnTime = "decisions-on-time"
    case reReferrals = "re-referrals"
    case referralQuality = "referral-quality"
    case requestsAnsweredOnTime = "requests-answered-on-time"
    // Child protection
    case strategyMeetingsOnTime = "strategy-meetings-on-time"
    case strategyMeetingDelay = "strategy-meeting-delay"
    case minutesCirculatedOnTime = "minutes-circulated-on-time"
    case initialConferencesOnTime = "initial-conferences-on-time"
    case firstCoreGroupsOnTime = "first-core-groups-on-time"
    case reviewConferencesOnTime = "review-conferences-on-time"
    case coreGroupAttendance = "core-group-attendance"
    case assessmentsOnTime = "assessments-on-time"
    case daysOnRegister = "days-on-register"
    case reRegistrations = "re-registrations"
    // Exploitation and missing children
    case returnInterviewsOnTime = "return-interviews-on-time"
    case exploitationReviewsOnTime = "exploitation-reviews-on-time"

    public var measure: Measure { Measure.catalogue[self]! }
}
