import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The front door's use cases, for the pages and the API alike: write and submit a
/// referral, screen it against the clock, decide, sign off, and tell the referrer.
/// Every step asks the access policy and writes its audit entry in its transaction.
struct ReferralDesk {
    let request: Request
    let user: SignedInUser
    private let policy = AccessPolicy()

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    private var calendar: WorkingCalendar { request.application.workingCalendar }
    private var agency: ReferringAgency { ReferringAgency(user.agency.kind) }

    // MARK: Writing

    func startDraft(_ kind: ReferralKind) async throws -> Referral {
        try await create(kind, form: ReferralForm(kind: kind), submit: false)
    }

    /// The referrer's own draft; anyone else is told it does not exist.
    func draft(_ id: UUID) async throws -> Referral {
        guard let referral = try await ReferralRepository(request.db).find(id),
            referral.referrerUserID == user.account.id
        else { throw ProblemError.notFound }
        guard referral.status == .draft else { throw ReferralDeskError.alreadySubmitted }
        return referral
    }

    func saveDraft(_ id: UUID, form: ReferralForm) async throws -> Referral {
        var referral = try await draft(id)
        guard form.kind == referral.kind else { throw ValidationFailure([FieldError("kind", .invalid("error.referral.kind_fixed"))]) }
        referral.form = form
        referral.updatedAt = Date()
        referral.qualityScore = quality(of: form).total
        guard try await ReferralRepository(request.db).saveDraft(referral) else { throw ReferralDeskError.alreadySubmitted }
        return referral
    }

    func quality(of form: ReferralForm) -> ReferralQualityScore {
        ReferralQuality().score(form.qualityInput(agency: agency))
    }

    func problems(of form: ReferralForm) -> [FieldError] {
        form.submissionProblems(agency: agency, today: CalendarDay(Date(), in: calendar.timeZone))
    }

    /// Sends the referral to the hub. From now on it is only added to, never edited.
    func submit(_ id: UUID) async throws -> Referral {
        try await send(try await draft(id), isNew: false)
    }

    /// Writes a referral and, when asked, sends it, in one transaction: a crash part way
    /// leaves nothing behind rather than a half-filled draft nobody asked for.
    func create(_ kind: ReferralKind, form: ReferralForm, submit: Bool) async throws -> Referral {
        guard policy.mayUse(kind, user.actor), form.kind == kind else { throw ProblemError.forbidden }
        let now = Date()
        let referral = Referral(
            referrerUserID: user.account.id, referrerAgencyID: user.agency.id, form: form,
            qualityScore: quality(of: form).total, createdAt: now)
        if submit { return try await send(referral, isNew: true) }
        try await ReferralRepository(request.db).create(referral)
        return referral
    }

    /// A child whose NHS number is already on a record is linked to it straight away.
    private func send(_ draft: Referral, isNew: Bool) async throws -> Referral {
        let problems = problems(of: draft.form)
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        let now = Date()
        let user = self.user, requestID = request.requestID, calendar = self.calendar
        let catalogue = request.application.catalogue, rules = request.application.diogelu.missingRules
        let due = calendar.deadline(for: .referralDecision, from: now).due
        // A referral made and sent in one call was scored a moment ago, on this same form.
        let score = isNew ? draft.qualityScore : quality(of: draft.form).total
        // Submissions arriving together share one commit (see `GroupCommit`); each is
        // still all-or-nothing, and answered only once it is on disk.
        return try await request.application.groupCommit.transaction { db in
            var referral = draft
            let referrals = ReferralRepository(db)
            referral.reference = try await referrals.nextReference(year: CalendarDay(now, in: WorkingCalendar.londonTimeZone).year)
            referral.status = .submitted
            referral.submittedAt = now
            referral.updatedAt = now
            referral.decisionDueAt = due
            referral.qualityScore = score
            if let nhs = try? NHSNumber(referral.form.child.nhsNumber) {
                let matches = try await ChildRepository(db).ids(withNHSNumber: nhs.digits)
                if matches.count == 1 { referral.childID = matches[0] }
            }
            referral.episodeLeadID = try await referrals.episodeLead(for: referral)
            if isNew { try await referrals.create(referral) } else { try await referrals.save(referral) }
            try await AuditTrail.append(
                user.auditEvent(.referralSubmitted, childID: referral.childID, subjectID: referral.id,
                    detail: "reference=\(referral.reference ?? "") quality=\(score)", requestID: requestID), on: db)
            try await EncompassDesk.notify(for: referral, at: now, calendar: calendar, catalogue: catalogue, db: db)
            try await MissingDesk.policeNoticeLinked(
                referral, by: user, rules: rules, calendar: calendar, requestID: requestID, db: db)
            return referral
        }
    }

