/// A pupil's Unique Pupil Number (UPN), issued by schools in Wales and England.
///
/// The UPN follows a child between schools and local authorities, so it lets the
/// hub find the right education record when a child has moved. Thirteen characters:
///
/// | Position | Meaning |
/// |---|---|
/// | 1 | check letter |
/// | 2–4 | local authority number (660–681 in Wales) |
/// | 5–8 | establishment number of the issuing school |
/// | 9–10 | last two digits of the year issued |
/// | 11–13 | serial number; a *temporary* UPN has two digits and a letter |
///
/// The check letter comes from the DfE/Welsh Government algorithm: multiply
/// characters 2 to 13 by weights 2 to 13, where a digit counts as itself and a
/// letter (only in position 13) as its index in `ABCDEFGHJKLMNPQRTUVWXYZ`; take the
/// sum modulo 23 and read the letter at that index of the same alphabet. I, O and S
/// never appear because they are easily mistaken for 1, 0 and 5.
///
/// The local authority number is not checked against a list: children arrive from
/// all over the UK and pseudo-authority codes exist, so only the structure and the
/// check letter are enforced.
public struct UniquePupilNumber: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 13 characters in upper case, with no spaces.
    public let value: String

    /// Letters that may be a check letter or the last character of a temporary UPN,
    /// in order of their numeric value (A = 0 … Z = 22).
    public static let letterAlphabet: [Character] = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    public init(_ text: String) throws(IdentifierError) {
        let significant = text.filter { $0 != " " }.uppercased()
        guard !significant.isEmpty else { throw .empty }
        guard significant.allSatisfy({ $0.isASCIIDigitCharacter || $0.isASCIILetterCharacter }) else {
            throw .invalidCharacters
        }
        guard significant.count == 13 else { throw .wrongLength(expected: 13...13, actual: significant.count) }

        let characters = Array(significant)
        let body = String(characters[1...])
        guard UniquePupilNumber.letterAlphabet.contains(characters[0]),
              characters[1..<12].allSatisfy(\.isASCIIDigitCharacter),
              let expected = UniquePupilNumber.checkLetter(for: body)
        else { throw .invalidFormat }
        guard expected == characters[0] else { throw .checkDigitMismatch }
        self.value = significant
    }

    /// The check letter for characters 2–13 (eleven digits, then a digit or an
    /// allowed letter), or `nil` if `body` does not have that shape. Schools use this
    /// to issue temporary UPNs.
    public static func checkLetter(for body: String) -> Character? {
        let characters = Array(body.uppercased())
        guard characters.count == 12, characters[0..<11].allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        var sum = 0
        for (offset, character) in characters.enumerated() {
            let weight = offset + 2
            if let digit = character.wholeNumberValue, character.isASCIIDigitCharacter {
                sum += digit * weight
            } else if let letterValue = letterAlphabet.firstIndex(of: character) {
                sum += letterValue * weight
            } else {
                return nil
            }
        }
        return letterAlphabet[sum % 23]
    }

    public var checkLetter: Character { value.first! }

    /// Positions 2–4, e.g. "681" for Cardiff.
    public var localAuthorityNumber: String { slice(1..<4) }

    /// Positions 5–8: the issuing school's establishment number.
    public var establishmentNumber: String { slice(4..<8) }

    /// Positions 9–10: the two-digit year of issue.
    public var yearOfIssue: String { slice(8..<10) }

    /// A temporary UPN ends in a letter and should be replaced by a permanent one
    /// when the pupil's previous UPN is found, so records holding it need chasing.
    public var isTemporary: Bool { value.last.map(\.isASCIILetterCharacter) ?? false }

    public var description: String { value }

    private func slice(_ range: Range<Int>) -> String {
        String(Array(value)[range])
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try UniquePupilNumber(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.key)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
