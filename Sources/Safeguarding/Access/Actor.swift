import Foundation

/// The person behind a request, as the access policy needs to see them: who they
/// are, which agency they speak for, and which roles they hold.
public struct Actor: Sendable, Hashable {
    public var userID: UUID
    public var agencyID: UUID
    public var agencyKind: AgencyKind
    /// Whether the person's agency sits in the safeguarding hub.
    public var agencyIsHubMember: Bool
    public var roles: Set<Role>

    public init(userID: UUID, agencyID: UUID, agencyKind: AgencyKind, agencyIsHubMember: Bool, roles: Set<Role>) {
        self.userID = userID
        self.agencyID = agencyID
        self.agencyKind = agencyKind
        self.agencyIsHubMember = agencyIsHubMember
        self.roles = roles
    }

    public init(user: UserAccount, agency: Agency) {
        self.init(
            userID: user.id, agencyID: agency.id, agencyKind: agency.kind,
            agencyIsHubMember: agency.isHubMember, roles: user.roles)
    }
}
