/// Who must sign in with a second factor. The roles that read children's records
/// across agencies, decide what happens to them, read the audit trail or administer
/// accounts are the ones a stolen password would hurt most; for everyone else two-factor
/// sign-in is offered, not required. A partnership may relax the rule while trying the
/// system out (`optional`), never tighten it per person below this.
public struct TwoFactorRequirement: Sendable, Hashable {
    public enum Mode: String, Sendable, CaseIterable {
        /// The roles below must set it up at their next sign-in.
        case required
        /// Anyone may set it up; no one is made to.
        case optional
    }

    public static let rolesThatNeedIt: Set<Role> = [
        .hubPractitioner, .hubManager, .socialWorker, .teamManager, .auditor, .administrator,
    ]

    public var mode: Mode

    public init(mode: Mode = .required) {
        self.mode = mode
    }

    public func isRequired(for roles: Set<Role>) -> Bool {
        mode == .required && !roles.isDisjoint(with: Self.rolesThatNeedIt)
    }
}
