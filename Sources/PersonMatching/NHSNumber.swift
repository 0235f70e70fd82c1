/// NHS number rules. The mod-11 check digit catches every single mistyped digit
/// and every swap of two adjacent digits, so two *valid* NHS numbers that differ
/// are a genuine conflict, while an invalid one next to a valid one is a typo.
public enum NHSNumber: Sendable {
    /// The ten digits of an NHS number with spaces and dashes removed, or `nil`
    /// if it does not have exactly ten digits.
    public static func digits(of text: String) -> [UInt8]? {
        var digits: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits.append(byte - 0x30)
            case 0x20, 0x2D: continue
            default: return nil
            }
        }
        return digits.count == 10 ? digits : nil
    }

    /// Whether the number has ten digits and a correct mod-11 check digit.
    public static func isValid(_ text: String) -> Bool {
        guard let digits = digits(of: text) else { return false }
        return checkDigit(forFirstNine: digits.prefix(9)) == digits[9]
    }

    /// The same check on canonical ASCII digits, for the comparison hot path.
    static func isValid(_ canonical: UnsafeBufferPointer<UInt8>) -> Bool {
        guard canonical.count == 10, canonical.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        return checkDigit(forFirstNine: canonical.prefix(9).map { $0 - 0x30 }) == canonical[9] - 0x30
    }

    /// The check digit for nine leading digits, or `nil` when the remainder gives
    /// 10 (such prefixes are never issued).
    public static func checkDigit<C: Collection>(forFirstNine digits: C) -> UInt8? where C.Element == UInt8 {
        var total = 0
        for (offset, digit) in digits.prefix(9).enumerated() { total += Int(digit) * (10 - offset) }
        let check = 11 - total % 11
        switch check {
        case 11: return 0
        case 10: return nil
        default: return UInt8(check)
        }
    }
}
