import Foundation
import Logging
import Testing

@testable import NoticeDelivery

@Suite("Message assembly")
struct MessageTests {
    let email = OutgoingEmail(
        to: "rhiant@example.org",
        toName: "Siân Ŵyn",
        subject: "Hysbysiad: cyfarfod ŵ ŷ â",
        textBody: "Annwyl Siân,\n.dyma linell sy'n dechrau gyda dot\nDiolch ",
        language: "cy"
    )

    func render() throws -> String {
        try email.rfc5322Message(
            fromAddress: "hysbysiadau@diogelu.example",
            fromName: "Diogelu Caerdydd",
            date: Date(timeIntervalSince1970: 1_751_362_503),
            messageID: "abc123@diogelu.example"
        )
    }

    func headers(of message: String) -> [String: String] {
        let head = message.components(separatedBy: "\r\n\r\n")[0]
        // Unfold continuation lines before splitting.
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ")
        var result: [String: String] = [:]
        for line in unfolded.components(separatedBy: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            result[String(parts[0])] = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        }
        return result
    }

    @Test func headersArePresent() throws {
        let message = try render()
        let headers = headers(of: message)
        #expect(headers["Date"] == "Tue, 01 Jul 2025 09:35:03 +0000")
        #expect(headers["From"] == "Diogelu Caerdydd <hysbysiadau@diogelu.example>")
        #expect(headers["To"]?.hasSuffix(" <rhiant@example.org>") == true)
        #expect(headers["To"].flatMap { decodeEncodedWords(String($0.dropLast(" <rhiant@example.org>".count))) } == "Siân Ŵyn")
        #expect(headers["Subject"].flatMap(decodeEncodedWords) == "Hysbysiad: cyfarfod ŵ ŷ â")
        #expect(headers["Message-ID"] == "<abc123@diogelu.example>")
        #expect(headers["MIME-Version"] == "1.0")
        #expect(headers["Content-Type"] == "text/plain; charset=utf-8")
        #expect(headers["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(headers["Content-Language"] == "cy")
    }

    @Test func everyLineEndsInCRLFAndIsASCII() throws {
        let message = try render()
        let bytes = Array(message.utf8)
        #expect(bytes.allSatisfy { $0 < 128 })
        #expect(message.hasSuffix("\r\n"))
        for (index, byte) in bytes.enumerated() {
            if byte == 10 { #expect(index > 0 && bytes[index - 1] == 13, "bare LF at \(index)") }
            if byte == 13 { #expect(index + 1 < bytes.count && bytes[index + 1] == 10, "bare CR at \(index)") }
        }
        for line in message.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 78)
        }
    }

    @Test func bodyDecodesToOriginalText() throws {
        let message = try render()
        let body = message.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        #expect(decodeQuotedPrintable(body) == "Annwyl Siân,\r\n.dyma linell sy'n dechrau gyda dot\r\nDiolch \r\n")
    }

    @Test func lineStartingWithDotIsStuffedForSMTP() throws {
        let message = try render()
        #expect(message.contains("\r\n.dyma linell"))
        let payload = SMTPEncoding.smtpDataPayload(message)
        #expect(payload.contains("\r\n..dyma linell"))
        #expect(!payload.contains("\r\n.dyma linell"))
        #expect(payload.hasSuffix("\r\n.\r\n"))
        // The only line that is exactly "." is the terminator.
        #expect(payload.components(separatedBy: "\r\n").filter { $0 == "." }.count == 1)
    }

    @Test func defaultMessageIDUsesSenderDomain() throws {
        let message = try email.rfc5322Message(fromAddress: "a@diogelu.example", fromName: "")
        let id = try #require(headers(of: message)["Message-ID"])
        #expect(id.hasPrefix("<") && id.hasSuffix("@diogelu.example>"))
        #expect(headers(of: message)["From"] == "<a@diogelu.example>")
    }

    @Test(arguments: ["", "no-at-sign", "two words@example.org", "a@b@", "x@example.org>\r\nBcc: y@z", "ŵ@example.org", "a@-bad.org", "a..b@example.org"])
    func invalidRecipientIsRejectedWithoutEchoingIt(_ address: String) {
        var bad = email
        bad.to = address
        #expect(throws: NoticeDeliveryError.invalidAddress(field: "recipient")) {
            try bad.rfc5322Message(fromAddress: "a@example.org", fromName: "")
        }
    }

    @Test func invalidLanguageTagIsRejected() {
        var bad = email
        bad.language = "cy\r\nBcc: x"
        #expect(throws: NoticeDeliveryError.invalidLanguageTag) {
            try bad.rfc5322Message(fromAddress: "a@example.org", fromName: "")
        }
        bad.language = "en-GB"
        #expect(throws: Never.self) { try bad.rfc5322Message(fromAddress: "a@example.org", fromName: "") }
    }

    @Test func errorDescriptionsHoldNoPersonalData() {
        let errors: [NoticeDeliveryError] = [
            .invalidAddress(field: "recipient"),
            .unexpectedReply(stage: .recipient, code: 550, text: SMTPReply(code: 550, lines: ["5.1.1 <rhiant@example.org> unknown"]).redactedText),
        ]
        for error in errors {
            #expect(!error.description.contains("rhiant"))
        }
        #expect(errors[1].description.contains("550"))
    }
}

@Suite("LogMailer")
struct LogMailerTests {
    @Test func metadataHoldsNoPersonalData() async throws {
        let email = OutgoingEmail(to: "Rhiant@Example.org ", toName: "Siân", subject: "Cyfarfod", textBody: "Corff", language: "cy")
        let metadata = LogMailer.metadata(for: email)
        let rendered = metadata.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        #expect(!rendered.lowercased().contains("rhiant"))
        #expect(!rendered.contains("Siân"))
        #expect(!rendered.contains("Cyfarfod"))
        #expect(!rendered.contains("Corff"))
        #expect(metadata["subject_length"] == "8")
        #expect(metadata["language"] == "cy")
        #expect(LogMailer.recipientHash("rhiant@example.org") == LogMailer.recipientHash(" RHIANT@example.org"))
        #expect(LogMailer.recipientHash("rhiant@example.org").count == 16)
        try await LogMailer().send(email)
    }
}
