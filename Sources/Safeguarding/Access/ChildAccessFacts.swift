import Foundation

/// What the access policy must know about one child's record to decide whether a
/// given person may open it. Gathered by the store; judged by ``AccessPolicy``.
public struct ChildAccessFacts: Sendable, Hashable {
    /// A sealed record (for example an adopted child, or a child of a member of staff).
    public var isRestricted: Bool
    /// People named by a hub manager as allowed to read the restricted record.
    public var grantedUserIDs: Set<UUID>
    /// People whose break-glass view of the record is still open.
    public var openBreakGlassUserIDs: Set<UUID>
    /// Agencies currently or previously involved with the child.
    public var involvedAgencyIDs: Set<UUID>

    public init(
        isRestricted: Bool = false, grantedUserIDs: Set<UUID> = [], openBreakGlassUserIDs: Set<UUID> = [],
        involvedAgencyIDs: Set<UUID> = []
    ) {
        self.isRestricted = isRestricted
        self.grantedUserIDs = grantedUserIDs
        self.openBreakGlassUserIDs = openBreakGlassUserIDs
        self.involvedAgencyIDs = involvedAgencyIDs
    }
}
