import Foundation

/// One thing to be written to the audit trail: who, from which agency, in which
/// roles, did what, to which child, when and why (F29).
///
/// Events are appended in the same transaction as the change they describe, so the
/// trail can never say something happened that did not, nor miss something that did.
public struct AuditEvent: Sendable, Hashable, Codable {
    public var actorUserID: UUID?
    /// The person's name as it was at the time, so the trail stays readable after an account changes.
    public var actorName: String
    public var agencyID: UUID?
    public var roles: [Role]
    public var action: AuditAction
    public var childID: UUID?
    /// Another thing acted on (an account, an agency, a token), when it is not a child.
    public var subjectID: UUID?
    /// The reason given (break-glass), or the basis of access ("hub_screening").
    public var reason: String
    /// Short, non-identifying detail: a count of results, a changed field's name.
    public var detail: String
    public var occurredAt: Date
    public var requestID: String

    public init(
        actorUserID: UUID?, actorName: String, agencyID: UUID?, roles: [Role], action: AuditAction,
        childID: UUID? = nil, subjectID: UUID? = nil, reason: String = "", detail: String = "",
        occurredAt: Date = Date(), requestID: String = ""
    ) {
        self.actorUserID = actorUserID
        self.actorName = actorName
        self.agencyID = agencyID
        self.roles = roles.sorted()
        self.action = action
        self.childID = childID
        self.subjectID = subjectID
        self.reason = reason
        self.detail = detail
        self.occurredAt = AuditEvent.truncatedToMilliseconds(occurredAt)
        self.requestID = requestID
    }

    /// Both databases keep milliseconds exactly; finer fractions would not survive a
    /// round trip and would make an untouched entry fail verification.
    public static func truncatedToMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
    }

    public var occurredAtMilliseconds: Int64 {
        Int64((occurredAt.timeIntervalSince1970 * 1000).rounded())
    }
}
