/// The policy's answer to "may this person open this child's record?".
public enum ChildAccess: Sendable, Hashable {
    /// Open it; the basis says why, and is written to the audit trail.
    case granted(AccessBasis)
    /// The record is restricted: the person may open it only by breaking the glass,
    /// giving a reason that is logged and alerted to the hub's managers.
    case breakGlassRequired
    /// The person has no need to know. The record is not shown and its existence not revealed.
    case refused

    public var isGranted: Bool {
        if case .granted = self { return true }
        return false
    }
}

/// Why a person was let in to a child's record.
public enum AccessBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// Hub staff screen every concern, so they read every unrestricted record.
    case hubScreening = "hub_screening"
    /// The person's agency is involved with the child.
    case agencyInvolved = "agency_involved"
    /// Auditors read records to grade practice; they change nothing.
    case qualityAssurance = "quality_assurance"
    /// Children's services' child protection team works the statutory process for any child.
    case childProtection = "child_protection"
    /// A hub manager named this person on a restricted record.
    case explicitGrant = "explicit_grant"
    /// The person broke the glass with a reason.
    case breakGlass = "break_glass"
}
