import Foundation

/// An assessment of care and support needs (including one made during a Section 47
/// enquiry), due 42 working days from its start. It starts with the "What Matters"
/// conversation and must carry the child's voice: the inspection found it missing.
public struct Assessment: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var startedAt: Date
    public var dueAt: Date
    public var childSeen: Bool?
    public var childSeenAt: Date?
    public var childSeenAlone: Bool
    /// What the child said, in their own words: not a worker's summary of them.
    public var childsViews: String
    public var whatMatters: String
    public var personalOutcomes: String
    public var strengths: String
    public var risks: String
    public var analysis: String
    /// Why a part is missing, when it is: an assessment may be completed without a
    /// part only with a recorded reason (a baby cannot give views in words).
    public var missingReasons: [AssessmentElement: String]
    public var completedAt: Date?
    public var completedBy: UUID?

    public init(
        id: UUID = UUID(), childID: UUID, startedAt: Date, dueAt: Date, childSeen: Bool? = nil, childSeenAt: Date? = nil,
        childSeenAlone: Bool = false, childsViews: String = "", whatMatters: String = "", personalOutcomes: String = "",
        strengths: String = "", risks: String = "", analysis: String = "",
        missingReasons: [AssessmentElement: String] = [:], completedAt: Date? = nil, completedBy: UUID? = nil
    ) {
        self.id = id
        self.childID = childID
        self.startedAt = startedAt
        self.dueAt = dueAt
        self.childSeen = childSeen
        self.childSeenAt = childSeenAt
        self.childSeenAlone = childSeenAlone
        self.childsViews = childsViews
        self.whatMatters = whatMatters
        self.personalOutcomes = personalOutcomes
        self.strengths = strengths
        self.risks = risks
        self.analysis = analysis
        self.missingReasons = missingReasons
        self.completedAt = completedAt
        self.completedBy = completedBy
    }

    public var isComplete: Bool { completedAt != nil }
}

/// The parts an assessment cannot be completed without (or without a reason).
public enum AssessmentElement: String, Sendable, Hashable, Codable, CaseIterable {
    case childSeen = "child_seen"
    case childsViews = "childs_views"
    case whatMatters = "what_matters"
    case personalOutcomes = "personal_outcomes"
    case strengths
    case risks
    case analysis
}
