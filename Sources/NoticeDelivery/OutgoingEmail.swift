import Foundation

/// Something that delivers notices by email.
public protocol Mailer: Sendable {
    func send(_ email: OutgoingEmail) async throws
}

/// One plain-text email to one recipient.
public struct OutgoingEmail: Sendable, Hashable {
    /// The recipient's address (ASCII `local@domain`).
    public var to: String
    /// The recipient's display name; may be empty.
    public var toName: String
    public var subject: String
    /// The body as plain text; any line-ending convention is accepted.
    public var textBody: String
    /// The BCP 47 language tag of the text, such as `cy` or `en`.
    public var language: String

    public init(to: String, toName: String, subject: String, textBody: String, language: String) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.textBody = textBody
        self.language = language
    }

    /// Renders the complete RFC 5322 message: headers, a blank line and the
    /// quoted-printable body, every line ending in CRLF and every byte ASCII.
    ///
    /// - Parameters:
    ///   - fromAddress: the sender's address.
    ///   - fromName: the sender's display name; may be empty.
    ///   - date: the `Date` header's value.
    ///   - messageID: the `Message-ID` header's value without angle brackets;
    ///     by default a random UUID at the sender's domain.
    /// - Throws: `NoticeDeliveryError.invalidAddress` or `.invalidLanguageTag`.
    public func rfc5322Message(
        fromAddress: String,
        fromName: String,
        date: Date = Date(),
        messageID: String? = nil
    ) throws -> String {
        guard let recipient = SMTPAddress(to) else {
            throw NoticeDeliveryError.invalidAddress(field: "recipient")
        }
        guard let sender = SMTPAddress(fromAddress) else {
            throw NoticeDeliveryError.invalidAddress(field: "sender")
        }
        guard Self.isValidLanguageTag(language) else {
            throw NoticeDeliveryError.invalidLanguageTag
        }
        let identifier = messageID ?? "\(UUID().uuidString.lowercased())@\(sender.domain)"
        guard SMTPAddress(identifier) != nil else {
            throw NoticeDeliveryError.invalidAddress(field: "message ID")
        }

        var headers: [(String, String)] = [
            ("Date", SMTPEncoding.rfc5322Date(date)),
            ("From", Self.mailbox(name: fromName, address: sender)),
            ("To", Self.mailbox(name: toName, address: recipient)),
            ("Subject", SMTPEncoding.unstructuredHeaderValue(subject)),
            ("Message-ID", "<\(identifier)>"),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Transfer-Encoding", "quoted-printable"),
            ("Content-Language", language),
        ]
        // RFC 3834: tells auto-responders not to answer automated notices.
        headers.append(("Auto-Submitted", "auto-generated"))

        var message = ""
        for (name, value) in headers {
            message += "\(name): \(value)\r\n"
        }
        message += "\r\n"
        message += SMTPEncoding.quotedPrintable(textBody)
        if !message.hasSuffix("\r\n") {
            message += "\r\n"
        }
        return message
    }

    private static func mailbox(name: String, address: SMTPAddress) -> String {
        let phrase = SMTPEncoding.displayName(name)
        return phrase.isEmpty ? "<\(address.value)>" : "\(phrase) <\(address.value)>"
    }

    /// A simplified BCP 47 check: subtags of 1–8 ASCII letters or digits
    /// separated by hyphens, the first made of letters.
    static func isValidLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, tag.utf8.count <= 64 else { return false }
        guard (1...8).contains(first.utf8.count), first.utf8.allSatisfy(isASCIILetter) else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.utf8.count)
                && subtag.utf8.allSatisfy { isASCIILetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}

/// A plain ASCII `local@domain` address that is safe to put in an SMTP
/// command or an address header: no whitespace, controls, angle brackets or
/// other characters that would need quoting.
struct SMTPAddress: Sendable, Hashable {
    let value: String
    let domain: String

    init?(_ raw: String) {
        let address = raw.trimmingCharacters(in: .whitespaces)
        guard (3...254).contains(address.utf8.count),
            let at = address.lastIndex(of: "@")
        else { return nil }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty else { return nil }

        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".utf8)
        let domainAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.".utf8)
        guard local.utf8.allSatisfy({ localAllowed.contains($0) }),
            !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..")
        else { return nil }

        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            // An address literal such as [127.0.0.1] or [IPv6:::1].
            let inner = domain.dropFirst().dropLast()
            let literalAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:".utf8)
            guard !inner.isEmpty, inner.utf8.allSatisfy({ literalAllowed.contains($0) }) else { return nil }
        } else {
            let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
            guard labels.allSatisfy({ label in
                (1...63).contains(label.utf8.count) && label.utf8.allSatisfy { domainAllowed.contains($0) }
                    && !label.hasPrefix("-") && !label.hasSuffix("-")
            }) else { return nil }
        }
        self.value = address
        self.domain = String(domain)
    }
}
