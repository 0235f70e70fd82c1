import Fluent
import Foundation
import PersonMatching
import Safeguarding
import SafeguardingStore
import Vapor

/// The referral form for referrers, the hub's queue and the referrer's own list; the
/// screening of one referral is in ReferralWebController+Screening.
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
