/// Jaro–Winkler similarity, the standard string measure for personal names:
/// it forgives transposed letters and rewards a shared beginning, which is
/// where names are least often mistyped.
public enum JaroWinkler: Sendable {
    /// Similarity in 0...1 after normalising both names (1 = identical).
    public static func similarity(_ lhs: String, _ rhs: String) -> Double {
        similarity(NameNormaliser.foldedBytes(lhs), NameNormaliser.foldedBytes(rhs))
    }

    /// Winkler's boost applies only above this Jaro value, as in the original paper.
    static let boostThreshold = 0.7

    static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { left in
            b.withUnsafeBufferPointer { right in similarity(left, right) }
        }
    }

    static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let lengthA = a.count, lengthB = b.count
        if lengthA == 0 || lengthB == 0 { return 0 }
        if lengthA == lengthB && memcmpEqual(a, b) { return 1 }
        let window = max(0, max(lengthA, lengthB) / 2 - 1)
        // Names are short; fixed-size bit sets avoid allocating per comparison.
        var matchedA: UInt64 = 0, matchedB: UInt64 = 0
        guard lengthA <= 64, lengthB <= 64 else { return longSimilarity(Array(a), Array(b)) }
        var matches = 0
        for i in 0..<lengthA {
            let low = max(0, i - window), high = min(lengthB - 1, i + window)
            if low > high { continue }
            for j in low...high where matchedB & (1 << UInt64(j)) == 0 && a[i] == b[j] {
                matchedA |= 1 << UInt64(i)
                matchedB |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0, k = 0
        for i in 0..<lengthA where matchedA & (1 << UInt64(i)) != 0 {
            while matchedB & (1 << UInt64(k)) == 0 { k += 1 }
            if a[i] != b[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(lengthA) + m / Double(lengthB) + (m - Double(transpositions / 2)) / m) / 3
        guard jaro > boostThreshold else { return jaro }
        var prefix = 0
        while prefix < min(4, lengthA, lengthB) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    /// Slow path for the rare value over 64 bytes (long addresses).
    private static func longSimilarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        let window = max(0, max(a.count, b.count) / 2 - 1)
        var matchedA = [Bool](repeating: false, count: a.count), matchedB = [Bool](repeating: false, count: b.count)
        var matches = 0
        for i in a.indices {
            let low = max(0, i - window), high = min(b.count - 1, i + window)
            if low > high { continue }
            for j in low...high where !matchedB[j] && a[i] == b[j] {
                matchedA[i] = true; matchedB[j] = true; matches += 1; break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0, k = 0
        for i in a.indices where matchedA[i] {
            while !matchedB[k] { k += 1 }
            if a[i] != b[k] { transpositions += 1 }
            k += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        guard jaro > boostThreshold else { return jaro }
        var prefix = 0
        while prefix < min(4, a.count, b.count) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    static func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}
