/// Why a piece of text is not a valid identifier or date of birth.
///
/// Each case is one rule broken, so the web layer can tell a referrer exactly what
/// to fix ("an NHS number has 10 digits") in English or Welsh from `key`. A wrong
/// identifier on a referral can link a child to another child's record, so these
/// checks refuse rather than guess.
public enum IdentifierError: Error, Sendable, Hashable {
    /// Nothing was entered once spaces were removed.
    case empty
    /// The number of significant characters is outside `expected`.
    case wrongLength(expected: ClosedRange<Int>, actual: Int)
    /// A character that can never appear in this identifier (punctuation, accents,
    /// or a letter where only digits are allowed).
    case invalidCharacters
    /// The characters are allowed but not in this arrangement (e.g. a postcode
    /// whose inward part is not digit-letter-letter).
    case invalidFormat
    /// The check digit or check letter does not match the rest of the identifier,
    /// which usually means a mistyped or transposed character.
    case checkDigitMismatch
    /// The other digits produce no valid check digit, so no identifier of this
    /// kind can begin with them (NHS numbers whose remainder is 10).
    case unusableCheckDigit
    /// A date that does not exist, such as 31 April, or text that is not a date.
    case invalidDate
    /// A date of birth after today.
    case dateInFuture
    /// A date of birth so long ago that it must be a typing error.
    case dateImplausiblyOld

    /// Stable localisation key, e.g. "identifier.error.checkDigitMismatch".
    public var key: String {
        switch self {
        case .empty: "identifier.error.empty"
        case .wrongLength: "identifier.error.wrongLength"
        case .invalidCharacters: "identifier.error.invalidCharacters"
        case .invalidFormat: "identifier.error.invalidFormat"
        case .checkDigitMismatch: "identifier.error.checkDigitMismatch"
        case .unusableCheckDigit: "identifier.error.unusableCheckDigit"
        case .invalidDate: "identifier.error.invalidDate"
        case .dateInFuture: "identifier.error.dateInFuture"
        case .dateImplausiblyOld: "identifier.error.dateImplausiblyOld"
        }
    }
}
