/// A date of birth exactly as recorded, without calendar validation.
///
/// Deliberately not a `Date`: mistyped dates such as 1990-13-02 (day and month
/// swapped) must survive so the matcher can recognise the swap, and placeholder
/// dates must be kept visible so they count as weak evidence.
public struct DateOfBirth: Sendable, Hashable, Codable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (also `YYYYMMDD`, `DD/MM/YYYY`, `DD.MM.YYYY`). Returns `nil` for anything else.
    public init?(parsing text: String) {
        var digits = 0, value = 0, dayFirst = false, position = 0
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39:
                digits += 1
                value = value * 10 + Int(byte - 0x30)
            case 0x2F, 0x2E:
                if position == 2 { dayFirst = true }  // British DD/MM/YYYY
            case 0x2D, 0x20:
                break
            default:
                return nil
            }
            position += 1
        }
        guard digits == 8 else { return nil }
        if dayFirst {
            self.init(year: value % 10000, month: (value / 10000) % 100, day: value / 1_000_000)
        } else {
            self.init(year: value / 10000, month: (value / 100) % 100, day: value % 100)
        }
        guard month >= 1, day >= 1, month <= 31, day <= 31, year >= 1800, year <= 2200 else { return nil }
    }

    /// Dates systems insert when the real one is unknown: 1 January of any year,
    /// or anything in 1900/1901 or earlier. Agreement on these proves little.
    public var isPlaceholder: Bool {
        (day == 1 && month == 1) || year <= 1901
    }

    /// `YYYYMMDD` as one integer, the compact form the index stores.
    var packed: UInt32 { UInt32(year * 10000 + month * 100 + day) }

    init(packed: UInt32) {
        self.init(year: Int(packed / 10000), month: Int(packed / 100 % 100), day: Int(packed % 100))
    }

    public static func < (lhs: DateOfBirth, rhs: DateOfBirth) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO form `YYYY-MM-DD`, as the linkage files carry it.
    public var isoString: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
