import Foundation

/// A measure export that people open in Excel and that may end up published. Excel is the
/// reader we write for: it needs the byte order mark to read Welsh letters such as ŵ and ŷ
/// as UTF-8, it treats a field starting with `=` as a formula (OWASP "CSV injection"), and a
/// published table must not let a small count identify a child, so counts from 1 to 4 are
/// replaced by the Government Statistical Service's `[c]`.
struct PublicationCSV: Sendable {
    /// One field. Numbers stay typed until they are written, so suppression and the formula
    /// guard can tell a count from text that merely looks like one.
    enum Cell: Sendable {
        case text(String)
        case count(Int)
        /// Written as a percentage to one decimal place, without a `%` sign, so Excel reads
        /// it as a number.
        case rate(numerator: Int, denominator: Int)
        /// `nil` is an empty cell: no figure rather than zero.
        case number(Double?, places: Int)
    }

    /// What a suppressed figure is written as, here and on the page, so both agree.
    static let suppressedMarker = "[c]"

    /// Whether a count is small enough that publishing it could identify someone. Zero is
    /// not: saying nothing happened identifies nobody.
    static func isSuppressed(_ count: Int) -> Bool { (1...4).contains(count) }

    private let forPublication: Bool
    private var body = ""

    /// An empty header writes no header line rather than a blank record.
    init(header: [String], forPublication: Bool) {
        self.forPublication = forPublication
        if !header.isEmpty { body = Self.line(header.map(Self.textField)) }
    }

    mutating func append(_ row: [Cell]) {
        body += Self.line(row.map(field))
    }

    /// The byte order mark comes first so Excel does not guess a Windows code page.
    var text: String { "\u{FEFF}" + body }

    var data: Data { Data(text.utf8) }

    // MARK: - Fields

    private func field(_ cell: Cell) -> String {
        switch cell {
        case .text(let text):
            return Self.textField(text)
        case .count(let count):
            return forPublication && Self.isSuppressed(count) ? Self.suppressedMarker : String(count)
        case .rate(let numerator, let denominator):
            // Either side being small would let the small count be worked back from the other.
            if forPublication && (Self.isSuppressed(numerator) || Self.isSuppressed(denominator)) {
                return Self.suppressedMarker
            }
            return Self.percentage(numerator, of: denominator)
        case .number(let value, let places):
            return Self.number(value, places: places)
        }
    }

    /// Text is guarded before quoting, so the apostrophe sits inside any quotes where Excel
    /// looks for it.
    private static func textField(_ text: String) -> String {
        quoted(guarded(text))
    }

    /// Looks at the first Unicode scalar, not the first `Character`: Swift treats "\r\n" as
    /// one character, which would let a leading carriage return slip past.
    private static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return text }
        return "'" + text
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\u{09}", "\u{0D}"]

    /// RFC 4180: only fields that need quoting are quoted, and quotes inside are doubled.
    private static func quoted(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// RFC 4180 ends every record with CRLF, the last included.
    private static func line(_ fields: [String]) -> String {
        fields.joined(separator: ",") + "\r\n"
    }

    // MARK: - Numbers

    /// Worked in whole tenths of a percent with integers, so 3 of 8 is exactly 37.5 and the
    /// separator is a full stop whatever the server's locale. A zero or negative denominator
    /// is no rate at all, so the cell is empty.
    private static func percentage(_ numerator: Int, of denominator: Int) -> String {
        guard denominator > 0 else { return "" }
        let (scaled, overflow) = numerator.magnitude.multipliedReportingOverflow(by: 2000)
        let tenths: UInt
        if overflow {
            tenths = UInt((Double(numerator.magnitude) * 1000 / Double(denominator)).rounded())
        } else {
            // Round half away from zero: (2 × 1000n + d) / 2d.
            tenths = (scaled + denominator.magnitude) / (2 * denominator.magnitude)
        }
        let sign = numerator < 0 && tenths > 0 ? "-" : ""
        return "\(sign)\(tenths / 10).\(tenths % 10)"
    }

    /// The POSIX locale keeps the decimal separator a full stop. A value that is not finite
    /// has no figure to give, so it is written empty like `nil`.
    private static func number(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let places = min(max(places, 0), 15)
        let written = String(format: "%.\(places)f", locale: posix, value)
        // "-0.0" would read as a negative figure that is not there.
        if written.hasPrefix("-"), written.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(written.dropFirst())
        }
        return written
    }

    private static let posix = Locale(identifier: "en_US_POSIX")
}
