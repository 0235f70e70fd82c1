/// A UK postcode, checked for shape and held in the Royal Mail form "NP20 4UR".
///
/// Postcodes decide which local authority and hub a referral belongs to, and are
/// the main key for matching an address, so they are normalised (upper case, one
/// space before the inward code) however they were typed: "np204ur", "NP20  4UR".
///
/// Validation is by the published format, not by lookup: the outward code is one of
/// A9, A99, AA9, AA99, A9A or AA9A and the inward code is 9AA, with the Royal Mail
/// letter restrictions (no Q, V, X first; no I, J, Z second; limited letters in the
/// third or fourth place; no C, I, K, M, O, V in the inward code). "GIR 0AA" is
/// accepted as the one historic exception. A well-formed postcode may still not
/// exist, and British Forces (BFPO) and overseas territory codes are not accepted.
///
/// Parts, for "NP20 4UR": `area` "NP", `district` "NP20", `sector` "NP20 4",
/// `outward` "NP20", `inward` "4UR".
public struct Postcode: Sendable, Hashable, Codable, CustomStringConvertible {
    public let outward: String
    public let inward: String

    private static let firstLetterForbidden: Set<Character> = ["Q", "V", "X"]
    private static let secondLetterForbidden: Set<Character> = ["I", "J", "Z"]
    private static let thirdPlaceLetters: Set<Character> = Set("ABCDEFGHJKPSTUW")
    private static let fourthPlaceLetters: Set<Character> = Set("ABEHMNPRVWXY")
    private static let inwardLetters: Set<Character> = Set("ABDEFGHJLNPQRSTUWXYZ")

    public init(_ text: String) throws(IdentifierError) {
        let significant = text.filter { !$0.isWhitespace }.uppercased()
        guard !significant.isEmpty else { throw .empty }
        guard significant.allSatisfy({ $0.isASCIIDigitCharacter || $0.isASCIILetterCharacter }) else {
            throw .invalidCharacters
        }
        guard (5...7).contains(significant.count) else {
            throw .wrongLength(expected: 5...7, actual: significant.count)
        }

        let outward = String(significant.dropLast(3))
        let inward = String(significant.suffix(3))
        if outward == "GIR" && inward == "0AA" {
            self.outward = outward
            self.inward = inward
            return
        }
        guard Postcode.isValidInward(Array(inward)), Postcode.isValidOutward(Array(outward)) else {
            throw .invalidFormat
        }
        self.outward = outward
        self.inward = inward
    }

    /// "NP20 4UR".
    public var formatted: String { outward + " " + inward }

    /// The leading letters of the outward code, e.g. "NP" (Newport), "CF" (Cardiff).
    public var area: String { String(outward.prefix { $0.isASCIILetterCharacter }) }

    /// The outward code, e.g. "NP20".
    public var district: String { outward }

    /// The outward code and the first digit of the inward code, e.g. "NP20 4".
    public var sector: String { outward + " " + String(inward.prefix(1)) }

    /// The full postcode, identifying a group of around fifteen addresses.
    public var unit: String { formatted }

    public var description: String { formatted }

    private static func isValidInward(_ characters: [Character]) -> Bool {
        characters[0].isASCIIDigitCharacter
            && inwardLetters.contains(characters[1])
            && inwardLetters.contains(characters[2])
    }

    private static func isValidOutward(_ characters: [Character]) -> Bool {
        func letter(_ index: Int) -> Bool { characters[index].isASCIILetterCharacter }
        func digit(_ index: Int) -> Bool { characters[index].isASCIIDigitCharacter }

        guard letter(0), !firstLetterForbidden.contains(characters[0]) else { return false }
        switch characters.count {
        case 2:
            return digit(1)                                             // A9
        case 3:
            if digit(1) && digit(2) { return true }                     // A99
            if digit(1) && letter(2) { return thirdPlaceLetters.contains(characters[2]) } // A9A
            return letter(1) && !secondLetterForbidden.contains(characters[1]) && digit(2) // AA9
        case 4:
            guard letter(1), !secondLetterForbidden.contains(characters[1]), digit(2) else { return false }
            if digit(3) { return true }                                 // AA99
            return fourthPlaceLetters.contains(characters[3])           // AA9A
        default:
            return false
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Postcode(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted)
    }
}