    /// Adds to a submitted referral: its referrer or hub staff can; nothing is overwritten.
    func addTo(_ id: UUID, text: String) async throws {
        let user = self.user, requestID = request.requestID, policy = self.policy
        try await request.store.transaction { db in
            guard let referral = try await ReferralRepository(db).find(id),
                referral.referrerUserID == user.account.id || policy.permits(user.actor, .screenReferrals)
            else { throw ProblemError.notFound }
            guard referral.status != .draft else { throw ReferralDeskError.notSubmitted }
            try await ReferralRepository(db).addAddition(referralID: id, by: user.account.id, text: text, at: Date())
            try await AuditTrail.append(
                user.auditEvent(.referralAddedTo, childID: referral.childID, subjectID: id, requestID: requestID), on: db)
        }
    }

    // MARK: Screening

    /// Everything the hub sees about one referral.
    struct Screening: Sendable {
        var referral: Referral
        var history: ReferralHistory
        var decisions: [(id: UUID, decision: HubDecision)]
        var additions: [(by: UUID, at: Date, text: String)]
        /// The other notices about the same incident (F4).
        var episode: [Referral] = []
    }

    private func episodeOf(_ referral: Referral) async throws -> [Referral] {
        let referrals = ReferralRepository(request.db)
        let lead = referral.episodeLeadID ?? referral.id
        var all = try await referrals.episodeMembers(of: lead)
        if referral.episodeLeadID != nil, let first = try await referrals.find(lead) { all.insert(first, at: 0) }
        return all.filter { $0.id != referral.id }
    }

    /// The earlier referrals about the same child that the reader may see: those linked
    /// to a record the reader may not open (a restricted one) are the history of that
    /// record, and are not shown. The decision rules still count them.
    private func visibleEarlierReferrals(like referral: Referral) async throws -> [ReferralHistory.Earlier] {
        var mayOpen: [UUID: Bool] = [:]
        var visible: [ReferralHistory.Earlier] = []
        for earlier in try await ReferralRepository(request.db).earlierReferrals(like: referral) {
            guard let childID = earlier.childID else { visible.append(earlier); continue }
            if mayOpen[childID] == nil { mayOpen[childID] = try await ChildRecordDesk.mayOpen(childID, as: user, on: request.db) }
            if mayOpen[childID] == true { visible.append(earlier) }
        }
        return visible
    }

    /// Whether the referral exists for this reader (hub staff, or its referrer; a draft for
    /// its referrer only), asked before a write's body is read: a bad body sent to a
    /// referral one cannot see answers 404, as one that does not exist does.
    func mayReach(_ id: UUID) async throws {
        guard let referral = try await ReferralRepository(request.db).find(id),
            policy.permits(user.actor, .screenReferrals) || referral.referrerUserID == user.account.id,
            referral.status != .draft || referral.referrerUserID == user.account.id
        else { throw ProblemError.notFound }
    }

