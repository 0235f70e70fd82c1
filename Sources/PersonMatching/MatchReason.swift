/// Why the matcher thinks two records are (or are not) the same person.
///
/// Reasons are codes, not sentences: the web app localises each `key` into
/// English and Welsh, and the keys are stable so translations survive upgrades.
public enum MatchReason: String, Sendable, Hashable, CaseIterable, Codable {
    case nhsNumberEqual, nhsNumberNearlyEqual, nhsNumberConflicts
    case uniquePupilNumberEqual, uniquePupilNumberNearlyEqual, uniquePupilNumberConflicts
    case policeIDEqual, policeIDNearlyEqual, policeIDConflicts
    case socialCareIDEqual, socialCareIDNearlyEqual, socialCareIDConflicts
    case otherIDEqual, otherIDNearlyEqual, otherIDConflicts
    case givenNameEqual, givenNameNicknameEquivalent, givenNameSpelledSimilarly, givenNameSoundsAlike
    case givenNameInitialOrMiddleName, givenNameDiffers
    case namesSwapped
    case surnameEqual, surnameSharesPart, surnamePatronymicEquivalent, surnameSpelledSimilarly, surnameSoundsAlike
    case surnameDiffers
    case dateOfBirthEqual, dateOfBirthPlaceholderEqual, dateOfBirthDayMonthSwapped, dateOfBirthYearOffByOne
    case dateOfBirthOneDigitDiffers, dateOfBirthPartlyDiffers, dateOfBirthDiffers
    case sexEqual, sexDiffers
    case postcodeEqual, postcodeSameSector, postcodeSameDistrict, postcodeNearlyEqual, postcodeDiffers
    case addressEqual, addressSimilar, addressPartlySimilar, addressDiffers
    /// Same family details and birth date but a different given name: the
    /// pattern of twins, so the score was lowered.
    case possibleTwin
    /// Same surname and address but a different given name: the pattern of
    /// siblings, so the score was lowered.
    case possibleSibling

    /// Stable localisation key, e.g. "match.reason.nhsNumberEqual".
    public var key: String { "match.reason." + rawValue }

    /// Whether the reason speaks for the same person (`true`) or against (`false`).
    public var supportsMatch: Bool {
        switch self {
        case .nhsNumberConflicts, .uniquePupilNumberConflicts, .policeIDConflicts, .socialCareIDConflicts,
             .otherIDConflicts, .givenNameDiffers, .surnameDiffers, .dateOfBirthDiffers, .sexDiffers,
             .postcodeDiffers, .addressDiffers, .possibleTwin, .possibleSibling, .dateOfBirthPartlyDiffers:
            false
        default:
            true
        }
    }

    /// The reasons a comparison gives, strongest evidence (identifiers) first.
    static func reasons(for comparison: PairComparison) -> [MatchReason] {
        var reasons: [MatchReason] = []
        func identifier(_ agreement: IdentifierAgreement, _ equal: MatchReason, _ near: MatchReason, _ conflict: MatchReason) {
            switch agreement {
            case .equal: reasons.append(equal)
            case .nearlyEqual: reasons.append(near)
            case .conflicts: reasons.append(conflict)
            case .notCompared: break
            }
        }
        identifier(comparison.nhsNumber, .nhsNumberEqual, .nhsNumberNearlyEqual, .nhsNumberConflicts)
        identifier(comparison.uniquePupilNumber, .uniquePupilNumberEqual, .uniquePupilNumberNearlyEqual,
                   .uniquePupilNumberConflicts)
        identifier(comparison.policeID, .policeIDEqual, .policeIDNearlyEqual, .policeIDConflicts)
        identifier(comparison.socialCareID, .socialCareIDEqual, .socialCareIDNearlyEqual, .socialCareIDConflicts)
        identifier(comparison.otherID, .otherIDEqual, .otherIDNearlyEqual, .otherIDConflicts)
        if comparison.namesSwapped {
            reasons.append(.namesSwapped)
        } else {
            switch comparison.givenName {
            case .equal: reasons.append(.givenNameEqual)
            case .nicknameEquivalent: reasons.append(.givenNameNicknameEquivalent)
            case .spelledSimilarly: reasons.append(.givenNameSpelledSimilarly)
            case .soundsAlike: reasons.append(.givenNameSoundsAlike)
            case .initialOrMiddleName: reasons.append(.givenNameInitialOrMiddleName)
            case .differs: reasons.append(.givenNameDiffers)
            case .notCompared: break
            }
            switch comparison.surname {
            case .equal: reasons.append(.surnameEqual)
            case .sharesPart: reasons.append(.surnameSharesPart)
            case .patronymicEquivalent: reasons.append(.surnamePatronymicEquivalent)
            case .spelledSimilarly: reasons.append(.surnameSpelledSimilarly)
            case .soundsAlike: reasons.append(.surnameSoundsAlike)
            case .differs: reasons.append(.surnameDiffers)
            case .notCompared: break
            }
        }
        switch comparison.dateOfBirth {
        case .equal: reasons.append(.dateOfBirthEqual)
        case .equalPlaceholder: reasons.append(.dateOfBirthPlaceholderEqual)
        case .dayMonthSwapped: reasons.append(.dateOfBirthDayMonthSwapped)
        case .yearOffByOne: reasons.append(.dateOfBirthYearOffByOne)
        case .oneDigitDiffers: reasons.append(.dateOfBirthOneDigitDiffers)
        case .onePartDiffers: reasons.append(.dateOfBirthPartlyDiffers)
        case .differs: reasons.append(.dateOfBirthDiffers)
        case .notCompared: break
        }
        switch comparison.sex {
        case .equal: reasons.append(.sexEqual)
        case .differs: reasons.append(.sexDiffers)
        case .notCompared: break
        }
        switch comparison.postcode {
        case .equal: reasons.append(.postcodeEqual)
        case .sameSector: reasons.append(.postcodeSameSector)
        case .sameDistrict: reasons.append(.postcodeSameDistrict)
        case .nearlyEqual: reasons.append(.postcodeNearlyEqual)
        case .differs: reasons.append(.postcodeDiffers)
        case .notCompared: break
        }
        switch comparison.address {
        case .equal: reasons.append(.addressEqual)
        case .similar: reasons.append(.addressSimilar)
        case .partlySimilar: reasons.append(.addressPartlySimilar)
        case .differs: reasons.append(.addressDiffers)
        case .notCompared: break
        }
        return reasons
    }
}
