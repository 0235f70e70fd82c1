import Foundation

/// An event as it stands in the trail: numbered, and chained to the entry before
/// it by a hash, so that editing or deleting any entry breaks the chain from there on.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var sequence: Int64
    public var event: AuditEvent
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, event: AuditEvent, previousHash: String, hash: String) {
        self.sequence = sequence
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of the (imaginary) entry before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact text that is hashed for an entry. Every field is included, each
    /// labelled and length-prefixed so that no two different entries can produce the
    /// same text by moving characters between fields.
    public static func canonicalText(sequence: Int64, event: AuditEvent, previousHash: String) -> String {
        let fields: [(String, String)] = [
            ("seq", String(sequence)),
            ("prev", previousHash),
            ("at", String(event.occurredAtMilliseconds)),
            ("user", event.actorUserID?.uuidString.lowercased() ?? ""),
            ("name", event.actorName),
            ("agency", event.agencyID?.uuidString.lowercased() ?? ""),
            ("roles", event.roles.map(\.rawValue).joined(separator: ",")),
            ("action", event.action.rawValue),
            ("child", event.childID?.uuidString.lowercased() ?? ""),
            ("subject", event.subjectID?.uuidString.lowercased() ?? ""),
            ("reason", event.reason),
            ("detail", event.detail),
            ("request", event.requestID),
        ]
        return fields.map { "\($0.0)=\($0.1.utf8.count):\($0.1)" }.joined(separator: "\n")
    }
}
