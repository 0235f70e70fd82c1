import Foundation

/// The conversation offered to a child after every missing episode, within 72 hours of
/// their return, ideally by someone other than their own social worker, so the child
/// can say what they could not say to those who look after them.
public struct ReturnInterview: Sendable, Hashable, Codable {
    public enum Outcome: String, Sendable, Hashable, Codable, CaseIterable {
        case held
        case declined
    }

    public var offeredAt: Date
    public var outcome: Outcome
    /// When it took place; for one declined, when the child said no.
    public var at: Date
    public var byUserID: UUID?
    public var byName: String
    /// Whether the interviewer is someone other than the child's social worker.
    public var independent: Bool
    public var childSaid: String
    public var pushFactors: Set<PushFactor>
    public var pullFactors: Set<PullFactor>
    /// Exploitation indicators heard, which start or update the child's assessment.
    public var indicatorsFound: Set<ExploitationIndicator>

    public init(
        offeredAt: Date, outcome: Outcome, at: Date, byUserID: UUID? = nil, byName: String, independent: Bool,
        childSaid: String = "", pushFactors: Set<PushFactor> = [], pullFactors: Set<PullFactor> = [],
        indicatorsFound: Set<ExploitationIndicator> = []
    ) {
        self.offeredAt = offeredAt
        self.outcome = outcome
        self.at = at
        self.byUserID = byUserID
        self.byName = byName
        self.independent = independent
        self.childSaid = childSaid
        self.pushFactors = pushFactors
        self.pullFactors = pullFactors
        self.indicatorsFound = indicatorsFound
    }
}
