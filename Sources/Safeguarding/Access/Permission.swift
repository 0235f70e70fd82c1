/// Something a member of staff may do in Diogelu. Every route names exactly one
/// permission and asks ``AccessPolicy`` before it does anything; a route with no
/// permission is a public page (sign-in, the API description).
public enum Permission: String, Sendable, Codable, CaseIterable, Hashable {
    /// See one's own home page and account: every signed-in person.
    case useAccount = "use_account"
    case searchChildren = "search_children"
    case viewChildRecord = "view_child_record"
    /// See who has read or changed a child's record.
    case viewChildAudit = "view_child_audit"
    /// Open a restricted record in an emergency, giving a reason that is logged and alerted.
    case breakGlass = "break_glass"
    /// Restrict a child's record, lift a restriction, or grant a named person access to it.
    case restrictRecords = "restrict_records"
    /// Merge two records of one child, or undo a merge.
    case mergeRecords = "merge_records"
    /// Read break-glass and other alerts raised to the hub's managers.
    case viewAlerts = "view_alerts"
    /// Search the whole audit trail: who looked at which child, when and why.
    case searchAuditTrail = "search_audit_trail"
    /// Write and submit a Multi-Agency Referral Form, and follow one's own referrals.
    case submitReferral = "submit_referral"
    /// See the hub queue, open any referral, and add to it.
    case screenReferrals = "screen_referrals"
    /// Record the hub's decision on a referral.
    case decideReferrals = "decide_referrals"
    /// Sign off decisions that the rules send to a manager.
    case signOffDecisions = "sign_off_decisions"
    /// Ask partner agencies what they know about the child and family of a referral.
    case requestInformation = "request_information"
    /// Answer the hub's requests for information sent to one's own agency, and keep its duty rota.
    case answerInformationRequests = "answer_information_requests"
    /// Open hub meetings, record attendance, decide their items and send the minutes.
    case runHubMeetings = "run_hub_meetings"
    /// Work the early intervention team's cases.
    case workEarlyIntervention = "work_early_intervention"
    /// See Operation Encompass notifications: a school's own, or all of them in the hub.
    case acknowledgeEncompass = "acknowledge_encompass"
    /// Read the partnership's measures (referral quality by agency, timeliness).
    case viewMeasures = "view_measures"
    /// Read a child's child protection record (strategy, enquiries, conferences, register,
    /// core groups, assessments, plan) and the team queue.
    case viewChildProtection = "view_child_protection"
    /// Record strategy discussions and meetings, enquiries, conferences, core groups,
    /// assessments and plans.
    case workChildProtection = "work_child_protection"
    /// A manager's oversight and challenge of an enquiry, and review of written agreements.
    case overseeChildProtection = "oversee_child_protection"
    /// Report a child missing (a police officer, or any agency that knows the child).
    case reportMissing = "report_missing"
    /// Record a missing child's return, the return interview and the profile kept ready.
    case workMissingEpisodes = "work_missing_episodes"
    /// Raise or end a warning on a child's record (a CAWN, MARAC, MAPPA).
    case raiseFlags = "raise_flags"
    /// Record one's agency's exploitation assessment of a child.
    case assessExploitation = "assess_exploitation"
    /// Run multi-agency child exploitation meetings and agree a child's level and plan.
    case runExploitationMeetings = "run_exploitation_meetings"
    /// Read the networks of places and peer groups (F20): who is linked to an address, a
    /// park, a B&B or a group, and the place's safety checks.
    case viewNetwork = "view_network"
    /// Record adults, places and peer groups, the links between them and children, and
    /// safety checks of places.
    case workNetwork = "work_network"
    /// Record a child's periods of being looked after and their placements.
    case workCare = "work_care"
    /// Allocate and reallocate children's cases to a team and a worker (team and hub managers).
    case allocateCases = "allocate_cases"
    case manageAgencies = "manage_agencies"
    case manageUsers = "manage_users"
    case manageAPITokens = "manage_api_tokens"
}
