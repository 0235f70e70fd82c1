import Crypto
import Foundation
import Logging

/// A mailer for when SMTP is not configured: it delivers nothing and logs
/// only metadata that identifies no one — a short hash of the recipient's
/// address (so repeated notices to one person can be correlated), the
/// subject's length and the language. Never the address, the name, the
/// subject or the body.
public struct LogMailer: Mailer {
    private let logger: Logger
    private let level: Logger.Level

    public init(logger: Logger = Logger(label: "diogelu.notice-delivery.log"), level: Logger.Level = .info) {
        self.logger = logger
        self.level = level
    }

    public func send(_ email: OutgoingEmail) async throws {
        logger.log(
            level: level,
            "Notice email not sent: SMTP is not configured",
            metadata: Self.metadata(for: email)
        )
    }

    /// The metadata logged for `email`; public so callers can log the same
    /// fields elsewhere (for example when a delivery fails).
    public static func metadata(for email: OutgoingEmail) -> Logger.Metadata {
        [
            "recipient_hash": "\(recipientHash(email.to))",
            "subject_length": "\(email.subject.count)",
            "body_length": "\(email.textBody.count)",
            "language": "\(email.language)",
        ]
    }

    /// The first 16 hex digits of SHA-256 of the trimmed, lower-cased address.
    public static func recipientHash(_ address: String) -> String {
        let normalised = address.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return String(SHA256.hash(data: Array(normalised.utf8)).map { String(format: "%02x", $0) }.joined().prefix(16))
    }
}
