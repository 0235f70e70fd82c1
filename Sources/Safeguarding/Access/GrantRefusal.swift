/// Why a grant of access to a restricted record was refused (see
/// ``AccessPolicy/refusalToGrant(to:by:)``).
public enum GrantRefusal: Error, Sendable, Equatable {
    /// A manager named themself.
    case toOneself
    /// The person's roles never read children's records.
    case roleCannotUseIt

    /// The catalogue key of the message shown beside the person chosen.
    public var messageKey: String {
        switch self {
        case .toOneself: "error.grant.to_oneself"
        case .roleCannotUseIt: "error.grant.role_cannot_use_it"
        }
    }
}
