import Fluent
import Foundation
import PersonMatching
import Safeguarding
import SafeguardingStore
import Vapor

/// The hub's screening of one referral: its page, the actions reached from it (link
/// the record, decide, ask partners, sign off) each on a page of its own, and what each
/// action does when its form comes back.
extension ReferralWebController {
    func show(_ request: Request) async throws -> Response {
        let desk = try ReferralDesk(request)
        let id = try ReferralAPIController.referralID(request)
        let screening = try await desk.open(id)
        let referral = screening.referral
        if referral.status == .draft {
            return request.redirect(to: "/referrals/\(id.uuidString.lowercased())/check")
        }
        try await request.showFlags(ofChild: referral.childID)
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
        try await request.showFlags(ofChild: screening.referral.childID)
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
                    likelihood: catalogue.text("match.likelihood", language, [String(CandidateLine.percent(candidate.probability))]),
                    reasonKeys: candidate.reasons.filter(\.supportsMatch).map(\.key),
                    againstKeys: candidate.reasons.filter { !$0.supportsMatch }.map(\.key))
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
}
