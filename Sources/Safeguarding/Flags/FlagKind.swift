/// The warnings shown at the top of every page about a child (F19). Some follow from
/// what the record already holds; the others are raised by an agency with a source and
/// an end, so that no flag outlives its truth.
public enum FlagKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A child abduction warning notice: the adult named is told to stay away.
    case childAbductionWarningNotice = "child_abduction_warning_notice"
    case openYouthJusticeCase = "open_youth_justice_case"
    case onChildProtectionRegister = "on_child_protection_register"
    case lookedAfter = "looked_after"
    /// At the level the MACE meeting agreed, when it is low or above.
    case exploitationRisk = "exploitation_risk"
    case missingNow = "missing_now"
    /// A multi-agency risk assessment conference: domestic abuse at high risk in the household.
    case marac
    /// Multi-agency public protection arrangements: an adult in the child's life is managed under them.
    case mappa

    /// Whether the record holds the fact (and the flag follows from it) rather than an
    /// agency raising it by hand.
    public var followsFromRecord: Bool {
        switch self {
        case .openYouthJusticeCase, .onChildProtectionRegister, .lookedAfter, .exploitationRisk, .missingNow: true
        case .childAbductionWarningNotice, .marac, .mappa: false
        }
    }

    /// Who may see the flag. A flag tells what the record holds, so it goes no further than
    /// the record: the police's CAWN and the MARAC and MAPPA arrangements are for those who
    /// protect the child (the hub, child protection, audit); an agency's safeguarding lead
    /// and the early intervention team see what changes how they work with the child.
    public func isVisible(to role: Role) -> Bool {
        switch role {
        case .hubPractitioner, .hubManager, .socialWorker, .teamManager, .auditor: true
        case .safeguardingLead: [.onChildProtectionRegister, .lookedAfter, .exploitationRisk, .missingNow, .openYouthJusticeCase]
            .contains(self)
        case .earlyInterventionWorker: [.onChildProtectionRegister, .lookedAfter, .missingNow].contains(self)
        case .referrer, .administrator, .integration: false
        }
    }
}
