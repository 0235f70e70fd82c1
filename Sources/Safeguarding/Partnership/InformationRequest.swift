import Foundation

/// A request from the hub to one partner agency for what it knows about the child and
/// family of a referral: a lateral check (F7). It is addressed to the agency, not to a
/// person, so that whoever is on the agency's rota can answer it.
public struct InformationRequest: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var referralID: UUID
    public var childID: UUID?
    public var agencyID: UUID
    public var requestedBy: UUID
    public var requestedAt: Date
    public var dueAt: Date
    /// What the hub particularly wants to know, beyond the standard questions.
    public var question: String
    public var answer: InformationAnswer?
    /// How many times the request was chased after it fell due.
    public var chaseCount: Int
    public var lastChasedAt: Date?

    public init(
        id: UUID = UUID(), referralID: UUID, childID: UUID?, agencyID: UUID, requestedBy: UUID, requestedAt: Date,
        dueAt: Date, question: String, answer: InformationAnswer? = nil, chaseCount: Int = 0, lastChasedAt: Date? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.childID = childID
        self.agencyID = agencyID
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
        self.dueAt = dueAt
        self.question = question
        self.answer = answer
        self.chaseCount = chaseCount
        self.lastChasedAt = lastChasedAt
    }

    public var isAnswered: Bool { answer != nil }

    /// Whether the answer came after the due time; `nil` while unanswered.
    public var wasAnsweredLate: Bool? { answer.map { $0.answeredAt > dueAt } }

    /// The request's state for queues, inboxes and measures.
    public func status(at now: Date) -> InformationRequestStatus {
        if let late = wasAnsweredLate { return late ? .answeredLate : .answered }
        return now > dueAt ? .overdue : .awaiting
    }

    /// Hours from request to answer, for turnaround measures.
    public var turnaround: TimeInterval? { answer.map { $0.answeredAt.timeIntervalSince(requestedAt) } }
}

public enum InformationRequestStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case awaiting
    case overdue
    case answered
    case answeredLate = "answered_late"

    public var key: String { "request.status." + rawValue }
}
