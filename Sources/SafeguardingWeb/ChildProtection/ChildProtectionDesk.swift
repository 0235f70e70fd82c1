import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The child protection team's use cases (F11–F15), for the pages and the API alike.
/// Every one asks the access policy about the child first, applies the domain's rule,
/// and writes the change with its audit entry in one transaction; every read of a
/// child's child protection record is audited as a read of the child's record is.
struct ChildProtectionDesk {
    let request: Request
    let user: SignedInUser
    /// The child whose record a step acts on (unused by the team-wide reads).
    let childID: UUID
    /// Every agency of the partnership, for the per-agency fields of a conference.
    var agencyIDs: [UUID] = []
    let policy = AccessPolicy()

    init(_ request: Request, childID: UUID = UUID()) throws {
        self.request = request
        self.user = try request.requireUser()
        self.childID = childID
    }

    var calendar: WorkingCalendar { request.application.workingCalendar }

    // MARK: Changing

    /// What a change did, for the audit trail: the record it acted on, and any further
    /// events it caused (a conference's decision that changes the register).
    struct Recorded: Sendable {
        var subject: UUID?
        var further: [(action: AuditAction, detail: String)] = []
    }

    /// Runs one change to a child's child protection record in a transaction with its
    /// audit entry, turning a broken rule into form errors.
    private func change(
        _ childID: UUID, _ action: AuditAction, detail: String = "",
        _ body: @escaping @Sendable (ChildProtectionRepository, ChildProtectionCase) async throws -> UUID?
    ) async throws {
        try await changeRecording(childID, action, detail: detail) { repository, record in
            Recorded(subject: try await body(repository, record))
        }
    }

