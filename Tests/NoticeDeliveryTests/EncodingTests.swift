import Foundation
import Testing

@testable import NoticeDelivery

/// A straightforward quoted-printable decoder, written independently of the encoder.
func decodeQuotedPrintable(_ encoded: String) -> String {
    let bytes = Array(encoded.utf8)
    var output: [UInt8] = []
    var index = 0
    func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
    while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "=") {
            if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 {
                index += 3
                continue
            }
            if index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            Issue.record("malformed escape at \(index)")
            return ""
        }
        output.append(byte)
        index += 1
    }
    return String(decoding: output, as: UTF8.self)
}

/// Decodes a header value made only of `=?UTF-8?B?...?=` words separated by folding whitespace.
func decodeEncodedWords(_ value: String) -> String? {
    var bytes: [UInt8] = []
    for word in value.split(whereSeparator: { $0 == " " || $0 == "\r\n" || $0 == "\t" }) {
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return nil }
        let payload = word.dropFirst(10).dropLast(2)
        guard let data = Data(base64Encoded: String(payload)) else { return nil }
        bytes.append(contentsOf: data)
    }
    return String(validating: bytes, as: UTF8.self)
}

let welshSentence =
    "Annwyl riant, mae'r cyfarfod diogelu ŵ ŷ â ê î ô û ï wedi'i aildrefnu i ddydd Mawrth. Os oes gennych gwestiynau, cysylltwch â'r tîm."

@Suite("Quoted-printable")
struct QuotedPrintableTests {
    @Test func welshTextRoundTripsAndIsASCII() {
        let encoded = SMTPEncoding.quotedPrintable(welshSentence)
        #expect(encoded.utf8.allSatisfy { $0 < 128 })
        #expect(encoded.contains("=C5=B5"))  // ŵ
        #expect(encoded.contains("=C5=B7"))  // ŷ
        #expect(encoded.contains("=C3=A2"))  // â
        #expect(decodeQuotedPrintable(encoded) == welshSentence)
    }

    @Test func linesNeverExceedSeventySixCharacters() {
        let long = String(repeating: "ŵyŷâ ", count: 60) + String(repeating: "x", count: 200) + String(repeating: "=", count: 90)
        let encoded = SMTPEncoding.quotedPrintable(long)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 5)
        for line in lines {
            #expect(line.utf8.count <= 76, "line too long: \(line.utf8.count)")
        }
        // Every line but the last ends in a soft break, and no escape is split.
        for line in lines.dropLast() {
            #expect(line.hasSuffix("="))
            let content = Array(line.utf8.dropLast())
            let hexDigits = Set("0123456789ABCDEF".utf8)
            for (offset, byte) in content.enumerated() where byte == UInt8(ascii: "=") {
                #expect(offset + 2 < content.count && hexDigits.contains(content[offset + 1]) && hexDigits.contains(content[offset + 2]))
            }
        }
        #expect(decodeQuotedPrintable(encoded) == long)
    }

    @Test func exactlySeventySixCharactersNeedNoSoftBreak() {
        let line = String(repeating: "a", count: 76)
        #expect(SMTPEncoding.quotedPrintable(line) == line)
        let longer = String(repeating: "a", count: 77)
        #expect(SMTPEncoding.quotedPrintable(longer) == String(repeating: "a", count: 75) + "=\r\naa")
    }

    @Test func equalsSignIsEscaped() {
        #expect(SMTPEncoding.quotedPrintable("a=b") == "a=3Db")
        #expect(SMTPEncoding.quotedPrintable("=?UTF-8?") == "=3D?UTF-8?")
    }

    @Test func trailingWhitespaceIsEscaped() {
        #expect(SMTPEncoding.quotedPrintable("diolch ") == "diolch=20")
        #expect(SMTPEncoding.quotedPrintable("diolch\t") == "diolch=09")
        #expect(SMTPEncoding.quotedPrintable("un \ndau\t\r\ntri") == "un=20\r\ndau=09\r\ntri")
        #expect(SMTPEncoding.quotedPrintable("a b") == "a b")
    }

    @Test func lineEndingsBecomeCRLF() {
        #expect(SMTPEncoding.quotedPrintable("un\ndau\r\ntri\rpedwar\n") == "un\r\ndau\r\ntri\r\npedwar\r\n")
        #expect(SMTPEncoding.quotedPrintable("\n\n") == "\r\n\r\n")
    }

    @Test func controlCharactersAreEscaped() {
        #expect(SMTPEncoding.quotedPrintable("a\u{0}b\u{7F}") == "a=00b=7F")
    }
}

