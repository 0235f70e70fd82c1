import Foundation

/// A professional invited to a strategy discussion or meeting. Invitees are
/// suggested from the agencies involved with the child, and any agency that holds
/// information can be added: "professionals not invited" was an inspection finding.
public struct Invitee: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var agencyID: UUID
    /// The named worker, or the agency's role when no one is named yet.
    public var name: String
    /// Whether the system suggested them from the child's agency involvements.
    public var suggested: Bool
    /// Whether they took part; nil until the discussion or meeting is recorded.
    public var attended: Bool?

    public init(id: UUID = UUID(), agencyID: UUID, name: String, suggested: Bool = false, attended: Bool? = nil) {
        self.id = id
        self.agencyID = agencyID
        self.name = name
        self.suggested = suggested
        self.attended = attended
    }
}

/// What one agency shared at a strategy discussion or meeting.
public struct SharedInformation: Sendable, Hashable, Codable {
    public var agencyID: UUID
    public var summary: String

    public init(agencyID: UUID, summary: String) {
        self.agencyID = agencyID
        self.summary = summary
    }
}
