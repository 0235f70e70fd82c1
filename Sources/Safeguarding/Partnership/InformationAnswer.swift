import Foundation

/// An agency's answer to a request for information, in the structure the hub needs to
/// decide: the inspection found checks that said only whether an agency was involved.
public struct InformationAnswer: Sendable, Hashable, Codable {
    public var knowledge: AgencyKnowledge
    /// What the agency knows about the child and family.
    public var whatIsKnown: String
    /// Risks the agency knows of; "none known" is an answer, a blank is not.
    public var knownRisks: String
    public var lastContact: CalendarDay?
    public var namedWorker: String
    /// Anything else, in the answerer's own words.
    public var notes: String
    public var answeredBy: UUID
    public var answeredAt: Date

    public init(
        knowledge: AgencyKnowledge, whatIsKnown: String = "", knownRisks: String = "", lastContact: CalendarDay? = nil,
        namedWorker: String = "", notes: String = "", answeredBy: UUID, answeredAt: Date
    ) {
        self.knowledge = knowledge
        self.whatIsKnown = whatIsKnown
        self.knownRisks = knownRisks
        self.lastContact = lastContact
        self.namedWorker = namedWorker
        self.notes = notes
        self.answeredBy = answeredBy
        self.answeredAt = answeredAt
    }
}

/// Whether the agency knows the child or family. "Not known" is said explicitly, so
/// that a hub never reads silence as "nothing to worry about".
public enum AgencyKnowledge: String, Sendable, Hashable, Codable, CaseIterable {
    case currentlyInvolved = "currently_involved"
    case previouslyInvolved = "previously_involved"
    case knownNoInvolvement = "known_no_involvement"
    case notKnown = "not_known"

    public var key: String { "request.knowledge." + rawValue }

    /// Whether the agency holds anything it must describe.
    public var holdsInformation: Bool { self != .notKnown }
}