    private func changeRecording(
        _ childID: UUID, _ action: AuditAction, detail: String = "",
        _ body: @escaping @Sendable (ChildProtectionRepository, ChildProtectionCase) async throws -> Recorded
    ) async throws {
        _ = try await authorise(childID)
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            let repository = ChildProtectionRepository(db)
            let record = try await repository.record(of: childID)
            let recorded: Recorded
            do {
                recorded = try await body(repository, record)
            } catch let rule as ChildProtectionError {
                throw ValidationFailure(rule.fieldErrors)
            }
            try await AuditTrail.append(
                user.auditEvent(action, childID: childID, subjectID: recorded.subject, detail: detail, requestID: requestID),
                on: db)
            for event in recorded.further {
                try await AuditTrail.append(
                    user.auditEvent(event.action, childID: childID, subjectID: recorded.subject, detail: event.detail,
                        requestID: requestID), on: db)
            }
        }
    }

    /// Opens the strategy discussion a hub decision calls for, inside the decision's own
    /// transaction, with its clock from the decision. A referral not yet linked to a
    /// child's record waits: the team opens the discussion from the child's page once
    /// it is linked, still on the decision's clock.
    static func openDiscussion(after referral: Referral, calendar: WorkingCalendar, on db: any Database) async throws {
        guard let childID = referral.childID, let decidedAt = referral.decidedAt,
            let summary = try await ChildRepository(db).summary(of: childID)
        else { return }
        let repository = ChildProtectionRepository(db)
        guard !(try await repository.record(of: childID).discussions.contains { $0.referralID == referral.id }) else { return }
        try await repository.save(StrategyRules.openDiscussion(
            childID: childID, referralID: referral.id, immediateRisk: false, decidedAt: decidedAt,
            involvements: summary.involvements, calendar: calendar))
    }

    /// Opens a strategy discussion from the child's page. When it follows a referral the
    /// hub decided "strategy discussion", the clock runs from that decision.
    func startDiscussion(_ childID: UUID, referralID: UUID?, immediateRisk: Bool) async throws {
        let (summary, _) = try await authorise(childID)
        var decidedAt = Date()
        if let referralID {
            guard let referral = try await ReferralRepository(request.db).find(referralID), referral.childID == childID,
                referral.outcome == .strategyDiscussion, let decided = referral.decidedAt
            else { throw ValidationFailure([FieldError("referral_id", .invalid("error.cp.referral_not_for_strategy"))]) }
            let existing = try await ChildProtectionRepository(request.db).record(of: childID).discussions
            guard !existing.contains(where: { $0.referralID == referralID }) else {
                throw ValidationFailure([FieldError("referral_id", .invalid("error.cp.discussion_exists"))])
            }
            decidedAt = decided
        }
        let discussion = StrategyRules.openDiscussion(
            childID: childID, referralID: referralID, immediateRisk: immediateRisk, decidedAt: decidedAt,
            involvements: summary.involvements, calendar: calendar)
        try await change(childID, .strategyDiscussionOpened, detail: "immediate_risk=\(immediateRisk)") { repository, record in
            // One discussion at a time that no referral started: the same empty form sent
            // again had opened another each time (one child had four open at once).
            if referralID == nil, record.discussions.contains(where: { $0.referralID == nil && $0.outcome == nil }) {
                throw ValidationFailure([FieldError("immediate_risk", .invalid("error.cp.discussion_already_open"))])
            }
            try await repository.save(discussion)
            return discussion.id
        }
    }

    func recordDiscussion(_ childID: UUID, _ discussionID: UUID, _ input: StrategyInput) async throws {
        let worker = user.account.id, calendar = self.calendar
        try await change(childID, .strategyDiscussionRecorded, detail: "outcome=\(input.outcome.rawValue)") { repository, record in
            guard let discussion = record.discussions.first(where: { $0.id == discussionID }) else { throw ProblemError.notFound }
            let (recorded, meeting) = try StrategyRules.recordDiscussion(
                discussion, heldAt: input.heldAt, invitees: input.invitees(from: discussion.invitees),
                information: discussion.information + input.information, outcome: input.outcome,
                actions: discussion.actions + input.actions, by: worker, now: Date(), calendar: calendar)
            try await repository.save(recorded)
            if let meeting { try await repository.save(meeting) }
            return discussionID
        }
    }

    func recordMeeting(_ childID: UUID, _ meetingID: UUID, _ input: StrategyInput) async throws {
        let worker = user.account.id, calendar = self.calendar
        try await change(childID, .strategyMeetingRecorded, detail: "outcome=\(input.outcome.rawValue)") { repository, record in
            guard let meeting = record.meetings.first(where: { $0.id == meetingID }) else { throw ProblemError.notFound }
            let recorded = try StrategyRules.recordMeeting(
                meeting, heldAt: input.heldAt, invitees: input.invitees(from: meeting.invitees),
                information: meeting.information + input.information, outcome: input.outcome,
                actions: meeting.actions + input.actions, by: worker, now: Date(), calendar: calendar)
            try await repository.save(recorded)
            return meetingID
        }
    }

    func circulateMinutes(_ childID: UUID, _ meetingID: UUID, to invitees: Set<UUID>) async throws {
        try await change(childID, .minutesCirculated, detail: "recipients=\(invitees.count)") { repository, record in
            guard let meeting = record.meetings.first(where: { $0.id == meetingID }) else { throw ProblemError.notFound }
            try await repository.save(try StrategyRules.circulateMinutes(meeting, to: invitees, at: Date()))
            return meetingID
        }
    }

    /// Starts the enquiry and, with it, the assessment made during it (42 working days).
    func startEnquiry(_ childID: UUID, discussionID: UUID, workers: [String]) async throws {
        let calendar = self.calendar
        try await change(childID, .enquiryStarted, detail: "workers=\(workers.count)") { repository, record in
            guard let discussion = record.discussions.first(where: { $0.id == discussionID }) else { throw ProblemError.notFound }
            guard !record.enquiries.contains(where: { $0.strategyDiscussionID == discussionID }) else {
                throw ChildProtectionError.alreadyRecorded
            }
            let now = Date()
            let enquiry = try SectionFortySevenRules.start(
                after: discussion, meeting: record.meetings.first { $0.discussionID == discussionID }, workers: workers,
                at: now, calendar: calendar)
            try await repository.save(enquiry)
            if !record.assessments.contains(where: { !$0.isComplete }) {
                try await repository.save(AssessmentRules.start(childID: childID, at: now, calendar: calendar))
            }
            return enquiry.id
        }
    }

    func addOversight(_ childID: UUID, _ enquiryID: UUID, kind: OversightKind, note: String) async throws {
        let manager = user.account.id
        try await change(childID, .enquiryOverseen, detail: "kind=\(kind.rawValue)") { repository, record in
            guard let enquiry = record.enquiries.first(where: { $0.id == enquiryID }) else { throw ProblemError.notFound }
            try await repository.save(
                try SectionFortySevenRules.addOversight(enquiry, by: manager, kind: kind, note: note, at: Date()))
            return enquiryID
        }
    }

    /// Concludes the enquiry; an outcome of "initial conference" schedules the ICPC on
    /// the enquiry's clock.
    func concludeEnquiry(_ childID: UUID, _ enquiryID: UUID, outcome: SectionFortySevenOutcome, reasons: String) async throws {
        try await change(childID, .enquiryConcluded, detail: "outcome=\(outcome.rawValue)") { repository, record in
            guard let enquiry = record.enquiries.first(where: { $0.id == enquiryID }) else { throw ProblemError.notFound }
            let closed = try SectionFortySevenRules.recordOutcome(enquiry, outcome, reasons: reasons, at: Date())
            try await repository.save(closed)
            if outcome == .initialConference { try await repository.save(ConferenceRules.scheduleInitial(for: closed)) }
            return enquiryID
        }
    }

    /// Records a conference's decision, changes the register, and schedules what
    /// follows: the next review while the child stays registered, and the first core
    /// group after a registration.
    func recordConference(
        _ childID: UUID, _ conferenceID: UUID, heldAt: Date, register: Bool, categories: [AbuseCategory],
        reportsFrom: [UUID]
    ) async throws {
        let worker = user.account.id, calendar = self.calendar
        let (summary, _) = try await authorise(childID)
        try await changeRecording(childID, .conferenceRecorded, detail: "register=\(register)") { repository, record in
            guard let conference = record.conferences.first(where: { $0.id == conferenceID }) else { throw ProblemError.notFound }
            let held = try ConferenceRules.recordDecision(
                conference, heldAt: heldAt, register: register, categories: categories, reportsFrom: reportsFrom,
                by: worker, now: Date(), calendar: calendar)
            try await repository.save(held)
            let wasRegistered = record.isOnRegister
            var further: [(action: AuditAction, detail: String)] = []
            if var entry = try ConferenceRules.applyToRegister(held, entries: record.register) {
                if entry.isCurrent, !wasRegistered { entry = VisitRules.startClocks(entry, calendar: calendar) }
                try await repository.save(entry)
                // The register is what other agencies act on: each change to it is its own entry.
                further.append((.registerChanged,
                    entry.isCurrent
                        ? "registered categories=\(entry.categories.map(\.rawValue).joined(separator: ","))"
                        : "deregistered"))
                if entry.isCurrent {
                    if let review = ConferenceRules.scheduleReview(after: held, calendar: calendar) {
                        try await repository.save(review)
                    }
                    if !wasRegistered, let first = CoreGroupRules.scheduleFirst(
                        after: held, entry: entry, involvements: summary.involvements, calendar: calendar)
                    {
                        try await repository.save(first)
                    }
                }
            }
            return Recorded(subject: conferenceID, further: further)
        }
    }

    func conferenceDocumentSent(_ childID: UUID, _ conferenceID: UUID, _ document: ConferenceDocument) async throws {
        try await change(childID, .conferenceRecorded, detail: "sent=\(document.rawValue)") { repository, record in
            guard let conference = record.conferences.first(where: { $0.id == conferenceID }) else { throw ProblemError.notFound }
            try await repository.save(try ConferenceRules.documentSent(conference, document, at: Date()))
            return conferenceID
        }
    }

    func recordCoreGroup(_ childID: UUID, _ meetingID: UUID, _ input: CoreGroupInput) async throws {
        let worker = user.account.id, calendar = self.calendar
        let (summary, _) = try await authorise(childID)
        let childHasGP = summary.involvements.contains { $0.isCurrent && $0.involvement == .generalPractice }
        try await change(childID, .coreGroupRecorded, detail: "attended=\(input.attended.count)") { repository, record in
            guard let meeting = record.coreGroups.first(where: { $0.id == meetingID }) else { throw ProblemError.notFound }
            let held = try CoreGroupRules.record(
                meeting, heldAt: input.heldAt, members: input.members(from: meeting.members), childHasGP: childHasGP,
                by: worker, now: Date())
            try await repository.save(held)
            if record.isOnRegister, let next = CoreGroupRules.scheduleNext(after: held, calendar: calendar) {
                try await repository.save(next)
            }
            return meetingID
        }
    }

    func startAssessment(_ childID: UUID) async throws {
        let calendar = self.calendar
        try await change(childID, .assessmentStarted) { repository, record in
            // One assessment open at a time: sending the start again had opened another.
            if record.assessments.contains(where: { $0.completedAt == nil }) {
                throw ValidationFailure([FieldError("assessment", .invalid("error.cp.assessment_already_open"))])
            }
            let assessment = AssessmentRules.start(childID: childID, at: Date(), calendar: calendar)
            try await repository.save(assessment)
            return assessment.id
        }
    }

    /// Saves what has been written; with `complete`, completes it too. A refused
    /// completion saves nothing, like any other refusal: the page shows again with what
    /// was typed, so nothing is lost.
    func saveAssessment(_ childID: UUID, _ assessmentID: UUID, _ changed: Assessment, complete: Bool) async throws {
        let worker = user.account.id
        try await change(childID, complete ? .assessmentCompleted : .assessmentSaved) { repository, record in
            guard let assessment = record.assessments.first(where: { $0.id == assessmentID }) else { throw ProblemError.notFound }
            var saved = try AssessmentRules.update(assessment, with: changed, now: Date())
            if complete { saved = try AssessmentRules.complete(saved, by: worker, at: Date()) }
            try await repository.save(saved)
            return assessmentID
        }
    }

    /// Any change to the child's plan, by a rule of ``PlanRules``; creates the plan first
    /// when the child has none.
    func changePlan(
        _ childID: UUID, detail: String,
        _ rule: @escaping @Sendable (CareAndSupportPlan) throws -> CareAndSupportPlan
    ) async throws {
        try await change(childID, .planChanged, detail: detail) { repository, record in
            let plan = try record.plan ?? PlanRules.create(for: childID, existing: nil, at: Date())
            let changed = try rule(plan)
            try await repository.save(changed)
            return changed.id
        }
    }

    /// Records a visit to a registered child.
    func recordVisit(_ childID: UUID, at: Date, seenAlone: Bool, atHome: Bool, note: String) async throws {
        let worker = user.account.id, calendar = self.calendar
        try await change(childID, .visitRecorded, detail: "alone=\(seenAlone) home=\(atHome)") { repository, record in
            guard let entry = record.currentRegistration else { throw ChildProtectionError.notRegistered }
            let visit = ChildVisit(at: at, seenAlone: seenAlone, atHome: atHome, by: worker, note: note)
            try await repository.save(try VisitRules.record(visit, on: entry, now: Date(), calendar: calendar))
            return entry.id
        }
    }

    /// Marks an agreed action done, so its clock leaves the queue.
    func completeAction(_ childID: UUID, _ actionID: UUID) async throws {
        try await change(childID, .actionCompleted) { repository, record in
            var changed = record
            switch try changed.completeAction(actionID, at: Date()) {
            case .discussion(let discussion): try await repository.save(discussion)
            case .meeting(let meeting): try await repository.save(meeting)
            case .plan(let plan): try await repository.save(plan)
            }
            return actionID
        }
    }

    func reviewWrittenAgreement(_ childID: UUID, note: String) async throws {
        let manager = user.account.id
        try await change(childID, .writtenAgreementReviewed) { repository, record in
            guard let plan = record.plan else { throw ChildProtectionError.nothingToReview }
            let reviewed = try PlanRules.reviewAgreement(plan, by: manager, note: note, at: Date())
            try await repository.save(reviewed)
            return reviewed.id
        }
    }
}
