import Foundation
import Testing
@testable import Safeguarding

struct UniquePupilNumberTests {
    /// Worked by hand from the DfE algorithm (weights 2–13, modulo 23).
    static let handChecked = [
        // 8×2 + 0×3 + 1×4 + 2×5 + 0 + 0 + 0 + 0 + 5×10 + 0 + 0 + 1×13 = 93; 93 mod 23 = 1 → B.
        "B801200005001",
        // Cardiff (681): 6×2 + 8×3 + 1×4 + 1×5 + 2×6 + 3×7 + 4×8 + 1×9 + 2×10 + 0 + 0 + 1×13 = 152; mod 23 = 14 → Q.
        "Q681123412001",
        // Temporary, last character A = 0: 152 − 13 = 139; mod 23 = 1 → B.
        "B68112341200A",
        // Temporary, last character Z = 22: 139 + 22×13 = 425; mod 23 = 11 → M.
        "M68112341200Z",
    ]

    @Test(arguments: handChecked)
    func acceptsHandCheckedNumbers(_ text: String) throws {
        let upn = try UniquePupilNumber(text)
        #expect(upn.value == text)
    }

    @Test func readsTheParts() throws {
        let upn = try UniquePupilNumber("q681 1234 1200 1")
        #expect(upn.value == "Q681123412001")
        #expect(upn.checkLetter == "Q")
        #expect(upn.localAuthorityNumber == "681")
        #expect(upn.establishmentNumber == "1234")
        #expect(upn.yearOfIssue == "12")
        #expect(!upn.isTemporary)
        #expect(try UniquePupilNumber("B68112341200A").isTemporary)
    }

    @Test func numbersBuiltByTheAlgorithmAreAccepted() throws {
        // Every Welsh local authority, several serials, permanent and temporary.
        var rejected: [String] = []
        for authority in 660...681 {
            for serial in ["001", "123", "999", "09A", "12Z", "45H"] {
                let body = "\(authority)" + "2345" + "24" + serial
                let letter = try #require(UniquePupilNumber.checkLetter(for: body))
                if (try? UniquePupilNumber(String(letter) + body)) == nil { rejected.append(body) }
            }
        }
        #expect(rejected.isEmpty)
    }

    @Test func everyOtherCheckLetterIsRejected() throws {
        let body = "681123412001"
        for letter in UniquePupilNumber.letterAlphabet where letter != "Q" {
            #expect(throws: IdentifierError.checkDigitMismatch) { try UniquePupilNumber(String(letter) + body) }
        }
    }

    @Test func catchesSingleDigitTypingErrors() throws {
        // Changing one digit changes the weighted sum by weight × difference, which
        // is never a multiple of 23 for weights 2–13 and differences 1–9.
        var undetected: [String] = []
        let valid = Array("Q681123412001")
        for position in 1..<13 {
            for digit in 0...9 where Character(String(digit)) != valid[position] {
                var changed = valid
                changed[position] = Character(String(digit))
                if (try? UniquePupilNumber(String(changed))) != nil { undetected.append(String(changed)) }
            }
        }
        #expect(undetected.isEmpty)
    }

    @Test func rejectsMalformedNumbers() {
        #expect(throws: IdentifierError.empty) { try UniquePupilNumber("   ") }
        #expect(throws: IdentifierError.wrongLength(expected: 13...13, actual: 12)) { try UniquePupilNumber("Q68112341200") }
        #expect(throws: IdentifierError.invalidCharacters) { try UniquePupilNumber("Q681-1234-12001") }
        // I, O and S are never used.
        #expect(throws: IdentifierError.invalidFormat) { try UniquePupilNumber("I681123412001") }
        #expect(throws: IdentifierError.invalidFormat) { try UniquePupilNumber("Q68112341200O") }
        // A letter in the middle.
        #expect(throws: IdentifierError.invalidFormat) { try UniquePupilNumber("Q6811234A2001") }
        // A digit where the check letter belongs.
        #expect(throws: IdentifierError.invalidFormat) { try UniquePupilNumber("1681123412001") }
        #expect(UniquePupilNumber.checkLetter(for: "68112341200S") == nil)
        #expect(UniquePupilNumber.checkLetter(for: "6811234120") == nil)
    }

    @Test func encodesAsItsValue() throws {
        let upn = try UniquePupilNumber("Q681123412001")
        let data = try JSONEncoder().encode(upn)
        #expect(String(decoding: data, as: UTF8.self) == "\"Q681123412001\"")
        #expect(try JSONDecoder().decode(UniquePupilNumber.self, from: data) == upn)
    }
}
