import Foundation

/// What a Public Protection Notice adds to a referral: the incident, the officer's
/// assessment and what the police have already done.
public struct PoliceNoticeDetails: Sendable, Hashable, Codable {
    public var occurrenceNumber: String
    /// `nil` until the officer chooses: a notice filed as a child concern by default
    /// would lose a domestic abuse incident's priority and its Operation Encompass notice.
    public var noticeType: PoliceNoticeType?
    /// For domestic abuse notices: the DASH risk level.
    public var domesticAbuseRisk: RiskLevel?
    public var incidentAt: Date?
    public var incidentLocation: String
    public var supervisorName: String
    public var supervisorReviewed: Bool
    public var childPresent: Bool
    public var childWitnessed: Bool
    public var demeanour: String
    public var appearance: String
    public var homeConditions: String
    /// Nil until the officer grades it: a grade nobody chose is never recorded as theirs.
    public var officerRiskGrade: RiskLevel?
    public var riskRationale: String
    public var immediateActions: [ImmediatePoliceAction]
    public var maracReferral: Bool
    public var mappaNominal: Bool
    public var operationEncompassSent: Bool
    /// In custody: the health care professional's view on criminal exploitation.
    public var custodyHealthcareView: String

    public init(
        occurrenceNumber: String = "", noticeType: PoliceNoticeType? = nil, domesticAbuseRisk: RiskLevel? = nil,
        incidentAt: Date? = nil, incidentLocation: String = "", supervisorName: String = "",
        supervisorReviewed: Bool = false, childPresent: Bool = false, childWitnessed: Bool = false,
        demeanour: String = "", appearance: String = "", homeConditions: String = "",
        officerRiskGrade: RiskLevel? = nil, riskRationale: String = "",
        immediateActions: [ImmediatePoliceAction] = [], maracReferral: Bool = false, mappaNominal: Bool = false,
        operationEncompassSent: Bool = false, custodyHealthcareView: String = ""
    ) {
        self.occurrenceNumber = occurrenceNumber
        self.noticeType = noticeType
        self.domesticAbuseRisk = domesticAbuseRisk
        self.incidentAt = incidentAt
        self.incidentLocation = incidentLocation
        self.supervisorName = supervisorName
        self.supervisorReviewed = supervisorReviewed
        self.childPresent = childPresent
        self.childWitnessed = childWitnessed
        self.demeanour = demeanour
        self.appearance = appearance
        self.homeConditions = homeConditions
        self.officerRiskGrade = officerRiskGrade
        self.riskRationale = riskRationale
        self.immediateActions = immediateActions
        self.maracReferral = maracReferral
        self.mappaNominal = mappaNominal
        self.operationEncompassSent = operationEncompassSent
        self.custodyHealthcareView = custodyHealthcareView
    }
}

/// What kind of incident the notice is about.
public enum PoliceNoticeType: String, Sendable, Hashable, Codable, CaseIterable {
    case childConcern = "child_concern"
    case domesticAbuse = "domestic_abuse"
    case missingPerson = "missing_person"
    case custodyDetention = "custody_detention"
    case exploitationConcern = "exploitation_concern"
    case other
}

/// Standard, medium or high: the grading police use for risk (DASH and the officer's own).
public enum RiskLevel: String, Sendable, Hashable, Codable, CaseIterable {
    case standard
    case medium
    case high
}

/// What the police did at the time.
public enum ImmediatePoliceAction: String, Sendable, Hashable, Codable, CaseIterable {
    case policeProtection = "police_protection"
    case childAbductionWarningNotice = "child_abduction_warning_notice"
    case arrest
    case safetyPlan = "safety_plan"
    case none
}
