import Foundation

/// How two free-text addresses relate. Addresses are typed in many ways
/// ("12 Heol y Bont" / "12, Heol-y-Bont, Bangor"), so they are compared by
/// their words rather than character by character.
public enum AddressAgreement: UInt8, Sendable, Hashable, CaseIterable {
    case notCompared = 0
    case equal = 1
    /// Most words agree, allowing small misspellings.
    case similar = 2
    /// Some words agree (e.g. same street, different house number).
    case partlySimilar = 3
    case differs = 4

    public static func compare(_ lhs: String?, _ rhs: String?) -> AddressAgreement {
        guard let lhs, let rhs else { return .notCompared }
        return compare(normalised: normalise(lhs), normalise(rhs))
    }

    /// Upper-case letters and digits, words separated by single spaces; one pass.
    static func normalise(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func handle(_ value: UInt32) {
            switch value {
            case 0x30...0x39, 0x41...0x5A:
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(UInt8(value))
            case 0x61...0x7A:
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(UInt8(value - 0x20))
            case 0x300...0x36F, 0x27, 0x2019:
                break  // accents and apostrophes vanish: Rhodfa'r → RHODFAR
            default:
                pendingSpace = true
            }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { handle(UInt32(byte)) }
        } else {
            for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars { handle(scalar.value) }
        }
        return output
    }

    static func compare(normalised left: [UInt8], _ right: [UInt8]) -> AddressAgreement {
        left.withUnsafeBufferPointer { l in right.withUnsafeBufferPointer { r in compare(normalised: l, r) } }
    }

    /// Word-level comparison without allocation: each word of the shorter
    /// address is matched to its best counterpart in the longer one.
    static func compare(normalised left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>)
        -> AddressAgreement {
        if left.isEmpty || right.isEmpty { return .notCompared }
        if JaroWinkler.memcmpEqual(left, right) { return .equal }
        let countLeft = ByteSpans.wordCount(left), countRight = ByteSpans.wordCount(right)
        let (shorter, longer) = countLeft <= countRight ? (left, right) : (right, left)
        var score = 0.0
        _ = ByteSpans.anyWord(shorter) { word in
            var best = 0.0
            _ = ByteSpans.anyWord(longer) { other in
                if JaroWinkler.memcmpEqual(word, other) { best = 1; return true }
                // Numbers must match exactly (12 and 21 Heol y Bont are different
                // houses); misspelt words nearly always keep their first letter.
                guard word[0] >= 0x41, word[0] == other[0] else { return false }
                let similarity = JaroWinkler.similarity(word, other)
                if similarity >= 0.9 { best = max(best, similarity) }
                return false
            }
            score += best
            return false
        }
        let coverage = 2 * score / Double(max(1, countLeft + countRight))
        if coverage >= 0.85 { return .similar }
        if coverage >= 0.45 { return .partlySimilar }
        return .differs
    }
}
