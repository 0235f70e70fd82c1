/// How two values of one identifier (NHS number, UPN, police or social care ID)
/// relate. Identifiers are the strongest evidence both for and against a match.
public enum IdentifierAgreement: UInt8, Sendable, Hashable, CaseIterable {
    /// At least one side has no value.
    case notCompared = 0
    case equal = 1
    /// One keystroke apart and (for NHS numbers) one side fails its check digit:
    /// most likely a typing error.
    case nearlyEqual = 2
    /// Different values: almost always different people.
    case conflicts = 3

    /// Compares identifier values after removing spaces/dashes and case.
    public static func compare(_ lhs: String?, _ rhs: String?) -> IdentifierAgreement {
        guard let lhs, let rhs else { return .notCompared }
        return compare(canonical: IdentifierAgreement.canonical(lhs), IdentifierAgreement.canonical(rhs))
    }

    /// Compares NHS numbers: two *valid* numbers that differ always conflict,
    /// because the check digit rules out a single typing error.
    public static func compareNHSNumbers(_ lhs: String?, _ rhs: String?) -> IdentifierAgreement {
        guard let lhs, let rhs else { return .notCompared }
        let left = canonical(lhs), right = canonical(rhs)
        let agreement = compare(canonical: left, right)
        if agreement == .nearlyEqual,
           NHSNumber.isValid(String(decoding: left, as: UTF8.self)),
           NHSNumber.isValid(String(decoding: right, as: UTF8.self)) {
            return .conflicts
        }
        return agreement
    }

    static func compare(canonical left: [UInt8], _ right: [UInt8]) -> IdentifierAgreement {
        if left.isEmpty || right.isEmpty { return .notCompared }
        if left == right { return .equal }
        return EditDistance.isOneEditApart(left, right) ? .nearlyEqual : .conflicts
    }

    /// Upper-case letters and digits only, so "943 476 5919" equals "9434765919".
    static func canonical(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A: output.append(byte)
            case 0x61...0x7A: output.append(byte - 0x20)
            default: continue
            }
        }
        return output
    }
}
