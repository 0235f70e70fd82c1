/// What a member of staff does in the partnership. A person may hold several roles
/// (a team manager who also audits), and each role grants a fixed set of permissions
/// through ``AccessPolicy``; nothing else grants permissions.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Any professional who reports a concern: a teacher, a GP, an A&E nurse, an officer.
    case referrer
    /// A social worker or officer in the hub who screens referrals and reads children's records.
    case hubPractitioner = "hub_practitioner"
    /// A hub team manager: signs off decisions, receives break-glass alerts, restricts records.
    case hubManager = "hub_manager"
    /// An agency's designated safeguarding lead: sees the children their agency works with.
    case safeguardingLead = "safeguarding_lead"
    /// A worker in the early intervention team, who follows up families after the hub
    /// closes a police notice with no further action.
    case earlyInterventionWorker = "early_intervention_worker"
    /// A quality-assurance or audit lead: reads records and the audit trail, changes nothing.
    case auditor
    /// Looks after agencies, accounts and API tokens; has no access to children's records.
    case administrator
    /// A social worker in children's services' child protection team: holds strategy
    /// discussions, Section 47 enquiries, conferences, core groups, assessments and plans.
    case socialWorker = "social_worker"
    /// The child protection team's manager: oversees and challenges enquiries and reviews
    /// written agreements, as well as everything a social worker does.
    case teamManager = "team_manager"
    /// An account another system uses through the API (the police's, a school's), not a
    /// person. Administrators issue API tokens for these accounts only; a person's token
    /// is issued by that person. What the system reads is audited as this account's.
    case integration

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
