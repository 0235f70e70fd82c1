/// The police's grading of a missing child's risk. "No apparent risk" is what forces
/// once called "absent": the child is not where they should be, with nothing known to
/// put them in danger.
public enum MissingRiskGrade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case noApparentRisk = "no_apparent_risk"
    case low
    case medium
    case high

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: MissingRiskGrade, rhs: MissingRiskGrade) -> Bool { lhs.rank < rhs.rank }
}
