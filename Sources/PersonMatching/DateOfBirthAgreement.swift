/// How two recorded dates of birth relate, from identical to unrelated.
///
/// The intermediate levels capture the ways dates are really mistyped: day and
/// month swapped (US-style entry), the year off by one, or a single digit wrong.
public enum DateOfBirthAgreement: UInt8, Sendable, Hashable, CaseIterable {
    /// At least one date missing, or a placeholder on one side only.
    case notCompared = 0
    case equal = 1
    /// Both carry the same placeholder (e.g. 1 January): agreement, but weak.
    case equalPlaceholder = 2
    case dayMonthSwapped = 3
    /// Same day and month, year one apart.
    case yearOffByOne = 4
    /// The eight digits differ by one keystroke (one digit wrong or two swapped).
    case oneDigitDiffers = 5
    /// Exactly one of day, month or year differs in some other way.
    case onePartDiffers = 6
    case differs = 7

    public static func compare(_ lhs: DateOfBirth?, _ rhs: DateOfBirth?) -> DateOfBirthAgreement {
        guard let lhs, let rhs else { return .notCompared }
        if lhs == rhs { return lhs.isPlaceholder ? .equalPlaceholder : .equal }
        // A placeholder says "unknown"; disagreeing with it is not evidence.
        if lhs.isPlaceholder || rhs.isPlaceholder { return .notCompared }
        if lhs.year == rhs.year && lhs.day == rhs.month && lhs.month == rhs.day { return .dayMonthSwapped }
        if lhs.day == rhs.day && lhs.month == rhs.month && abs(lhs.year - rhs.year) == 1 { return .yearOffByOne }
        if digitsOneEditApart(lhs, rhs) { return .oneDigitDiffers }
        let same = (lhs.year == rhs.year ? 1 : 0) + (lhs.month == rhs.month ? 1 : 0) + (lhs.day == rhs.day ? 1 : 0)
        return same == 2 ? .onePartDiffers : .differs
    }

    static func compare(packed lhs: UInt32, _ rhs: UInt32) -> DateOfBirthAgreement {
        guard lhs != 0, rhs != 0 else { return .notCompared }
        return compare(DateOfBirth(packed: lhs), DateOfBirth(packed: rhs))
    }

    /// One wrong digit or two adjacent digits swapped in YYYYMMDD, without allocating.
    private static func digitsOneEditApart(_ lhs: DateOfBirth, _ rhs: DateOfBirth) -> Bool {
        var a = lhs.year * 10000 + lhs.month * 100 + lhs.day, b = rhs.year * 10000 + rhs.month * 100 + rhs.day
        var differences = 0, firstDifference = -1, swapped = false
        var previousA = -1, previousB = -1
        for index in 0..<8 {
            let digitA = a % 10, digitB = b % 10
            if digitA != digitB {
                differences += 1
                if differences == 1 { firstDifference = index }
                else if differences == 2 && firstDifference == index - 1 && previousA == digitB && previousB == digitA {
                    swapped = true
                }
            }
            previousA = digitA
            previousB = digitB
            a /= 10
            b /= 10
        }
        return differences == 1 || (differences == 2 && swapped)
    }
}
