import Foundation

/// A member of staff who signs in to Diogelu. Every account belongs to exactly one
/// agency: that is what makes "which agency looked at this child?" answerable.
public struct UserAccount: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var username: String
    public var displayName: String
    public var email: String
    public var jobTitle: String
    public var agencyID: UUID
    public var roles: Set<Role>
    public var language: Language
    public var isActive: Bool

    public init(
        id: UUID = UUID(), username: String, displayName: String, email: String, jobTitle: String,
        agencyID: UUID, roles: Set<Role>, language: Language = .english, isActive: Bool = true
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.email = email
        self.jobTitle = jobTitle
        self.agencyID = agencyID
        self.roles = roles
        self.language = language
        self.isActive = isActive
    }
}
