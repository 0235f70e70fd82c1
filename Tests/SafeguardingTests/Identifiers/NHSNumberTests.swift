import Foundation
import Testing
@testable import Safeguarding

struct NHSNumberTests {
    @Test(arguments: ["9434765919", "943 476 5919", "943-476-5919", " 943 4765919 ", "4010232137", "0000000000"])
    func acceptsValidNumbersHoweverTyped(_ text: String) throws {
        let number = try NHSNumber(text)
        #expect(number.digits.count == 10)
        #expect(number.digits.allSatisfy { $0.isNumber })
    }

    @Test func formatsIn334Groups() throws {
        let number = try NHSNumber("9434765919")
        #expect(number.formatted == "943 476 5919")
        #expect(number.description == "943 476 5919")
        #expect(number.digits == "9434765919")
    }

    @Test func handWorkedCheckDigit() {
        // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
        #expect(NHSNumber.checkDigit(forFirstNine: [9, 4, 3, 4, 7, 6, 5, 9, 1]) == 9)
        // Remainder 0 gives 11, which becomes 0.
        #expect(NHSNumber.checkDigit(forFirstNine: [0, 0, 0, 0, 0, 0, 0, 0, 0]) == 0)
        #expect(NHSNumber.checkDigit(forFirstNine: [1, 2, 3]) == nil)
    }

    @Test func rejectsAWrongCheckDigit() {
        #expect(throws: IdentifierError.checkDigitMismatch) { try NHSNumber("943 476 5918") }
        // Transposing two digits is the usual typing error the check digit catches.
        #expect(throws: IdentifierError.checkDigitMismatch) { try NHSNumber("9434769519") }
    }

    @Test func rejectsNumbersWhoseRemainderIsTen() throws {
        // A weighted sum with remainder 1 would need check digit 11 − 1 = 10, so it is never issued.
        let prefix = try #require((0..<1_000).lazy.map { n -> [Int] in
            let text = String(format: "%09d", 123_456_000 + n)
            return text.compactMap(\.wholeNumberValue)
        }.first { NHSNumber.checkDigit(forFirstNine: $0) == nil })
        let text = prefix.map(String.init).joined() + "0"
        #expect(throws: IdentifierError.unusableCheckDigit) { try NHSNumber(text) }
    }

    @Test func rejectsWrongLengthsAndCharacters() {
        #expect(throws: IdentifierError.wrongLength(expected: 10...10, actual: 9)) { try NHSNumber("943476591") }
        #expect(throws: IdentifierError.wrongLength(expected: 10...10, actual: 11)) { try NHSNumber("94347659190") }
        #expect(throws: IdentifierError.invalidCharacters) { try NHSNumber("943.476.5919") }
        #expect(throws: IdentifierError.invalidCharacters) { try NHSNumber("943 476 591X") }
        #expect(throws: IdentifierError.invalidCharacters) { try NHSNumber("९४३४७६५९१९") }
        #expect(throws: IdentifierError.empty) { try NHSNumber("  - ") }
    }

    @Test func everyValidNumberSurvivesARoundTrip() throws {
        let encoded = try JSONEncoder().encode(try NHSNumber("943 476 5919"))
        #expect(String(decoding: encoded, as: UTF8.self) == "\"9434765919\"")
        #expect(try JSONDecoder().decode(NHSNumber.self, from: encoded) == NHSNumber("9434765919"))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NHSNumber.self, from: Data("\"9434765918\"".utf8)) }
    }

    @Test func errorKeysAreStable() {
        #expect(IdentifierError.checkDigitMismatch.key == "identifier.error.checkDigitMismatch")
        #expect(IdentifierError.wrongLength(expected: 1...1, actual: 2).key == "identifier.error.wrongLength")
        #expect(IdentifierError.unusableCheckDigit.key == "identifier.error.unusableCheckDigit")
    }
}
