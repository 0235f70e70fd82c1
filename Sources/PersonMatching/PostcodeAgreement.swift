/// How two postcodes relate. Families move within an area, and a sector or
/// district match is useful but much weaker evidence than the full postcode.
public enum PostcodeAgreement: UInt8, Sendable, Hashable, CaseIterable {
    case notCompared = 0
    case equal = 1
    /// Same outward code and same first inward digit (e.g. CF10 1xx).
    case sameSector = 2
    /// Same outward code (e.g. CF10).
    case sameDistrict = 3
    /// One keystroke apart but not sharing a sector (typing errors, or
    /// non-UK postcodes which have no sector structure).
    case nearlyEqual = 4
    case differs = 5

    public static func compare(_ lhs: String?, _ rhs: String?) -> PostcodeAgreement {
        guard let lhs, let rhs else { return .notCompared }
        return compare(canonical: IdentifierAgreement.canonical(lhs), IdentifierAgreement.canonical(rhs))
    }

    static func compare(canonical left: [UInt8], _ right: [UInt8]) -> PostcodeAgreement {
        left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in compare(canonical: l, r) } }
    }

    static func compare(canonical left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>)
        -> PostcodeAgreement {
        if left.isEmpty || right.isEmpty { return .notCompared }
        if JaroWinkler.memcmpEqual(left, right) { return .equal }
        if let leftOutward = outwardLength(left), let rightOutward = outwardLength(right),
           leftOutward == rightOutward, left.prefix(leftOutward).elementsEqual(right.prefix(rightOutward)) {
            return left[leftOutward] == right[rightOutward] ? .sameSector : .sameDistrict
        }
        return EditDistance.isOneEditApart(left, right) ? .nearlyEqual : .differs
    }

    /// Length of the outward code when the value looks like a UK postcode
    /// (outward 2–4 characters, inward digit + two letters), else `nil`.
    static func outwardLength<C: RandomAccessCollection>(_ code: C) -> Int? where C.Element == UInt8, C.Index == Int {
        guard code.count >= 5, code.count <= 7 else { return nil }
        let n = code.count
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func isLetter(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
        let s = code.startIndex
        guard isDigit(code[s + n - 3]), isLetter(code[s + n - 2]), isLetter(code[s + n - 1]), isLetter(code[s]) else {
            return nil
        }
        return n - 3
    }

    /// The outward code plus sector digit ("CF101"), used as a blocking value.
    static func sector(of canonical: [UInt8]) -> ArraySlice<UInt8>? {
        guard let outward = outwardLength(canonical) else { return nil }
        return canonical[..<(outward + 1)]
    }
}
