import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Everything that opens or changes a child's record, for both the pages and the API:
/// each asks the access policy, and writes its audit entry in the same transaction as
/// the read or change it records (F28, F29).
struct ChildRecordDesk {
    let request: Request
    let user: SignedInUser
    private let policy = AccessPolicy()

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    /// What a search shows its reader: the records they may see, and whether a
    /// restricted record also matched. A restricted record gives no more than that (not
    /// its id, nor which of the details typed agree with it): "a restricted record may
    /// match: ask a hub manager", so that the hub does not start a duplicate.
    struct SearchOutcome: Sendable {
        var results: [ChildSearchResult]
        var restrictedMayMatch: Bool
    }

    /// Searches the child index, once the terms name someone (see ``ChildSearchTerms``);
    /// refused terms are a message for the search field, and nothing is read.
    func search(text: String, dateOfBirth: CalendarDay?) async throws -> SearchOutcome {
        if let refusal = ChildSearchTerms.refusal(
            text: text, hasDateOfBirth: dateOfBirth != nil, readsEveryRecord: policy.readsEveryUnrestrictedRecord(user.actor))
        {
            throw ValidationFailure([FieldError("q", .invalid(refusal.messageKey))])
        }
        let found = try await ChildRepository(request.db).search(text: text, dateOfBirth: dateOfBirth)
        var outcome = SearchOutcome(results: [], restrictedMayMatch: false)
        for result in found {
            let facts = ChildAccessFacts(isRestricted: result.isRestricted, involvedAgencyIDs: result.involvedAgencyIDs)
            switch policy.access(for: user.actor, to: facts) {
            case .granted: outcome.results.append(result)
            case .breakGlassRequired where result.isRestricted: outcome.restrictedMayMatch = true
            case .breakGlassRequired: outcome.results.append(result)
            case .refused: break
            }
        }
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.childrenSearched, reason: text, detail: "results=\(outcome.results.count)", requestID: request.requestID))
        return outcome
    }

    /// Whether the record exists, asked before the body of a write about it (breaking the
    /// glass, sealing, naming someone, merging) is read: a record's existence is told by
    /// the access its writes need, never by its body's problems.
    func requireRecord(_ childID: UUID) async throws {
        guard try await ChildRepository(request.db).find(childID) != nil else { throw ProblemError.notFound }
    }

    /// Whether `user` may open this child's record now, exactly as opening it would
    /// decide (a grant, an open break-glass view, their agency's involvement). Anything
    /// drawn from a child's record onto another page (a referral's suggested agencies and
    /// earlier referrals, a match on intake) is shown only when this holds.
    static func mayOpen(_ childID: UUID, as user: SignedInUser, on db: any Database) async throws -> Bool {
        guard let facts = try await ChildRepository(db).accessFacts(for: childID, userID: user.account.id, now: Date())
        else { return false }
        if case .granted = AccessPolicy().access(for: user.actor, to: facts) { return true }
        return false
    }

    /// The outcome of asking to open a record.
    enum Opening: Sendable {
        case opened(ChildRecordSummary, AccessBasis)
        case breakGlassRequired(Child)
        /// The record is a duplicate merged into another, which is read instead.
        case merged(into: UUID)
    }

    /// Opens a child's record, or says the glass must be broken first. A refusal is
    /// answered as "not found", so that the existence of a record is not revealed.
    /// With `followingMerges`, a duplicate is not opened: the record it joined is named.
    func open(_ childID: UUID, followingMerges: Bool = false) async throws -> Opening {
        // Read first, then write the audit entry in its own short transaction: the write
        // lock is held for the entries alone, and nothing is shown unless the entry is written.
        guard let (summary, facts) = try await ChildRepository(request.db).summaryAndAccess(
            of: childID, userID: user.account.id, now: Date())
        else { throw ProblemError.notFound }
        if followingMerges, let kept = summary.mergedIntoID { return .merged(into: kept) }
        switch policy.access(for: user.actor, to: facts) {
        case .refused:
            throw ProblemError.notFound
        case .breakGlassRequired:
            return .breakGlassRequired(summary.child)
        case .granted(let basis):
            // Nothing is shown until the entry is committed, with other readers' in one group.
            try await request.application.auditCommitQueue.append(
                user.auditEvent(.childRecordViewed, childID: childID, reason: basis.rawValue, requestID: request.requestID))
            return .opened(summary, basis)
        }
    }

    /// How many of the latest reads and changes the record page lists; the whole history
    /// is on `GET /api/v1/children/{id}/audit` and, for auditors, the audit trail search.
    static let recentAccessShown = 25

    /// Who has read or changed this child's record, newest first.
    func auditOfChild(_ childID: UUID) async throws -> [AuditEntry] {
        guard policy.permits(user.actor, .viewChildAudit) else { return [] }
        return try await AuditTrail.latest(aboutChild: childID, limit: Self.recentAccessShown, on: request.db)
    }

    /// Opens a restricted record in an emergency: the reason is logged, the view stays
    /// open for a few hours, and every hub manager is alerted.
    func breakGlass(_ childID: UUID, reason: String) async throws {
        let user = self.user, requestID = request.requestID, policy = self.policy
        let duration = request.application.diogelu.breakGlassDuration
        try await request.store.transaction { db in
            try await Self.breakGlass(
                childID, reason: reason, by: user, at: Date(), duration: duration, policy: policy, requestID: requestID, on: db)
        }
        request.logger.notice("Break-glass view opened", metadata: ["child": "\(childID)", "user": "\(user.account.id)"])
    }

    /// The opening itself, inside the caller's transaction (the demonstration partnership
    /// shows one, so that its managers' alerts are not empty).
    static func breakGlass(
        _ childID: UUID, reason: String, by user: SignedInUser, at now: Date, duration: TimeInterval,
        policy: AccessPolicy = AccessPolicy(), requestID: String, on db: any Database
    ) async throws {
        let children = ChildRepository(db)
        guard let facts = try await children.accessFacts(for: childID, userID: user.account.id, now: now)
        else { throw ProblemError.notFound }
        switch policy.access(for: user.actor, to: facts) {
        case .refused: throw ProblemError.notFound
        case .granted: return
        case .breakGlassRequired: break
        }
        try await children.openBreakGlass(childID: childID, userID: user.account.id, reason: reason, now: now,
            duration: duration)
        try await AlertRepository(db).raise(.breakGlass, childID: childID, raisedBy: user.account.id, reason: reason,
            now: now)
        try await AuditTrail.append(
            user.auditEvent(.breakGlassOpened, childID: childID, reason: reason, requestID: requestID), on: db)
    }

    /// Restricts or lifts the restriction on a record (hub managers).
    func setRestricted(_ restricted: Bool, childID: UUID, reason: String) async throws {
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            let children = ChildRepository(db)
            guard let child = try await children.find(childID) else { throw ProblemError.notFound }
            // Lifting a seal opens the record to the whole hub: only someone who may open
            // it now may lift it, or lifting would be a way round breaking the glass.
            if !restricted, child.isRestricted, !(try await Self.mayOpen(childID, as: user, on: db)) {
                throw ProblemError.notFound
            }
            try await children.setRestricted(restricted, childID: childID)
            if restricted {
                // The manager who seals a record keeps access to it.
                try await children.grantAccess(childID: childID, userID: user.account.id, grantedBy: user.account.id,
                    now: Date())
            }
            try await AuditTrail.append(
                user.auditEvent(restricted ? .recordRestricted : .restrictionLifted, childID: childID, reason: reason,
                    requestID: requestID), on: db)
        }
    }

    /// Names one person as allowed to read a restricted record (hub managers), with a
    /// reason, which is audited and alerted to every hub manager as breaking the glass is.
    func grantAccess(childID: UUID, to userID: UUID, reason: String) async throws {
        let user = self.user, requestID = request.requestID, policy = self.policy
        try await request.store.transaction { db in
            guard let child = try await ChildRepository(db).find(childID), child.isRestricted else { throw ProblemError.notFound }
            guard let grantee = try await UserRepository(db).find(userID), grantee.isActive,
                let agency = try await AgencyRepository(db).find(grantee.agencyID)
            else { throw ValidationFailure([FieldError("user_id", .notAnIdentifier)]) }
            let granteeActor = SignedInUser(account: grantee, agency: agency, session: nil).actor
            if let refusal = policy.refusalToGrant(to: granteeActor, by: user.actor) {
                throw ValidationFailure([FieldError("user_id", .invalid(refusal.messageKey))])
            }
            let now = Date()
            try await ChildRepository(db).grantAccess(childID: childID, userID: userID, grantedBy: user.account.id, now: now)
            try await AlertRepository(db).raise(.accessGranted, childID: childID, raisedBy: user.account.id, reason: reason, now: now)
            try await AuditTrail.append(
                user.auditEvent(.accessGranted, childID: childID, subjectID: userID, reason: reason, requestID: requestID), on: db)
        }
    }
}
