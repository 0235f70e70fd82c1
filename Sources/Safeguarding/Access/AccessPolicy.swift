/// The one place that decides what each role of each agency may read and do (F28).
///
/// Every route asks ``permits(_:_:)`` before it runs, and every child's record is
/// opened only after ``access(for:to:)``. The rules follow need to know:
/// - hub staff (practitioners and managers of a hub agency) read every unrestricted record,
///   because screening needs the whole picture;
/// - an agency's safeguarding lead reads the records of children their agency is involved with;
/// - children's services' child protection team (social workers and their team manager)
///   read every unrestricted record and work the child protection process; the team
///   manager also oversees enquiries and reviews written agreements. The roles count
///   only in a children's services agency, as the hub roles count only in the hub;
/// - hub staff and auditors read the child protection record; auditors change nothing;
/// - auditors read every unrestricted record and the audit trail, and change nothing;
/// - administrators look after accounts and agencies and never read children's records;
/// - referrers report concerns and follow their own referrals, nothing more;
/// - safeguarding leads (and hub staff, for their own agency) answer the hub's requests
///   for information from their agency's shared inbox, and schools' leads see their
///   Operation Encompass notifications;
/// - the early intervention team works the families the hub hands to it, and sees no
///   other record;
/// - a child's network and care pages are read by whoever may open the child's record;
///   the networks of places and peer groups by hub staff, the child protection team and
///   auditors, and a child in them that the reader could not open is shown as "a child";
///   hub staff and the child protection team record the network and safety checks, and
///   the child protection team and hub managers record periods of care and placements;
/// - a restricted record opens only for the people a hub manager names, or by breaking
///   the glass (hub staff and safeguarding leads), which is logged and alerted.
public struct AccessPolicy: Sendable {
    public init() {}

    /// Police Protection Notices come from the police; everyone else uses the MARF.
    public func mayUse(_ kind: ReferralKind, _ actor: Actor) -> Bool {
        permits(actor, .submitReferral) && (kind == .multiAgencyReferralForm || actor.agencyKind == .police)
    }

    /// The permissions each role grants. Kept as one table so that the role × route
    /// test matrix and this policy read the same way.
    public static let permissionsByRole: [Role: Set<Permission>] = [
        .referrer: [.useAccount, .submitReferral],
        .hubPractitioner: [
            .useAccount, .searchChildren, .viewChildRecord, .viewChildAudit, .breakGlass, .submitReferral,
            .screenReferrals, .decideReferrals, .requestInformation, .answerInformationRequests, .runHubMeetings,
            .acknowledgeEncompass, .viewChildProtection, .reportMissing, .workMissingEpisodes, .raiseFlags,
            .assessExploitation, .runExploitationMeetings, .viewNetwork, .workNetwork,
        ],
        .hubManager: [
            .useAccount, .searchChildren, .viewChildRecord, .viewChildAudit, .breakGlass, .restrictRecords, .viewAlerts,
            .submitReferral, .screenReferrals, .decideReferrals, .signOffDecisions, .viewMeasures, .mergeRecords,
            .requestInformation, .answerInformationRequests, .runHubMeetings, .acknowledgeEncompass, .workEarlyIntervention,
            .viewChildProtection, .reportMissing, .workMissingEpisodes, .raiseFlags, .assessExploitation,
            .runExploitationMeetings, .viewNetwork, .workNetwork, .workCare, .allocateCases,
        ],
        .safeguardingLead: [
            .useAccount, .searchChildren, .viewChildRecord, .breakGlass, .submitReferral, .answerInformationRequests,
            .acknowledgeEncompass, .reportMissing, .assessExploitation,
        ],
        .earlyInterventionWorker: [.useAccount, .workEarlyIntervention],
        .auditor: [.useAccount, .searchChildren, .viewChildRecord, .viewChildAudit, .searchAuditTrail, .viewMeasures,
            .viewChildProtection, .viewNetwork,
        ],
        .administrator: [.useAccount, .manageAgencies, .manageUsers, .manageAPITokens],
        .socialWorker: [
            .useAccount, .searchChildren, .viewChildRecord, .breakGlass, .submitReferral, .viewChildProtection,
            .workChildProtection, .reportMissing, .workMissingEpisodes, .raiseFlags, .assessExploitation,
            .viewNetwork, .workNetwork, .workCare,
        ],
        .teamManager: [
            .useAccount, .searchChildren, .viewChildRecord, .viewChildAudit, .breakGlass, .submitReferral,
            .viewChildProtection, .workChildProtection, .overseeChildProtection, .viewMeasures, .reportMissing,
            .workMissingEpisodes, .raiseFlags, .assessExploitation, .runExploitationMeetings, .viewNetwork, .workNetwork,
            .workCare, .allocateCases,
        ],
        // Whatever a system may read it reads through the other roles its account holds.
        .integration: [.useAccount],
    ]

