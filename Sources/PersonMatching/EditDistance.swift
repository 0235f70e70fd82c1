/// Cheap checks for "one keystroke apart", which is how identifiers and
/// postcodes are usually mistyped (one wrong digit, or two digits swapped).
enum EditDistance {
    /// True when the two differ by exactly one substitution, insertion, deletion
    /// or adjacent transposition (optimal string alignment distance 1).
    static func isOneEditApart<C: RandomAccessCollection>(_ a: C, _ b: C) -> Bool
    where C.Element == UInt8, C.Index == Int {
        let lengthA = a.count, lengthB = b.count
        if abs(lengthA - lengthB) > 1 { return false }
        var i = 0
        let startA = a.startIndex, startB = b.startIndex
        while i < min(lengthA, lengthB) && a[startA + i] == b[startB + i] { i += 1 }
        if i == lengthA && i == lengthB { return false }  // identical
        if lengthA == lengthB {
            // Substitution: rest equal after i+1.
            if suffixEqual(a, startA + i + 1, b, startB + i + 1) { return true }
            // Transposition of i and i+1.
            if i + 1 < lengthA && a[startA + i] == b[startB + i + 1] && a[startA + i + 1] == b[startB + i] {
                return suffixEqual(a, startA + i + 2, b, startB + i + 2)
            }
            return false
        }
        if lengthA > lengthB { return suffixEqual(a, startA + i + 1, b, startB + i) }
        return suffixEqual(a, startA + i, b, startB + i + 1)
    }

    private static func suffixEqual<C: RandomAccessCollection>(_ a: C, _ fromA: Int, _ b: C, _ fromB: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        let countA = a.endIndex - fromA, countB = b.endIndex - fromB
        guard countA == countB else { return false }
        if countA <= 0 { return true }
        for k in 0..<countA where a[fromA + k] != b[fromB + k] { return false }
        return true
    }
}
