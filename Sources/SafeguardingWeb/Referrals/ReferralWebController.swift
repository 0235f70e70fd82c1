import Fluent
import Foundation
import PersonMatching
import Safeguarding
import SafeguardingStore
import Vapor

/// The referral form for referrers, and the hub's queue and screening pages.
struct ReferralWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "referrals", "new", requires: .permission(.submitReferral), use: start)
        routes.on(.POST, "referrals", requires: .permission(.submitReferral), use: create)
        routes.on(.GET, "referrals", "mine", requires: .permission(.submitReferral), use: mine)
        routes.on(.GET, "referrals", ":referralID", requires: .permission(.submitReferral), use: show)
        routes.on(.GET, "referrals", ":referralID", "section", ":section", requires: .permission(.submitReferral), use: section)
        routes.on(.POST, "referrals", ":referralID", "section", ":section", requires: .permission(.submitReferral), use: saveSection)
        routes.on(.GET, "referrals", ":referralID", "check", requires: .permission(.submitReferral), use: check)
        routes.on(.POST, "referrals", ":referralID", "submit", requires: .permission(.submitReferral), use: submit)
        routes.on(.POST, "referrals", ":referralID", "additions", requires: .permission(.submitReferral), use: addTo)
        routes.on(.GET, "referrals", ":referralID", "decision", requires: .permission(.decideReferrals)) { request in
            try await actionPage(request, .decision)
        }
        routes.on(.POST, "referrals", ":referralID", "decision", requires: .permission(.decideReferrals), use: decide)
        routes.on(.GET, "referrals", ":referralID", "sign-off", requires: .permission(.signOffDecisions)) { request in
            try await actionPage(request, .signOff)
        }
        routes.on(.POST, "referrals", ":referralID", "sign-off", requires: .permission(.signOffDecisions), use: signOff)
        routes.on(.POST, "referrals", ":referralID", "link", requires: .permission(.screenReferrals), use: link)
        routes.on(.GET, "hub", requires: .permission(.screenReferrals), use: queue)
    }

    struct StartContext: Encodable, Sendable {
        var canSendPoliceNotice: Bool
    }

    func start(_ request: Request) async throws -> View {
        let user = try request.requireUser()
        return try await request.page("referral-new", titleKey: "referral.new.title",
            StartContext(canSendPoliceNotice: AccessPolicy().mayUse(.policeProtectionNotice, user.actor)))
    }

    func create(_ request: Request) async throws -> Response {
        var fields = FieldReader(form: try await request.submittedForm())
        let kind = fields.choice("kind", as: ReferralKind.self)
        try fields.finish()
        let referral = try await ReferralDesk(request).startDraft(kind!)
        return request.redirect(to: "/referrals/\(referral.id.uuidString.lowercased())/section/child")
    }

    static func section(_ request: Request, for kind: ReferralKind) throws -> ReferralSection {
        guard let name = request.parameters.get("section"), let section = ReferralSection(rawValue: name),
            ReferralSection.sections(for: kind).contains(section)
        else { throw ProblemError.notFound }
        return section
    }

    private func sectionPage(
        _ request: Request, _ referral: Referral, _ section: ReferralSection, fields: [FormField], failure: ValidationFailure?
    ) async throws -> Response {
        let id = referral.id.uuidString.lowercased()
        var shown = fields
        let messages = Dictionary(request.formErrors(failure).map { ($0.field, $0.message) }, uniquingKeysWith: { a, _ in a })
        for index in shown.indices { shown[index].error = messages[shown[index].name] }
        let context = ReferralSectionContext(
            id: id, kindKey: "referral.kind.\(referral.kind.rawValue)", section: section.rawValue, titleKey: section.titleKey,
            fields: shown,
            steps: ReferralSection.sections(for: referral.kind).map {
                .init(href: "/referrals/\(id)/section/\($0.rawValue)", titleKey: $0.titleKey, isCurrent: $0 == section)
            } + [.init(href: "/referrals/\(id)/check", titleKey: "referral.check.title", isCurrent: false)],
            errors: request.formErrors(failure), qualityScore: referral.qualityScore)
        return try await request.page(
            "referral-section", titleKey: section.titleKey, context, status: failure == nil ? .ok : .unprocessableEntity)
    }

    func section(_ request: Request) async throws -> Response {
        let referral = try await ReferralDesk(request).draft(try ReferralAPIController.referralID(request))
        let section = try Self.section(request, for: referral.kind)
        return try await sectionPage(request, referral, section, fields: section.fields(for: referral.form), failure: nil)
    }

    func saveSection(_ request: Request) async throws -> Response {
        let desk = try ReferralDesk(request)
        let referral = try await desk.draft(try ReferralAPIController.referralID(request))
        let section = try Self.section(request, for: referral.kind)
        let submitted = try await request.submittedForm()
        var fields = FieldReader(form: submitted)
        let form = section.apply(&fields, to: referral.form)
        do {
            try fields.finish()
        } catch let failure as ValidationFailure {
            // Show the page again with what was typed, so nothing is lost.
            var typed = section.fields(for: form)
            for index in typed.indices where [.text, .textarea, .date, .dateTime].contains(typed[index].kind) {
                typed[index].value = submitted.values(typed[index].name).last ?? typed[index].value
            }
            return try await sectionPage(request, referral, section, fields: typed, failure: failure)
        }
        let saved = try await desk.saveDraft(referral.id, form: form)
        let id = saved.id.uuidString.lowercased()
        if submitted.values("action").last == "save" { return request.redirect(to: "/referrals/mine", saved: .draft) }
        if let next = section.next(for: saved.kind) { return request.redirect(to: "/referrals/\(id)/section/\(next.rawValue)") }
        return request.redirect(to: "/referrals/\(id)/check")
    }

    private func checkPage(_ request: Request, _ referral: Referral, failure: ValidationFailure?) async throws -> Response {
        let desk = try ReferralDesk(request)
        let quality = desk.quality(of: referral.form)
        let id = referral.id.uuidString.lowercased()
        let catalogue = request.application.catalogue
        var seen = Set<String>()
        let problems = desk.problems(of: referral.form).compactMap { problem -> ReferralCheckContext.Problem? in
            guard seen.insert(problem.field + "\u{0}" + problem.problem.messageKey).inserted else { return nil }
            let section = ReferralSection(askingFor: problem.field)
            // Named by the question's own label, as the section's page shows it.
            let message = NamedErrorTag.referralLabel(problem.field, catalogue).map {
                catalogue.text("error.named", request.language, [catalogue.text($0, request.language), request.fieldMessage(problem)])
            } ?? request.fieldMessage(problem)
            return ReferralCheckContext.Problem(
                href: "/referrals/\(id)/section/\(section.rawValue)#\(problem.field)", message: message)
        }
        let context = ReferralCheckContext(
            id: id, kindKey: "referral.kind.\(referral.kind.rawValue)",
            sections: ReferralAnswers.sections(of: referral, language: request.language, editable: true),
            qualityScore: quality.total, improvementKeys: quality.improvements, problems: problems,
            errors: request.formErrors(failure))
        return try await request.page(
            "referral-check", titleKey: "referral.check.title", context, status: failure == nil ? .ok : .unprocessableEntity)
    }

    func check(_ request: Request) async throws -> Response {
        let referral = try await ReferralDesk(request).draft(try ReferralAPIController.referralID(request))
        return try await checkPage(request, referral, failure: nil)
    }

    func submit(_ request: Request) async throws -> Response {
        let desk = try ReferralDesk(request)
        let id = try ReferralAPIController.referralID(request)
        try await desk.mayReach(id)
        try FieldReader(form: try await request.submittedForm()).finish()
        do {
            let referral = try await desk.submit(id)
            return request.redirect(to: "/referrals/\(referral.id.uuidString.lowercased())?submitted=1")
        } catch let failure as ValidationFailure {
            return try await checkPage(request, try await desk.draft(id), failure: failure)
        }
    }

    func show(_ request: Request) async throws -> Response {
        let desk = try ReferralDesk(request)
        let id = try ReferralAPIController.referralID(request)
        let screening = try await desk.open(id)
        let referral = screening.referral
        if referral.status == .draft {
            return request.redirect(to: "/referrals/\(id.uuidString.lowercased())/check")
        }
        return try await request.page(
            "referral", titleKey: "referral.page.title", titleArgument: referral.reference ?? "",
            try await pageContext(request, screening, justSubmitted: request.query[String.self, at: "submitted"] == "1",
                failure: nil), status: .ok)
    }

    /// One of the hub's actions on its own page; when the action no longer applies (a
    /// colleague decided first), the referral's own page, which says what happened.
    func actionPage(_ request: Request, _ action: ReferralActionPage) async throws -> Response {
        let id = try ReferralAPIController.referralID(request)
        let screening = try await ReferralDesk(request).open(id)
        let context = try await pageContext(request, screening, justSubmitted: false, failure: nil)
        guard action.isOpen(in: context) else { return request.redirect(to: "/referrals/\(context.id)") }
        return try await request.page(
            action.template, titleKey: action.titleKey, context, status: .ok)
    }

    private func pageContext(
        _ request: Request, _ screening: ReferralDesk.Screening, justSubmitted: Bool, failure: ValidationFailure?,
        typed: SubmittedForm? = nil
    ) async throws -> ReferralPageContext {
        let answers = typed.map(TypedAnswers.init) ?? TypedAnswers()
        let chosenOutcome = typed?.values("outcome").last
        let user = try request.requireUser()
        let policy = AccessPolicy()
        let language = request.language
        let catalogue = request.application.catalogue
        let referral = screening.referral
        let isHub = policy.permits(user.actor, .screenReferrals)
        let people = Set(screening.decisions.flatMap { [$0.decision.decidedBy] + ($0.decision.signOff.map { [$0.managerID] } ?? []) }
            + screening.additions.map(\.by))
        let names = try await UserRepository(request.db).names(of: people)
        let due = referral.decisionDueAt ?? Date()
        let latest = screening.decisions.last?.decision
        // The hub is asked who the child is until the referral is linked to a record.
        let showMatching = isHub && referral.childID == nil
        let (candidates, restrictedMayMatch) = showMatching ? try await IntakeDesk(request).candidates(for: referral) : ([], false)
        var context = ReferralPageContext(
            id: referral.id.uuidString.lowercased(), reference: referral.reference ?? "",
            kindKey: "referral.kind.\(referral.kind.rawValue)", statusKey: "referral.status.\(referral.status.rawValue)",
            childName: referral.form.child.fullName,
            childHref: isHub ? referral.childID.map { "/children/\($0.uuidString.lowercased())" } : nil,
            submitted: referral.submittedAt.map { DateWording.dateTime($0, language) } ?? "",
            deadline: referral.status == .decided ? "" : DeadlineWording.describe(due, now: Date(), language: language, catalogue: catalogue),
            isOverdue: referral.status != .decided && due < Date(), qualityScore: referral.qualityScore,
            feedbackKey: referral.outcome.map { "feedback.\($0.feedbackCategory.rawValue)" },
            isHub: isHub, isReReferral: screening.history.isReReferral,
            isThirdReferral: screening.history.isThirdOrMoreInTwelveMonths,
            sections: ReferralAnswers.sections(of: referral, language: language, editable: false),
            earlier: screening.history.earlier.map {
                .init(href: "/referrals/\($0.referralID.uuidString.lowercased())", reference: $0.reference,
                    received: DateWording.date($0.receivedAt, language),
                    outcomeKey: $0.outcome.map { "decision.outcome.\($0.rawValue)" } ?? "referral.status.submitted")
            },
            decisions: screening.decisions.map { entry in
                let decision = entry.decision
                return .init(
                    outcomeKey: "decision.outcome.\(decision.outcome.rawValue)", reasons: decision.reasons,
                    decidedBy: names[decision.decidedBy] ?? "", decidedAt: DateWording.dateTime(decision.decidedAt, language),
                    signOffReasonKeys: decision.signOffReasons.map { "signoff.reason.\($0.rawValue)" },
                    signOff: decision.signOff.map {
                        catalogue.text($0.agreed ? "decision.signed_off_by" : "decision.returned_by", language,
                            [names[$0.managerID] ?? "", DateWording.dateTime($0.at, language), $0.reason])
                    },
                    signOffAgreed: decision.signOff?.agreed ?? false)
            },
            additions: screening.additions.map {
                .init(by: names[$0.by] ?? "", at: DateWording.dateTime($0.at, language), text: $0.text)
            },
            canDecide: isHub && referral.status == .submitted && referral.episodeLeadID == nil
                && policy.permits(user.actor, .decideReferrals),
            canSignOff: referral.status == .awaitingSignOff && policy.permits(user.actor, .signOffDecisions)
                && latest?.decidedBy != user.account.id,
            outcomes: DecisionOutcome.allCases
                .filter { $0 != .noFurtherActionWithEarlyIntervention || referral.kind == .policeProtectionNotice }
                .map { .init(value: $0.rawValue, labelKey: "decision.outcome.\($0.rawValue)", isSelected: $0.rawValue == chosenOutcome) },
            justSubmitted: justSubmitted, errors: request.formErrors(failure), typed: answers,
            candidates: candidates.map { candidate in
                CandidateLine(
                    childID: candidate.child.id.uuidString.lowercased(),
                    href: "/children/\(candidate.child.id.uuidString.lowercased())",
                    // Only records the reader may open are candidates, restricted ones included
                    // when a hub manager has named them.
                    name: candidate.child.fullName,
                    dateOfBirth: candidate.child.dateOfBirth.map { DateWording.date($0, language) } ?? "",
                    postcode: candidate.child.postcode,
                    isRestricted: candidate.child.isRestricted,
                    likelihood: catalogue.text("match.likelihood", language, [String(Int((candidate.probability * 100).rounded()))]),
                    reasonKeys: candidate.reasons.map(\.key))
            },
            showMatching: showMatching, restrictedMayMatch: restrictedMayMatch,
            episode: screening.episode.map {
                .init(href: "/referrals/\($0.id.uuidString.lowercased())", reference: $0.reference ?? "",
                    received: $0.submittedAt.map { DateWording.dateTime($0, language) } ?? "",
                    outcomeKey: $0.outcome.map { "decision.outcome.\($0.rawValue)" } ?? "referral.status.\($0.status.rawValue)")
            },
            isDuplicateNotice: referral.episodeLeadID != nil)
        if isHub { try await addRequests(to: &context, for: referral, request: request) }
        context.actions = Self.actions(context)
        return context
    }

    /// The requests sent about this referral with their answers, and the agencies still to ask.
    private func addRequests(to context: inout ReferralPageContext, for referral: Referral, request: Request) async throws {
        let user = try request.requireUser()
        let language = request.language
        let (requests, suggested) = try await InformationRequestDesk(request).forReferral(referral)
        let agencies = try await request.agencies()
        let names = try await UserRepository(request.db).names(of: Set(requests.compactMap { $0.answer?.answeredBy }))
        let byID = try await request.agenciesByID()
        context.requests = requests.map {
            RequestLine($0, agencyName: byID[$0.agencyID]?.name(in: language) ?? "", names: names, now: Date(), language: language)
        }
        let asked = Set(requests.map(\.agencyID))
        let suggestedSet = Set(suggested)
        context.requestAgencies = agencies.filter { !asked.contains($0.id) }
            .sorted { (suggestedSet.contains($0.id) ? 0 : 1, $0.name(in: language)) < (suggestedSet.contains($1.id) ? 0 : 1, $1.name(in: language)) }
            .map { AgencyChoice(value: $0.id.uuidString.lowercased(), name: $0.name(in: language), isSuggested: suggestedSet.contains($0.id)) }
        context.anySuggested = context.requestAgencies.contains(where: \.isSuggested)
        context.canRequest = referral.status != .draft && AccessPolicy().permits(user.actor, .requestInformation)
            && !context.requestAgencies.isEmpty
    }

    /// The hub's actions open to the reader, listed at the top of the referral: who the
    /// child is (on the page itself), the decision, requests for information, the sign-off.
    static func actions(_ context: ReferralPageContext) -> [ReferralPageContext.ActionLink] {
        var links: [ReferralPageContext.ActionLink] = []
        if context.showMatching { links.append(.init(href: "#matching", labelKey: "referral.actions.match")) }
        for action in ReferralActionPage.allCases where action.isOpen(in: context) {
            links.append(.init(href: action.href(context.id), labelKey: action.titleKey))
        }
        return links
    }

    /// Does a hub action on the referral and returns to its page, whose banner says what
    /// was saved; a refusal shows the action's own page again (or the referral's, for an
    /// action taken there) with its errors and what was typed.
    func afterAction(
        _ request: Request, _ id: UUID, saved: SavedConfirmation, from page: ReferralActionPage? = nil,
        _ action: () async throws -> Void
    ) async throws -> Response {
        do {
            try await action()
            return request.redirect(to: "/referrals/\(id.uuidString.lowercased())", saved: saved)
        } catch let failure as ValidationFailure {
            let screening = try await ReferralDesk(request).open(id)
            return try await request.page(
                page?.template ?? "referral", titleKey: page?.titleKey ?? "referral.page.title",
                titleArgument: screening.referral.reference ?? "",
                try await pageContext(request, screening, justSubmitted: false, failure: failure,
                    typed: try await request.submittedForm()), status: .unprocessableEntity)
        }
    }

    func link(_ request: Request) async throws -> Response {
        let id = try ReferralAPIController.referralID(request)
        var fields = FieldReader(form: try await request.submittedForm())
        let childID = fields.identifier("child_id", required: false)
        let create = fields.flag("create") ?? false
        if childID == nil, !create { fields.note("child_id", .missing) }
        return try await afterAction(request, id, saved: create ? .recordCreated : .recordLinked) {
            try fields.finish()
            if let childID { try await IntakeDesk(request).link(id, to: childID) }
            else { _ = try await IntakeDesk(request).createRecord(for: id) }
        }
    }

    func addTo(_ request: Request) async throws -> Response {
        let id = try ReferralAPIController.referralID(request)
        var fields = FieldReader(form: try await request.submittedForm())
        let text = fields.text("text", maxLength: 10_000)
        return try await afterAction(request, id, saved: .added) {
            try fields.finish()
            try await ReferralDesk(request).addTo(id, text: text!)
        }
    }

    func decide(_ request: Request) async throws -> Response {
        let id = try ReferralAPIController.referralID(request)
        var fields = FieldReader(form: try await request.submittedForm())
        let outcome = fields.choice("outcome", as: DecisionOutcome.self)
        let reasons = fields.text("reasons", maxLength: 10_000)
        let disagree = fields.flag("agencies_disagree") ?? false
        return try await afterAction(request, id, saved: .decided, from: .decision) {
            try fields.finish()
            _ = try await ReferralDesk(request).decide(id, outcome: outcome!, reasons: reasons!, agenciesDisagree: disagree)
        }
    }

    func signOff(_ request: Request) async throws -> Response {
        let id = try ReferralAPIController.referralID(request)
        var fields = FieldReader(form: try await request.submittedForm())
        let agreed = fields.flag("agreed")
        let reason = fields.text("sign_off_reason", maxLength: 10_000)
        if agreed == nil { fields.note("agreed", .missing) }
        return try await afterAction(request, id, saved: .signedOff, from: .signOff) {
            try fields.finish()
            _ = try await ReferralDesk(request).signOff(id, agreed: agreed!, reason: reason!)
        }
    }

    /// The queue a page of 50 at a time: a hub works from the top, and a page of a few
    /// thousand rows helps nobody.
    static let queuePageSize = 50

    func queue(_ request: Request) async throws -> View {
        var fields = FieldReader.query(of: request)
        let pageNumber = fields.integer("page", required: false, in: 1...100_000) ?? 1
        try fields.finish()
        let language = request.language
        let catalogue = request.application.catalogue
        let now = Date()
        let agencies = try await request.agenciesByID()
        let calendar = request.application.workingCalendar
        let counts = try await ReferralRepository(request.db).queueCounts(now: now)
        // A page's deadlines fall on a handful of days: each day's "due soon" is worked out once.
        var soonByDueDay: [CalendarDay: Date] = [:]
        let lines: [HubQueueContext.Line] = try await ReferralDesk(request).queue(
            limit: Self.queuePageSize, offset: (pageNumber - 1) * Self.queuePageSize
        ).map { line in
            // "Due soon" from the start of the working day before the deadline, as the calendar's own deadlines.
            let dueDay = calendar.day(of: line.decisionDueAt)
            let soon = soonByDueDay[dueDay] ?? calendar.date(on: calendar.previousWorkingDay(before: dueDay), at: TimeOfDay(hour: 0)!)
            soonByDueDay[dueDay] = soon
            let status = Deadline(due: line.decisionDueAt, dueSoonFrom: soon).status(at: now)
            return .init(
                href: "/referrals/\(line.id.uuidString.lowercased())", reference: line.reference,
                kindKey: "referral.kind.\(line.kind.rawValue)", childName: line.childName,
                dateOfBirth: line.childDateOfBirth.map { DateWording.date($0, language) } ?? "",
                agencyName: agencies[line.referrerAgencyID]?.name(in: language) ?? "",
                received: DateWording.dateTime(line.submittedAt, language),
                deadline: DeadlineWording.describe(line.decisionDueAt, now: now, language: language, catalogue: catalogue),
                statusKey: status.key, isOverdue: line.decisionDueAt < now, awaitingSignOff: line.status == .awaitingSignOff,
                qualityScore: line.qualityScore, linkedNotices: line.linkedNotices, priority: line.priority,
                concernTypeKey: line.concernType.map { ReferralForm.concernTypeKey(kind: line.kind, concernType: $0) })
        }
        let shown = (pageNumber - 1) * Self.queuePageSize + lines.count
        return try await request.page("hub-queue", titleKey: "hub.title",
            HubQueueContext(
                rowsHTML: HubQueueRows.html(lines, language: language, catalogue: catalogue),
                waitingCount: counts.waiting, overdueCount: counts.overdue,
                nextHref: shown < counts.waiting ? "/hub?page=\(pageNumber + 1)" : nil,
                previousHref: pageNumber > 1 ? "/hub?page=\(pageNumber - 1)" : nil))
    }

    func mine(_ request: Request) async throws -> View {
        let user = try request.requireUser()
        let language = request.language
        let lines = try await ReferralDesk(request).myReferrals().map { referral in
            MyReferralsContext.Line(
                href: referral.status == .draft
                    ? "/referrals/\(referral.id.uuidString.lowercased())/section/child"
                    : "/referrals/\(referral.id.uuidString.lowercased())",
                reference: referral.reference ?? "", kindKey: "referral.kind.\(referral.kind.rawValue)",
                childName: referral.form.child.fullName, statusKey: "referral.status.\(referral.status.rawValue)",
                feedbackKey: referral.outcome.map { "feedback.\($0.feedbackCategory.rawValue)" },
                updated: DateWording.dateTime(referral.updatedAt, language))
        }
        return try await request.page("referrals-mine", titleKey: "referrals.mine.title",
            MyReferralsContext(lines: lines, canSendPoliceNotice: AccessPolicy().mayUse(.policeProtectionNotice, user.actor)))
    }
}
