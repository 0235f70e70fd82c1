/// The step of an SMTP conversation at which a delivery failed.
public enum SMTPStage: String, Sendable, Hashable, CustomStringConvertible {
    case connect
    case greeting
    case ehlo
    case startTLS
    case authentication
    case mailFrom
    case recipient
    case data
    case messageBody
    case quit

    public var description: String { rawValue }
}

/// Why a notice could not be delivered or a mailer could not be configured.
///
/// Descriptions never contain a message's body, its subject or its recipient:
/// these are personal data and error descriptions end up in logs. Server
/// replies are kept (code and text) with anything that looks like an email
/// address in them replaced by `[address]`.
public enum NoticeDeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The SMTP settings are unusable; one entry per problem, each naming the
    /// variable or field at fault (never its value when that may be secret).
    case invalidConfiguration([String])
    /// An address given for `field` ("recipient" or "sender") is not a plain
    /// ASCII email address that can be written into an SMTP command.
    case invalidAddress(field: String)
    /// The language tag is not a well-formed BCP 47 tag.
    case invalidLanguageTag
    /// The TCP connection could not be made.
    case connectionFailed(String)
    /// The server closed the connection before the conversation finished.
    case connectionClosed(stage: SMTPStage)
    /// The whole delivery took longer than the configured timeout.
    case timedOut(stage: SMTPStage)
    /// TLS could not be set up, or failed during the conversation.
    case tlsFailure(String)
    /// `security` is `.startTLS` but the server does not offer STARTTLS. The
    /// mailer never falls back to plain text.
    case startTLSNotOffered
    /// Credentials are configured but the server offers neither AUTH PLAIN
    /// nor AUTH LOGIN.
    case noSupportedAuthMechanism
    /// The server answered with a code that is not the one the step needs.
    case unexpectedReply(stage: SMTPStage, code: Int, text: String)
    /// The server broke the protocol (for example a malformed reply, or data
    /// sent after its answer to STARTTLS).
    case protocolViolation(String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let problems):
            return "SMTP configuration is invalid: " + problems.joined(separator: "; ")
        case .invalidAddress(let field):
            return "The \(field) address is not a valid ASCII email address"
        case .invalidLanguageTag:
            return "The message language is not a valid language tag"
        case .connectionFailed(let reason):
            return "Could not connect to the SMTP server: \(reason)"
        case .connectionClosed(let stage):
            return "The SMTP server closed the connection during \(stage)"
        case .timedOut(let stage):
            return "SMTP delivery timed out during \(stage)"
        case .tlsFailure(let reason):
            return "TLS with the SMTP server failed: \(reason)"
        case .startTLSNotOffered:
            return "The SMTP server does not offer STARTTLS, which the configuration requires"
        case .noSupportedAuthMechanism:
            return "The SMTP server offers neither AUTH PLAIN nor AUTH LOGIN"
        case .unexpectedReply(let stage, let code, let text):
            return "The SMTP server rejected \(stage) with \(code) \(text)"
        case .protocolViolation(let reason):
            return "The SMTP server broke the protocol: \(reason)"
        }
    }

    /// Whether trying again later may succeed: transient (4xx) replies,
    /// timeouts and connection problems. A permanent (5xx) rejection or a
    /// configuration problem will fail the same way again.
    public var isTransient: Bool {
        switch self {
        case .unexpectedReply(_, let code, _):
            return (400..<500).contains(code)
        case .connectionFailed, .connectionClosed, .timedOut, .tlsFailure:
            return true
        case .invalidConfiguration, .invalidAddress, .invalidLanguageTag, .startTLSNotOffered,
            .noSupportedAuthMechanism, .protocolViolation:
            return false
        }
    }

    /// Replaces every whitespace-separated token that contains `@` (an email
    /// address, bracketed or not) with `[address]`, so server replies such as
    /// `550 5.1.1 <someone@example.org>: unknown user` can be logged.
    static func redactingAddresses(_ text: String) -> String {
        let cleaned = SMTPEncoding.replacingControlCharacters(text)
        return cleaned.split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.contains("@") ? "[address]" : String($0) }
            .joined(separator: " ")
    }
}
