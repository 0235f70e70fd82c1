import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Missing children (F18), for the pages and the API alike: reporting, the return, the
/// return interview (whose indicators reach the child's exploitation assessment), and the
/// profile kept ready for the police. Every step asks the access policy about the child
/// first and writes the change with its audit entry in one transaction.
struct MissingDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    var calendar: WorkingCalendar { request.application.workingCalendar }
    var rules: MissingRules { request.application.diogelu.missingRules }

    struct Opened: Sendable {
        var summary: ChildRecordSummary
        var episodes: [MissingEpisode]
        var profile: MissingProfile?
        var standing: ProfileStanding
    }

    /// Whether the profile is owed today: the child is in care, and it is missing or
    /// older than the current placement, which began on `placementBegan`.
    struct ProfileStanding: Sendable {
        var readiness: MissingProfileReadiness
        var placementBegan: CalendarDay?

        init(_ profile: MissingProfile?, periods: [LookedAfterPeriod], placements: [Placement], calendar: WorkingCalendar) {
            let today = calendar.day(of: Date())
            readiness = .of(profile, updatedOn: profile.map { calendar.day(of: $0.updatedAt) }, periods: periods,
                placements: placements, on: today)
            placementBegan = MissingProfileReadiness.placementBegan(periods: periods, placements: placements, on: today)
        }

        /// In words, for those who look after the child; empty when none is owed.
        func wording(_ catalogue: Catalogue, _ language: Language) -> String {
            switch readiness {
            case .notNeeded: ""
            case .needsReview:
                catalogue.text("missing.profile.readiness.needs_review", language,
                    [placementBegan.map { DateWording.date($0, language) } ?? ""])
            case .ready, .missing: catalogue.text("missing.profile.readiness.\(readiness.rawValue)", language)
            }
        }
    }

    // MARK: Reading

    /// A child's episodes and profile, the read audited as a read of the child's record.
    func open(_ childID: UUID) async throws -> Opened {
        let (summary, basis) = try await ChildAccessCheck.authorise(request, user, childID)
        let repository = MissingRepository(request.db), care = CareRepository(request.db)
        let profile = try await repository.profile(of: childID)
        let (periods, placements) = (try await care.periods(of: childID), try await care.placements(of: childID))
        let opened = Opened(summary: summary, episodes: try await repository.episodes(of: childID), profile: profile,
            standing: ProfileStanding(profile, periods: periods, placements: placements, calendar: calendar))
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.missingViewed, childID: childID, reason: basis.rawValue, requestID: request.requestID))
        return opened
    }

    /// One line of the team queue: a child back from missing who is owed a return interview.
    struct AwaitedInterview: Sendable {
        var episode: MissingEpisode
        var childName: String
    }

    /// Every child back from missing not yet offered a return interview, the most overdue first.
    func awaitedInterviews() async throws -> [AwaitedInterview] {
        let episodes = try await MissingRepository(request.db).interviewsAwaited()
        // Named as the access policy would open each record, in one batch of reads.
        let named = try await VisibleChildren.named(Set(episodes.map(\.childID)), for: user, on: request.db)
        return episodes.map { AwaitedInterview(episode: $0, childName: named[$0.childID]?.fullName ?? "") }
    }

    // MARK: Changing

    /// Reports the child missing. A high grade, or the third episode in 30 days, makes a
    /// missing-child strategy meeting due; a new episode brings the exploitation review forward.
    func report(_ childID: UUID, _ fields: inout FieldReader) async throws -> MissingEpisode {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let input = MissingInput.report(&fields, calendar: calendar)
        try fields.finish()
        guard let input else { throw ValidationFailure([]) }
        let now = Date(), rules = self.rules, calendar = self.calendar
        let reported = MissingEpisode(
            childID: childID, reportedAt: input.reportedAt, reportedByAgencyID: user.agency.id,
            reportedByUserID: user.account.id, riskGrade: input.riskGrade, lastSeenAt: input.lastSeenAt,
            lastSeenWhere: input.lastSeenWhere)
        let problems = reported.reportProblems(now: now)
        guard problems.isEmpty else { throw ValidationFailure(problems.map(\.fieldError)) }
        let saved = try await change(childID, .missingReported, detail: "grade=\(input.riskGrade.rawValue)") { db in
            let repository = MissingRepository(db)
            let earlier = try await repository.episodes(of: childID)
            guard !earlier.contains(where: \.isMissingNow) else {
                throw ValidationFailure([FieldError("record", .invalid("error.missing.already_missing"))])
            }
            var episode = reported
            episode.strategyMeetingDue = rules.strategyMeetingDue(for: episode, earlier: earlier)
            try await repository.save(episode)
            try await Self.bringReviewForward(childID, on: calendar.day(of: now), db)
            return episode
        }
        return saved
    }

    /// A missing person PPN, once linked to the child's record (on submission, by its NHS
    /// number, or by the hub), opens the episode it tells of in the same transaction,
    /// unless the child is already missing: the police report once, not twice. The
    /// linking person is audited as the one who made it, the officer as its reporter.
    static func policeNoticeLinked(
        _ referral: Referral, by user: SignedInUser, rules: MissingRules, calendar: WorkingCalendar, requestID: String,
        db: any Database
    ) async throws {
        guard referral.form.policeNotice?.noticeType == .missingPerson, let childID = referral.childID else { return }
        let repository = MissingRepository(db)
        let earlier = try await repository.episodes(of: childID)
        let now = Date()
        guard !earlier.contains(where: \.isMissingNow), var episode = MissingEpisode.told(by: referral, earlier: earlier, now: now)
        else { return }
        episode.strategyMeetingDue = rules.strategyMeetingDue(for: episode, earlier: earlier)
        try await repository.save(episode)
        try await bringReviewForward(childID, on: calendar.day(of: now), db)
        try await AuditTrail.append(
            user.auditEvent(.missingReported, childID: childID, subjectID: episode.id,
                detail: "grade=\(episode.riskGrade.rawValue) from=police_notice", requestID: requestID), on: db)
    }

    /// The child is found or has come back; the return interview's 72 hours start.
    func locate(_ childID: UUID, _ episodeID: UUID, _ fields: inout FieldReader) async throws -> MissingEpisode {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let input = MissingInput.located(&fields, calendar: calendar)
        try fields.finish()
        guard let input else { throw ValidationFailure([]) }
        return try await change(childID, .missingLocated, subject: episodeID) { db in
            var episode = try await Self.episode(episodeID, of: childID, db)
            do {
                try episode.locate(at: input.locatedAt, foundWhere: input.foundWhere, foundWith: input.foundWith, now: Date())
            } catch let rule as MissingError { throw ValidationFailure([rule.fieldError]) }
            try await MissingRepository(db).save(episode)
            return episode
        }
    }

    /// The return interview, held or declined. The indicators it found update the
    /// interviewing agency's exploitation assessment of the child, in the same transaction.
    func recordInterview(_ childID: UUID, _ episodeID: UUID, _ fields: inout FieldReader) async throws
        -> (episode: MissingEpisode, assessment: ExploitationAssessment?)
    {
        let (summary, _) = try await ChildAccessCheck.authorise(request, user, childID)
        let interview = MissingInput.interview(
            &fields, calendar: calendar, recorder: (user.account.id, user.account.displayName))
        try fields.finish()
        guard let interview else { throw ValidationFailure([]) }
        let user = self.user, calendar = self.calendar, requestID = request.requestID
        let note = request.application.catalogue.text(
            "exploitation.from_return_interview", request.language, [interview.byName])
        return try await change(childID, .returnInterviewRecorded, subject: episodeID,
            detail: "outcome=\(interview.outcome.rawValue) indicators=\(interview.indicatorsFound.count)")
        { db in
            var episode = try await Self.episode(episodeID, of: childID, db)
            do { try episode.record(interview, now: Date()) } catch let rule as MissingError { throw ValidationFailure([rule.fieldError]) }
            try await MissingRepository(db).save(episode)
            let exploitation = ExploitationRepository(db)
            let previous = try await exploitation.assessments(of: childID).last { $0.agencyID == user.agency.id }
            let day = calendar.day(of: interview.at)
            guard let assessment = ExploitationAssessment.afterReturnInterview(
                previous: previous, childID: childID, agencyID: user.agency.id, assessorUserID: user.account.id, on: day,
                indicatorsFound: interview.indicatorsFound, note: note)
            else { return (episode, nil) }
            try await exploitation.create(assessment, score: assessment.score(dateOfBirth: summary.child.dateOfBirth))
            try await AuditTrail.append(
                user.auditEvent(.exploitationAssessed, childID: childID, subjectID: assessment.id,
                    detail: "from=return_interview", requestID: requestID), on: db)
            try await Self.bringReviewForward(childID, on: calendar.day(of: Date()), db)
            return (episode, assessment)
        }
    }

    func saveProfile(_ childID: UUID, _ fields: inout FieldReader) async throws {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let profile = MissingInput.profile(&fields, childID: childID, by: user.account.id)
        try fields.finish()
        guard let profile else { throw ValidationFailure([]) }
        _ = try await change(childID, .missingProfileSaved) { db in
            try await MissingRepository(db).save(profile)
            return profile
        }
    }

    // MARK: Private

    private func change<T: Sendable>(
        _ childID: UUID, _ action: AuditAction, subject: UUID? = nil, detail: String = "",
        _ body: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        let user = self.user, requestID = request.requestID
        return try await request.store.transaction { db in
            let result = try await body(db)
            try await AuditTrail.append(
                user.auditEvent(action, childID: childID, subjectID: subject, detail: detail, requestID: requestID), on: db)
            return result
        }
    }

    private static func episode(_ id: UUID, of childID: UUID, _ db: any Database) async throws -> MissingEpisode {
        guard let episode = try await MissingRepository(db).episode(id), episode.childID == childID else {
            throw ProblemError.notFound
        }
        return episode
    }

    /// A change to what is known brings the agreed level's review forward (never back).
    private static func bringReviewForward(_ childID: UUID, on day: CalendarDay, _ db: any Database) async throws {
        let repository = ExploitationRepository(db)
        guard let agreed = try await repository.latestAgreed(of: childID) else { return }
        let sooner = agreed.reviewBrought(forwardTo: day.adding(days: AgreedExploitationLevel.reviewAfterChange))
        if sooner != agreed { try await repository.save(sooner) }
    }
}