    /// Opens a referral for screening (hub staff) or following (its referrer, who sees
    /// their own form and the outcome only).
    func open(_ id: UUID) async throws -> Screening {
        let referrals = ReferralRepository(request.db)
        guard let referral = try await referrals.find(id) else { throw ProblemError.notFound }
        let isHub = policy.permits(user.actor, .screenReferrals)
        guard isHub || referral.referrerUserID == user.account.id else { throw ProblemError.notFound }
        guard referral.status != .draft || referral.referrerUserID == user.account.id else { throw ProblemError.notFound }
        let history = isHub
            ? ReferralHistory(receivedAt: referral.submittedAt ?? Date(), candidates: try await visibleEarlierReferrals(like: referral))
            : ReferralHistory(receivedAt: Date(), candidates: [])
        let decisions = isHub ? try await DecisionRepository(request.db).all(for: id) : []
        // A referrer follows what they sent: the hub's own additions are the hub's working,
        // not feedback, so the referrer sees only theirs.
        let readerID = self.user.account.id
        let additions = try await referrals.additions(of: id).filter { isHub || $0.by == readerID }
        // Nothing is shown unless the read is in the audit trail.
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await AuditTrail.append(
                user.auditEvent(.referralViewed, childID: referral.childID, subjectID: id,
                    reason: isHub ? AccessBasis.hubScreening.rawValue : "referrer", requestID: requestID), on: db)
        }
        let episode = isHub ? try await episodeOf(referral) : []
        return Screening(referral: referral, history: history, decisions: decisions, additions: additions, episode: episode)
    }

    func queue(limit: Int = 200, offset: Int = 0) async throws -> [QueueLine] {
        try await ReferralRepository(request.db).queue(limit: limit, offset: offset,
            signOffFirst: policy.permits(user.actor, .signOffDecisions))
    }

    func myReferrals(limit: Int = 100) async throws -> [Referral] {
        try await ReferralRepository(request.db).byReferrer(user.account.id, limit: limit)
    }

    // MARK: Deciding

    /// Records a practitioner's decision; when it needs no sign-off it takes effect at
    /// once and the referrer is told.
    func decide(_ id: UUID, outcome: DecisionOutcome, reasons: String, agenciesDisagree: Bool) async throws -> HubDecision {
        let user = self.user, requestID = request.requestID, catalogue = request.application.catalogue
        let calendar = self.calendar
        return try await request.store.transaction { db in
            try await Self.decide(
                id, outcome: outcome, reasons: reasons, agenciesDisagree: agenciesDisagree, by: user, at: Date(),
                requestID: requestID, catalogue: catalogue, calendar: calendar, on: db)
        }
    }

    /// The decision itself, inside the caller's transaction: the demonstration partnership
    /// decides its earlier referrals through this too, so they carry what a real one would.
    static func decide(
        _ id: UUID, outcome: DecisionOutcome, reasons: String, agenciesDisagree: Bool, by user: SignedInUser, at now: Date,
        requestID: String, catalogue: Catalogue, calendar: WorkingCalendar, on db: any Database
    ) async throws -> HubDecision {
        let referrals = ReferralRepository(db)
        guard var referral = try await referrals.find(id) else { throw ProblemError.notFound }
        guard referral.episodeLeadID == nil else { throw ReferralDeskError.partOfEpisode }
        let history = ReferralHistory(
            receivedAt: referral.submittedAt ?? now, candidates: try await referrals.earlierReferrals(like: referral))
        let decision: HubDecision
        do throws(DecisionError) {
            decision = try DecisionRules.decide(
                outcome, reasons: reasons, on: referral.status, kind: referral.kind, history: history,
                agenciesDisagree: agenciesDisagree, by: user.account.id, at: now)
        } catch { throw ReferralDeskError.rule(error) }
        _ = try await DecisionRepository(db).record(decision, for: id)
        try await HubMeetingDesk.noteDecision(referralID: id, outcome: outcome, at: decision.decidedAt, db: db)
        try await apply(decision, to: &referral, on: db, catalogue: catalogue, calendar: calendar)
        try await AuditTrail.append(
            user.auditEvent(.referralDecided, childID: referral.childID, subjectID: id,
                reason: decision.reasons, detail: "outcome=\(outcome.rawValue) sign_off=\(decision.signOffReasons.map(\.rawValue).joined(separator: ","))",
                requestID: requestID), on: db)
        return decision
    }

    /// A hub manager's sign-off of the decision waiting on a referral.
    func signOff(_ id: UUID, agreed: Bool, reason: String) async throws -> HubDecision {
        let user = self.user, requestID = request.requestID, catalogue = request.application.catalogue
        let calendar = self.calendar
        return try await request.store.transaction { db in
            try await Self.signOff(
                id, agreed: agreed, reason: reason, by: user, at: Date(), requestID: requestID, catalogue: catalogue,
                calendar: calendar, on: db)
        }
    }

    /// The sign-off itself, inside the caller's transaction.
    static func signOff(
        _ id: UUID, agreed: Bool, reason: String, by user: SignedInUser, at now: Date, requestID: String,
        catalogue: Catalogue, calendar: WorkingCalendar, on db: any Database
    ) async throws -> HubDecision {
        guard var referral = try await ReferralRepository(db).find(id), referral.status == .awaitingSignOff,
            let (decisionID, decision) = try await DecisionRepository(db).latest(for: id)
        else { throw ReferralDeskError.rule(.nothingToSignOff) }
        let signed: HubDecision
        do throws(DecisionError) {
            signed = try DecisionRules.signOff(decision, by: user.account.id, agreed: agreed, reason: reason, at: now)
        } catch { throw ReferralDeskError.rule(error) }
        try await DecisionRepository(db).recordSignOff(signed.signOff!, decisionID: decisionID)
        try await apply(signed, to: &referral, on: db, catalogue: catalogue, calendar: calendar)
        try await AuditTrail.append(
            user.auditEvent(.decisionSignedOff, childID: referral.childID, subjectID: id, reason: reason,
                detail: agreed ? "agreed" : "returned", requestID: requestID), on: db)
        return signed
    }

    /// Moves the referral on after a decision, and when the decision is final puts the
    /// referrer's notice in the outbox in the same transaction.
    private static func apply(
        _ decision: HubDecision, to referral: inout Referral, on db: any Database, catalogue: Catalogue,
        calendar: WorkingCalendar
    ) async throws {
        referral.status = DecisionRules.status(after: decision)
        referral.updatedAt = Date()
        try await ReferralRepository(db).save(referral)
        guard decision.isFinal else { return }
        // The episode is decided once: its duplicate notices take the same outcome, and
        // every officer who sent one is told.
        var decided = [referral] + (try await ReferralRepository(db).episodeMembers(of: referral.id))
        for index in decided.indices {
            decided[index].status = .decided
            decided[index].outcome = decision.outcome
            decided[index].decidedAt = decision.signOff?.at ?? decision.decidedAt
            decided[index].updatedAt = Date()
            try await ReferralRepository(db).save(decided[index])
            if let referrer = try await UserRepository(db).find(decided[index].referrerUserID) {
                try await NoticeRepository(db).enqueue(
                    ReferrerFeedback.notice(for: decided[index], outcome: decision.outcome, to: referrer, catalogue: catalogue))
            }
        }
        referral = decided[0]
        // A police notice closed with no further action goes to the early intervention team.
        try await EarlyInterventionDesk.handOver(
            referral, outcome: decision.outcome, at: decision.signOff?.at ?? decision.decidedAt, calendar: calendar, db: db)
        // The strategy discussion's clock starts at this decision, so the child protection
        // team's queue shows it from now rather than from whenever someone opens it.
        if decision.outcome == .strategyDiscussion {
            try await ChildProtectionDesk.openDiscussion(after: referral, calendar: calendar, on: db)
        }
    }
}

/// Why a referral cannot be changed the way asked.
enum ReferralDeskError: Error {
    case alreadySubmitted
    case notSubmitted
    case rule(DecisionError)
    /// A duplicate notice is decided through the first notice of its episode.
    case partOfEpisode
}
