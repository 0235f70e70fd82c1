import Foundation

/// Encoders for the parts of an Internet message that must be 7-bit clean:
/// quoted-printable bodies (RFC 2045 §6.7), encoded-words in headers (RFC 2047),
/// SMTP dot-stuffing (RFC 5321 §4.5.2) and the RFC 5322 date format.
public enum SMTPEncoding {
    /// The longest encoded line quoted-printable allows, including a trailing
    /// soft line break `=` (RFC 2045 §6.7 rule 5).
    public static let quotedPrintableLineLimit = 76

    /// Encodes `text` as UTF-8 quoted-printable.
    ///
    /// Line breaks in the input (CRLF, LF or a lone CR) become CRLF hard line
    /// breaks. Encoded lines never exceed 76 characters: longer lines are split
    /// with soft line breaks (`=` CRLF), never inside an `=XX` escape. `=` is
    /// always escaped, as is every byte outside printable ASCII, and a space or
    /// tab at the end of a line is escaped so that transports which strip
    /// trailing whitespace cannot change the text. The result has no trailing
    /// line break unless the input had one.
    public static func quotedPrintable(_ text: String) -> String {
        let lines = splitLines(text)
        var output = ""
        output.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        for (index, line) in lines.enumerated() {
            if index > 0 { output += "\r\n" }
            output += quotedPrintableLine(Array(line.utf8))
        }
        return output
    }

    /// Encodes one line (without its line break) as one or more physical lines
    /// joined by soft line breaks.
    private static func quotedPrintableLine(_ bytes: [UInt8]) -> String {
        // Each token is either a literal character or a three-character escape;
        // tokens are never split across a soft line break.
        var tokens: [String] = []
        tokens.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            let isLast = offset == bytes.count - 1
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                tokens.append(isLast ? escape(byte) : String(UnicodeScalar(byte)))
            case 33...126 where byte != UInt8(ascii: "="):
                tokens.append(String(UnicodeScalar(byte)))
            default:
                tokens.append(escape(byte))
            }
        }

        // A physical line may hold at most 75 characters of content when it
        // ends in a soft break ("=" makes 76), or 76 when it is the last one.
        let limit = quotedPrintableLineLimit
        var output = ""
        var current = 0
        var remaining = tokens.reduce(0) { $0 + $1.utf8.count }
        for token in tokens {
            let length = token.utf8.count
            if current + remaining > limit, current + length > limit - 1 {
                output += "=\r\n"
                current = 0
            }
            output += token
            current += length
            remaining -= length
        }
        return output
    }

    private static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [UInt8(ascii: "="), digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
    }

    /// Splits text on CRLF, LF or a lone CR.
    static func splitLines(_ text: String) -> [Substring] {
        // Swift treats "\r\n" as a single Character, so splitting on
        // `isNewline` handles all three conventions; `omittingEmptySubsequences`
        // keeps blank lines.
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
    }

    /// Whether a header value can be written as it is: printable ASCII and
    /// spaces only, with nothing that a reader could take for an encoded-word.
    static func isPlainHeaderText(_ text: String, maximumLength: Int = 70) -> Bool {
        guard text.utf8.count <= maximumLength, !text.contains("=?") else { return false }
        return text.utf8.allSatisfy { (32...126).contains($0) }
    }

    /// The most UTF-8 bytes one encoded-word carries: 39 bytes become 52
    /// base64 characters, so `=?UTF-8?B?...?=` is 64 characters and a folded
    /// header line stays within the 78 characters RFC 5322 recommends.
    static let encodedWordPayloadLimit = 39

    /// Encodes `text` as a sequence of RFC 2047 `B` encoded-words, joined by
    /// folding whitespace (CRLF SP). Multi-byte characters are never split
    /// between two encoded-words, as RFC 2047 §5 requires. Control characters
    /// (including CR and LF) are replaced by spaces first, so the result can
    /// never break out of its header.
    public static func encodedWords(_ text: String) -> String {
        let cleaned = replacingControlCharacters(text)
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in cleaned.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > encodedWordPayloadLimit, !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk.removeAll(keepingCapacity: true)
            }
            chunk.append(contentsOf: bytes)
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append(encodedWord(chunk))
        }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// A header value for unstructured text such as a subject: as it is when
    /// it is short printable ASCII, otherwise RFC 2047 encoded-words.
    public static func unstructuredHeaderValue(_ text: String) -> String {
        let cleaned = replacingControlCharacters(text)
        return isPlainHeaderText(cleaned) ? cleaned : encodedWords(cleaned)
    }

    /// A display name for an address header (RFC 5322 `phrase`): plain atoms
    /// when possible, a quoted-string for ASCII with specials, or encoded-words
    /// for anything else.
    public static func displayName(_ name: String) -> String {
        let cleaned = replacingControlCharacters(name).trimmingCharacters(in: .whitespaces)
        guard !cleaned.isEmpty else { return "" }
        guard isPlainHeaderText(cleaned) else { return encodedWords(cleaned) }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ".utf8)
        if cleaned.utf8.allSatisfy({ atext.contains($0) }) {
            return cleaned
        }
        var quoted = "\""
        for character in cleaned {
            if character == "\"" || character == "\\" { quoted.append("\\") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }

    static func replacingControlCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                result.unicodeScalars.append(" ")
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Applies SMTP transparency (RFC 5321 §4.5.2) to a message whose lines
    /// already end in CRLF, and appends the end-of-data marker `.` CRLF.
    /// Every line that begins with `.` gets one more `.` in front.
    public static func smtpDataPayload(_ message: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(message.utf8.count + 8)
        var atLineStart = true
        for byte in message.utf8 {
            if atLineStart, byte == UInt8(ascii: ".") {
                output.append(UInt8(ascii: "."))
            }
            output.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
        }
        if !output.isEmpty, !atLineStart {
            output.append(contentsOf: Array("\r\n".utf8))
        }
        output.append(contentsOf: Array(".\r\n".utf8))
        return String(decoding: output, as: UTF8.self)
    }

    /// Formats `date` as an RFC 5322 §3.3 date-time in UTC, for example
    /// `Tue, 01 Jul 2025 09:05:03 +0000`. Computed by hand so that neither the
    /// process locale nor its time zone can change the result.
    public static func rfc5322Date(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // Days since 1970-01-01 to a proleptic Gregorian civil date
        // (Howard Hinnant's days_from_civil inverse).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1970-01-01 was a Thursday.
        let weekday = Int(((days % 7) + 7 + 4) % 7)

        let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[weekday]), \(two(day)) \(months[Int(month) - 1]) \(year) "
            + "\(two(secondOfDay / 3_600)):\(two(secondOfDay % 3_600 / 60)):\(two(secondOfDay % 60)) +0000"
    }
}
