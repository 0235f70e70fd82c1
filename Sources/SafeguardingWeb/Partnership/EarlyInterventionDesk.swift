import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The early intervention team's work (F10): its queue of families, each step against
/// its deadline, and escalation back to the hub as a new referral in one action.
struct EarlyInterventionDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    /// Opens a case when the hub's final decision hands the family over; called inside
    /// the decision's transaction so a decision is never recorded without its case.
    static func handOver(_ referral: Referral, outcome: DecisionOutcome, at now: Date, calendar: WorkingCalendar, db: any Database)
        async throws
    {
        guard EarlyInterventionRules.handsOver(outcome, kind: referral.kind),
            try await EarlyInterventionRepository(db).forReferral(referral.id) == nil
        else { return }
        let item = EarlyInterventionCase.open(referralID: referral.id, childID: referral.childID, at: now, calendar: calendar)
        try await EarlyInterventionRepository(db).create(item)
        try await AuditTrail.append(
            AuditEvent(
                actorUserID: nil, actorName: "Diogelu", agencyID: nil, roles: [], action: .earlyInterventionOpened,
                childID: referral.childID, subjectID: item.id, detail: "referral=\(referral.id.uuidString.lowercased())",
                requestID: "decision"), on: db)
    }

    func queue() async throws -> [(item: EarlyInterventionCase, referral: Referral)] {
        let cases = try await EarlyInterventionRepository(request.db).openCases()
        let referrals = try await ReferralRepository(request.db).find(cases.map(\.referralID))
        return cases.compactMap { item in referrals[item.referralID].map { (item, $0) } }
    }

    /// One case with the notice it came from; opening it shows the family, so it is audited.
    func open(_ id: UUID) async throws -> (item: EarlyInterventionCase, referral: Referral) {
        guard let item = try await EarlyInterventionRepository(request.db).find(id),
            let referral = try await ReferralRepository(request.db).find(item.referralID)
        else { throw ProblemError.notFound }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await AuditTrail.append(
                user.auditEvent(.earlyInterventionViewed, childID: item.childID, subjectID: id, reason: "early_intervention",
                    requestID: requestID), on: db)
        }
        return (item, referral)
    }

    enum Step: String, CaseIterable {
        case contact
        case whatMatters = "what-matters"
        case visit
        case close
    }

    /// Records one step, checked by the team's rules.
    func record(_ step: Step, on id: UUID, at when: Date, note: String, visitNeeded: Bool = false, visitBy: Date? = nil)
        async throws
    {
        guard when <= Date().addingTimeInterval(300) else { throw ValidationFailure([FieldError("at", .dateInFuture)]) }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await Self.record(
                step, on: id, at: when, note: note, visitNeeded: visitNeeded, visitBy: visitBy, by: user,
                requestID: requestID, db: db)
        }
    }

    /// The step's recording, inside the caller's transaction (the demonstration
    /// partnership works its cases through this too).
    static func record(
        _ step: Step, on id: UUID, at when: Date, note: String, visitNeeded: Bool = false, visitBy: Date? = nil,
        by user: SignedInUser, requestID: String, db: any Database
    ) async throws {
        guard let current = try await EarlyInterventionRepository(db).find(id) else { throw ProblemError.notFound }
        let taken = EarlyInterventionStep(at: when, by: user.account.id, note: note)
        let next: EarlyInterventionCase
        do throws(EarlyInterventionError) {
            switch step {
            case .contact: next = try EarlyInterventionRules.recordFirstContact(taken, on: current)
            case .whatMatters:
                next = try EarlyInterventionRules.recordWhatMatters(taken, visitNeeded: visitNeeded, visitBy: visitBy, on: current)
            case .visit: next = try EarlyInterventionRules.recordVisit(taken, on: current)
            case .close: next = try EarlyInterventionRules.close(taken, on: current)
            }
        } catch { throw failure(error) }
        try await EarlyInterventionRepository(db).save(next)
        try await AuditTrail.append(
            user.auditEvent(.earlyInterventionStepRecorded, childID: current.childID, subjectID: id, detail: "step=\(step.rawValue)",
                requestID: requestID), on: db)
    }

    /// Sends the family back to the hub: a new referral, copied from the notice with the
    /// team's reason as the concern, waiting in the hub queue on a fresh one-day clock.
    func escalate(_ id: UUID, reason: String) async throws -> Referral {
        let user = self.user, requestID = request.requestID, calendar = request.application.workingCalendar
        return try await request.store.transaction { db in
            guard let current = try await EarlyInterventionRepository(db).find(id),
                let original = try await ReferralRepository(db).find(current.referralID)
            else { throw ProblemError.notFound }
            let now = Date()
            var form = original.form
            form.concern.description = reason
            let referrals = ReferralRepository(db)
            let escalation = Referral(
                reference: try await referrals.nextReference(year: CalendarDay(now, in: WorkingCalendar.londonTimeZone).year),
                status: .submitted, referrerUserID: user.account.id, referrerAgencyID: user.agency.id,
                childID: original.childID, form: form, qualityScore: original.qualityScore, createdAt: now, updatedAt: now,
                submittedAt: now, decisionDueAt: calendar.deadline(for: .referralDecision, from: now).due)
            let next: EarlyInterventionCase
            do throws(EarlyInterventionError) {
                next = try EarlyInterventionRules.escalate(
                    EarlyInterventionEscalation(at: now, by: user.account.id, reason: reason, referralID: escalation.id), on: current)
            } catch { throw Self.failure(error) }
            try await referrals.create(escalation)
            try await EarlyInterventionRepository(db).save(next)
            try await AuditTrail.append(
                user.auditEvent(.earlyInterventionEscalated, childID: current.childID, subjectID: id,
                    detail: "referral=\(escalation.id.uuidString.lowercased())", requestID: requestID), on: db)
            try await AuditTrail.append(
                user.auditEvent(.referralSubmitted, childID: escalation.childID, subjectID: escalation.id,
                    detail: "reference=\(escalation.reference ?? "") escalated_from=\(id.uuidString.lowercased())",
                    requestID: requestID), on: db)
            return escalation
        }
    }

    /// A rule broken becomes a form message on the field it is about.
    static func failure(_ error: EarlyInterventionError) -> ValidationFailure {
        let field = switch error {
        case .noteMissing: "note"
        case .visitDateNeeded: "visit_by"
        default: "step"
        }
        return ValidationFailure([FieldError(field, .invalid(error.key))])
    }
}
