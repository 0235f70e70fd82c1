/// What was done, as the audit trail records it. Raw values are permanent: they are
/// part of each entry's hash, so renaming one would break verification of old entries.
public enum AuditAction: String, Sendable, Codable, CaseIterable, Hashable {
    case childRecordViewed = "child.viewed"
    case childRecordCreated = "child.created"
    case childRecordChanged = "child.changed"
    case childrenSearched = "children.searched"
    case childAuditViewed = "child.audit_viewed"
    case breakGlassOpened = "child.break_glass"
    case recordRestricted = "child.restricted"
    case restrictionLifted = "child.restriction_lifted"
    case accessGranted = "child.access_granted"
    case auditTrailSearched = "audit.searched"
    case signedIn = "account.signed_in"
    case signInRefused = "account.sign_in_refused"
    case signedOut = "account.signed_out"
    case accountCreated = "account.created"
    case accountChanged = "account.changed"
    case agencyCreated = "agency.created"
    case agencyChanged = "agency.changed"
    case apiTokenIssued = "token.issued"
    case apiTokenRevoked = "token.revoked"
    case demoLoaded = "system.demo_loaded"
}
