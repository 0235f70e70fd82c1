import Foundation
import Testing
@testable import Safeguarding

struct PostcodeTests {
    @Test(arguments: [
        ("NP20 4UR", "NP20 4UR"), ("np204ur", "NP20 4UR"), ("  NP20   4UR ", "NP20 4UR"),
        ("CF10 1EP", "CF10 1EP"), ("SA1 1DP", "SA1 1DP"), ("LL55 4UR", "LL55 4UR"),
        ("M1 1AE", "M1 1AE"), ("B33 8TH", "B33 8TH"), ("W1A 0AX", "W1A 0AX"),
        ("EC1A 1BB", "EC1A 1BB"), ("cr26xh", "CR2 6XH"), ("DN55 1PT", "DN55 1PT"),
        ("GIR 0AA", "GIR 0AA"), ("gir0aa", "GIR 0AA"), ("SW1A 2AA", "SW1A 2AA"), ("N1C 4AG", "N1C 4AG"),
    ])
    func normalisesValidPostcodes(_ input: String, _ expected: String) throws {
        #expect(try Postcode(input).formatted == expected)
    }

    @Test func exposesOutwardInwardAreaDistrictAndSector() throws {
        let postcode = try Postcode("np20 4ur")
        #expect(postcode.outward == "NP20")
        #expect(postcode.inward == "4UR")
        #expect(postcode.area == "NP")
        #expect(postcode.district == "NP20")
        #expect(postcode.sector == "NP20 4")
        #expect(postcode.unit == "NP20 4UR")
        #expect(postcode.description == "NP20 4UR")
        #expect(try Postcode("M1 1AE").area == "M")
        #expect(try Postcode("EC1A 1BB").sector == "EC1A 1")
    }

    @Test func rejectsBadShapes() {
        #expect(throws: IdentifierError.empty) { try Postcode("  ") }
        #expect(throws: IdentifierError.invalidCharacters) { try Postcode("NP20-4UR") }
        #expect(throws: IdentifierError.wrongLength(expected: 5...7, actual: 4)) { try Postcode("NP20") }
        #expect(throws: IdentifierError.wrongLength(expected: 5...7, actual: 8)) { try Postcode("NP20 4URX") }
        // Inward code must be digit-letter-letter.
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("NP20 UR4") }
        // Outward code must start with a letter.
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("1P20 4UR") }
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("NPX0 4UR") }
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("NP 4UR") }
    }

    @Test func enforcesRoyalMailLetterRestrictions() {
        // Q, V, X never first.
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("QA1 1AA") }
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("V1 1AA") }
        // I, J, Z never second.
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("AI1 1AA") }
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("BZ12 1AA") }
        // Third-place letter in A9A from a restricted set.
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("W1L 1AA") }
        // Fourth-place letter in AA9A from a restricted set.
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("EC1C 1AA") }
        // C, I, K, M, O, V never in the inward code.
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("NP20 4UC") }
        #expect(throws: IdentifierError.invalidFormat) { try Postcode("NP20 4OR") }
    }

    @Test func encodesInDisplayForm() throws {
        let data = try JSONEncoder().encode(try Postcode("cf101ep"))
        #expect(String(decoding: data, as: UTF8.self) == "\"CF10 1EP\"")
        #expect(try JSONDecoder().decode(Postcode.self, from: data) == Postcode("CF10 1EP"))
    }
}
