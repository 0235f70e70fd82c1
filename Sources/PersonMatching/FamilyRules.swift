/// Rules that keep siblings and twins apart, and respect conflicting identifiers.
///
/// Fellegi–Sunter assumes fields are independent, but within a family they are
/// not: siblings share surname, address and postcode, and twins share their
/// birth date too, so summed agreement looks overwhelming even when the given
/// names differ. Merging two children is the costliest mistake a hub can make,
/// so when family details are shared but nothing personal (given name, or an
/// identifier) agrees, the evidence from the shared family details is set
/// aside and a further penalty applied. The penalties are in bits of evidence.
public struct FamilyRules: Sendable, Hashable, Codable {
    /// Applied when the family details and birth date are shared but the given
    /// names are not equivalent.
    public var twinPenalty: Double
    /// Applied when family details are shared but the given names differ or one
    /// is missing, or when nothing personal agrees at all.
    public var siblingPenalty: Double
    /// Subtracted for each conflicting NHS number or UPN, on top of the learned
    /// weight, because a learned weight can be softened by noisy data while a
    /// real conflict should always force a human decision.
    public var identifierConflictPenalty: Double
    /// Whether the sibling and twin rules apply; identifier conflicts are penalised regardless.
    public var detectsFamilies: Bool

    public init(twinPenalty: Double = 10, siblingPenalty: Double = 8, identifierConflictPenalty: Double = 40,
                detectsFamilies: Bool = true) {
        self.twinPenalty = twinPenalty
        self.siblingPenalty = siblingPenalty
        self.identifierConflictPenalty = identifierConflictPenalty
        self.detectsFamilies = detectsFamilies
    }

    public static let standard = FamilyRules()

    /// Which family rule, if any, applies to a comparison.
    public enum Finding: Sendable, Hashable {
        case possibleTwin
        case possibleSibling

        var reason: MatchReason { self == .possibleTwin ? .possibleTwin : .possibleSibling }
    }

    /// The family rule that applies, ignoring identifier conflicts.
    public func finding(for comparison: PairComparison) -> Finding? {
        guard detectsFamilies, !comparison.anyIdentifierAgrees, !comparison.namesSwapped else { return nil }
        let surnameShared: Bool = switch comparison.surname {
        case .equal, .sharesPart, .patronymicEquivalent, .spelledSimilarly, .soundsAlike: true
        default: false
        }
        let homeShared = comparison.postcode == .equal || comparison.address == .equal || comparison.address == .similar
        guard surnameShared || homeShared else { return nil }
        let birthShared: Bool = switch comparison.dateOfBirth {
        case .equal, .equalPlaceholder, .dayMonthSwapped: true
        default: false
        }
        let given = comparison.givenName
        // A missing given name cannot tell twins apart, so it counts as "not equivalent".
        let namesNotEquivalent = given == .differs || given == .soundsAlike || given == .initialOrMiddleName
            || given == .notCompared || (given == .spelledSimilarly && comparison.sex == .differs)
        if (surnameShared || given == .notCompared) && birthShared && namesNotEquivalent { return .possibleTwin }
        if given == .differs || given == .notCompared { return .possibleSibling }
        // Household details alone (no given name or birth date that agrees)
        // describe a family, not a person.
        let personalEvidence: Bool = switch (given, comparison.dateOfBirth) {
        case (.equal, _), (.nicknameEquivalent, _), (.spelledSimilarly, _), (.soundsAlike, _): true
        case (_, .equal), (_, .dayMonthSwapped), (_, .yearOffByOne), (_, .oneDigitDiffers): true
        default: false
        }
        return personalEvidence ? nil : .possibleSibling
    }

    /// Whether a comparison has the signature of two siblings: same surname and
    /// home, different given name and birth date, no identifier in common.
    static func looksLikeSiblings(_ comparison: PairComparison) -> Bool {
        (comparison.surname == .equal || comparison.surname == .sharesPart)
            && (comparison.postcode == .equal || comparison.address == .equal || comparison.address == .similar)
            && comparison.givenName == .differs && comparison.dateOfBirth == .differs
            && !comparison.anyIdentifierAgrees
    }

    /// The penalty in bits under `weights`, and the reason to report if a family rule applied.
    /// When a rule applies, the positive evidence of the shared family fields
    /// (surname, postcode, address, and for twins the birth date) is withdrawn.
    public func penalty(for comparison: PairComparison, weights: MatchWeights) -> (bits: Double, reason: MatchReason?) {
        var bits = 0.0
        if comparison.nhsNumber == .conflicts { bits += identifierConflictPenalty }
        if comparison.uniquePupilNumber == .conflicts { bits += identifierConflictPenalty }
        guard let finding = finding(for: comparison) else { return (bits, nil) }
        var shared: [ComparisonField] = [.surname, .postcode, .address]
        if finding == .possibleTwin { shared.append(.dateOfBirth) }
        for field in shared {
            bits += max(0, weights.bayesFactorLog2(field, level: comparison.level(of: field)))
        }
        bits += finding == .possibleTwin ? twinPenalty : siblingPenalty
        return (bits, finding.reason)
    }
}