@Suite("RFC 2047 encoded-words")
struct EncodedWordTests {
    @Test func welshSubjectIsEncodedAndRoundTrips() {
        let subject = "Hysbysiad diogelu: ŵyr ŷd â"
        let value = SMTPEncoding.unstructuredHeaderValue(subject)
        #expect(value.hasPrefix("=?UTF-8?B?"))
        #expect(value.utf8.allSatisfy { $0 < 128 })
        #expect(decodeEncodedWords(value) == subject)
    }

    @Test func longSubjectIsFoldedWithoutSplittingCharacters() {
        let subject = String(repeating: "Cyfarfod ŵ ŷ â ", count: 12)
        let value = SMTPEncoding.encodedWords(subject)
        let words = value.components(separatedBy: "\r\n ")
        #expect(words.count > 3)
        for word in words {
            #expect(word.utf8.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            // Each word must decode to valid UTF-8 on its own (RFC 2047 §5).
            let payload = String(word.dropFirst(10).dropLast(2))
            let data = Data(base64Encoded: payload)
            #expect(data.flatMap { String(validating: Array($0), as: UTF8.self) } != nil)
        }
        #expect(("Subject: " + words[0]).utf8.count <= 78)
        #expect(decodeEncodedWords(value) == subject)
    }

    @Test func plainASCIISubjectIsLeftAlone() {
        #expect(SMTPEncoding.unstructuredHeaderValue("Meeting moved") == "Meeting moved")
    }

    @Test func headerInjectionIsImpossible() {
        let value = SMTPEncoding.unstructuredHeaderValue("Hello\r\nBcc: attacker@example.com")
        #expect(!value.contains("\r\nBcc"))
        #expect(!value.contains("\n"))
        let encoded = SMTPEncoding.unstructuredHeaderValue("Helô\r\nBcc: x@example.com")
        #expect(decodeEncodedWords(encoded) == "Helô  Bcc: x@example.com")
    }

    @Test func displayNames() {
        #expect(SMTPEncoding.displayName("Siân Ŵyn") == "=?UTF-8?B?" + Data("Siân Ŵyn".utf8).base64EncodedString() + "?=")
        #expect(SMTPEncoding.displayName("Jo Bloggs") == "Jo Bloggs")
        #expect(SMTPEncoding.displayName("Bloggs, Jo \"JB\"") == "\"Bloggs, Jo \\\"JB\\\"\"")
        #expect(SMTPEncoding.displayName("  ") == "")
    }
}

@Suite("Other encoders")
struct OtherEncoderTests {
    @Test func rfc5322Date() {
        #expect(SMTPEncoding.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(SMTPEncoding.rfc5322Date(Date(timeIntervalSince1970: 1_751_362_503)) == "Tue, 01 Jul 2025 09:35:03 +0000")
        #expect(SMTPEncoding.rfc5322Date(Date(timeIntervalSince1970: 951_782_400)) == "Tue, 29 Feb 2000 00:00:00 +0000")
    }

    @Test func dotStuffing() {
        #expect(SMTPEncoding.smtpDataPayload("a\r\n.b\r\n..c\r\n") == "a\r\n..b\r\n...c\r\n.\r\n")
        #expect(SMTPEncoding.smtpDataPayload(".\r\n") == "..\r\n.\r\n")
        #expect(SMTPEncoding.smtpDataPayload("no final newline") == "no final newline\r\n.\r\n")
    }

    @Test func redactsAddressesFromServerText() {
        #expect(
            NoticeDeliveryError.redactingAddresses("5.1.1 <jo@example.org>: Recipient address rejected")
                == "5.1.1 [address] Recipient address rejected")
    }
}