    /// Hub roles only count for staff of an agency that sits in the hub: a "hub
    /// practitioner" badge on a school account must not open every child's record.
    private static let hubRoles: Set<Role> = [.hubPractitioner, .hubManager]

    /// The roles that actually take effect for this person.
    public func effectiveRoles(of actor: Actor) -> Set<Role> {
        var roles = actor.agencyIsHubMember ? actor.roles : actor.roles.subtracting(Self.hubRoles)
        // A "social worker" badge on a school account must not open the child protection process.
        if actor.agencyKind != .childrensServices { roles.subtract(Self.childProtectionRoles) }
        return roles
    }

    /// The child protection team's roles count only for children's services staff.
    private static let childProtectionRoles: Set<Role> = [.socialWorker, .teamManager]

    /// The permissions this person holds, through all of their effective roles.
    public func permissions(of actor: Actor) -> Set<Permission> {
        effectiveRoles(of: actor).reduce(into: Set<Permission>()) { all, role in
            all.formUnion((Self.permissionsByRole[role] ?? []).filter { Self.holds($0, through: role, at: actor) })
        }
    }

    /// A safeguarding lead acknowledges Operation Encompass notices for a school only:
    /// a health board's lead has no pupils, and had been told of "your pupils".
    private static func holds(_ permission: Permission, through role: Role, at actor: Actor) -> Bool {
        permission != .acknowledgeEncompass || role != .safeguardingLead || actor.agencyKind == .school
    }

    /// Whether this person may do this at all, before any particular record is considered.
    /// Asked several times on every page, so it looks role by role rather than building
    /// the whole set of permissions.
    public func permits(_ actor: Actor, _ permission: Permission) -> Bool {
        effectiveRoles(of: actor).contains {
            (Self.permissionsByRole[$0]?.contains(permission) ?? false) && Self.holds(permission, through: $0, at: actor)
        }
    }

    /// Whether this person may open any unrestricted record (hub staff, the child
    /// protection team, auditors), rather than only those their agency works with.
    public func readsEveryUnrestrictedRecord(_ actor: Actor) -> Bool {
        let roles = effectiveRoles(of: actor)
        return !roles.isDisjoint(with: Self.hubRoles) || !roles.isDisjoint(with: Self.childProtectionRoles)
            || roles.contains(.auditor)
    }

    /// The roles whose giving every hub manager is told of: those that read children's
    /// records, and administration, which controls accounts.
    public static func isPrivileged(_ role: Role) -> Bool {
        let permissions = permissionsByRole[role] ?? []
        return permissions.contains(.viewChildRecord) || permissions.contains(.manageUsers)
            || permissions.contains(.manageAPITokens)
    }

    /// Why a hub manager may not name this person to read a restricted record, if not.
    ///
    /// A grant opens a sealed record without breaking the glass, so it goes only to
    /// someone whose roles read children's records at all (not an administrator, a
    /// referrer or the early intervention team), and never to the manager who makes it:
    /// granting oneself was break-glass with no reason and no alert.
    public func refusalToGrant(to grantee: Actor, by granter: Actor) -> GrantRefusal? {
        if grantee.userID == granter.userID { return .toOneself }
        return permits(grantee, .viewChildRecord) ? nil : .roleCannotUseIt
    }

    /// Whether this person may open this child's record, and on what basis.
    public func access(for actor: Actor, to child: ChildAccessFacts) -> ChildAccess {
        guard permits(actor, .viewChildRecord) else { return .refused }
        let roles = effectiveRoles(of: actor)
        if child.isRestricted {
            if child.grantedUserIDs.contains(actor.userID) { return .granted(.explicitGrant) }
            if child.openBreakGlassUserIDs.contains(actor.userID) { return .granted(.breakGlass) }
            return permits(actor, .breakGlass) ? .breakGlassRequired : .refused
        }
        if !roles.isDisjoint(with: Self.hubRoles) { return .granted(.hubScreening) }
        if !roles.isDisjoint(with: Self.childProtectionRoles) { return .granted(.childProtection) }
        if roles.contains(.auditor) { return .granted(.qualityAssurance) }
        if roles.contains(.safeguardingLead) {
            if child.involvedAgencyIDs.contains(actor.agencyID) { return .granted(.agencyInvolved) }
            if child.openBreakGlassUserIDs.contains(actor.userID) { return .granted(.breakGlass) }
            return .breakGlassRequired
        }
        return .refused
    }
}
