/// A disagreement between two records that should stop a merge until a
/// practitioner confirms it. Merging two different children is the costliest
/// error the hub can make, so the app lists these before any merge.
public enum MergeConflict: Sendable, Hashable {
    case nhsNumber(String, String)
    case uniquePupilNumber(String, String)
    case policeID(String, String)
    case socialCareID(String, String)
    /// Birth dates differ in a way a day/month swap does not explain.
    case dateOfBirth(DateOfBirth, DateOfBirth)

    /// Stable localisation key, e.g. "merge.conflict.nhsNumber".
    public var key: String {
        switch self {
        case .nhsNumber: "merge.conflict.nhsNumber"
        case .uniquePupilNumber: "merge.conflict.uniquePupilNumber"
        case .policeID: "merge.conflict.policeID"
        case .socialCareID: "merge.conflict.socialCareID"
        case .dateOfBirth: "merge.conflict.dateOfBirth"
        }
    }

    /// Every conflict between two records, identifiers first. An identifier that
    /// is one keystroke from the other (and, for NHS numbers, fails its check
    /// digit) is treated as a typo, not a conflict; placeholder dates never conflict.
    public static func conflicts(between lhs: PersonRecord, and rhs: PersonRecord) -> [MergeConflict] {
        var conflicts: [MergeConflict] = []
        if let a = lhs.nhsNumber, let b = rhs.nhsNumber, IdentifierAgreement.compareNHSNumbers(a, b) == .conflicts {
            conflicts.append(.nhsNumber(a, b))
        }
        if let a = lhs.uniquePupilNumber, let b = rhs.uniquePupilNumber,
           IdentifierAgreement.compare(a, b) == .conflicts {
            conflicts.append(.uniquePupilNumber(a, b))
        }
        if let a = lhs.policeID, let b = rhs.policeID, IdentifierAgreement.compare(a, b) == .conflicts {
            conflicts.append(.policeID(a, b))
        }
        if let a = lhs.socialCareID, let b = rhs.socialCareID, IdentifierAgreement.compare(a, b) == .conflicts {
            conflicts.append(.socialCareID(a, b))
        }
        if let a = lhs.dateOfBirth, let b = rhs.dateOfBirth {
            switch DateOfBirthAgreement.compare(a, b) {
            case .notCompared, .equal, .equalPlaceholder, .dayMonthSwapped: break
            default: conflicts.append(.dateOfBirth(a, b))
            }
        }
        return conflicts
    }
}
