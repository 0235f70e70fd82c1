/// A patient's NHS number, used by NHS Wales and NHS England alike.
///
/// It is the most reliable way to match a child across health, the hub and
/// children's services, so it is only accepted when the modulus 11 check digit
/// is right: multiply the first nine digits by 10 down to 2, take the sum modulo
/// 11, and subtract from 11 (11 becomes 0; 10 means the number cannot exist).
///
/// Referrers type numbers as printed on letters ("943 476 5919") or with hyphens,
/// so spaces and hyphens are ignored; the canonical form is ten digits, shown
/// in 3-3-4 groups.
public struct NHSNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The ten digits with no separators, as stored and exchanged.
    public let digits: String

    public init(_ text: String) throws(IdentifierError) {
        let significant = text.filter { $0 != " " && $0 != "-" }
        guard !significant.isEmpty else { throw .empty }
        guard significant.allSatisfy(\.isASCIIDigitCharacter) else { throw .invalidCharacters }
        guard significant.count == 10 else { throw .wrongLength(expected: 10...10, actual: significant.count) }

        let values = significant.compactMap(\.wholeNumberValue)
        guard let expected = NHSNumber.checkDigit(forFirstNine: Array(values.prefix(9))) else {
            throw .unusableCheckDigit
        }
        guard expected == values[9] else { throw .checkDigitMismatch }
        self.digits = significant
    }

    /// The check digit for nine leading digits (each 0–9), or `nil` when the
    /// remainder is 10 and no valid NHS number starts with them, or when `digits`
    /// is not nine single digits.
    public static func checkDigit(forFirstNine digits: [Int]) -> Int? {
        guard digits.count == 9, digits.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let sum = zip(digits, stride(from: 10, through: 2, by: -1)).reduce(0) { $0 + $1.0 * $1.1 }
        switch 11 - sum % 11 {
        case 11: return 0
        case 10: return nil
        case let digit: return digit
        }
    }

    /// "943 476 5919": the grouping printed on NHS letters and cards.
    public var formatted: String {
        let characters = Array(digits)
        return String(characters[0..<3]) + " " + String(characters[3..<6]) + " " + String(characters[6..<10])
    }

    public var description: String { formatted }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try NHSNumber(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
