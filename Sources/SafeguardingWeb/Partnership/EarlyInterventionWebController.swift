import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The early intervention team's queue and case pages.
struct EarlyInterventionWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "early-intervention", requires: .permission(.workEarlyIntervention), use: queue)
        routes.on(.GET, "early-intervention", ":caseID", requires: .permission(.workEarlyIntervention), use: show)
        routes.on(.POST, "early-intervention", ":caseID", ":step", requires: .permission(.workEarlyIntervention), use: record)
    }

    static func caseID(_ request: Request) throws -> UUID {
        try request.identifier("caseID")
    }

    struct Deadline: Encodable, Sendable {
        var labelKey: String
        var due: String
        var done: String
        var isOverdue: Bool
        var wasLate: Bool
    }

    struct QueueContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var href: String
            var childName: String
            var reference: String
            var stateKey: String
            var nextDue: String
            var isOverdue: Bool
        }
        var lines: [Line]
        var overdue: Int
    }

    func queue(_ request: Request) async throws -> View {
        let language = request.language, catalogue = request.application.catalogue, now = Date()
        let lines = try await EarlyInterventionDesk(request).queue().map { item, referral in
            QueueContext.Line(
                href: "/early-intervention/\(item.id.uuidString.lowercased())", childName: referral.form.child.fullName,
                reference: referral.reference ?? "", stateKey: item.state.key,
                nextDue: item.nextDue.map { DeadlineWording.describe($0, now: now, language: language, catalogue: catalogue) } ?? "",
                isOverdue: item.nextDue.map { $0 < now } ?? false)
        }
        return try await request.page("early-intervention", titleKey: "early.title",
            QueueContext(lines: lines, overdue: lines.filter(\.isOverdue).count))
    }

    struct CaseContext: Encodable, Sendable {
        var id: String
        var subject: RequestSubject
        var noticeTypeKey: String
        var stateKey: String
        var isOpen: Bool
        var deadlines: [Deadline]
        var steps: [String]
        var nextStep: String?
        var nextStepTitleKey: String
        var nextStepNoteKey: String
        var escalatedTo: String?
        var errors: [FormErrorContext]
        var now: String
    }

    func show(_ request: Request) async throws -> Response {
        try await casePage(request, id: try Self.caseID(request), failure: nil)
    }

    private func casePage(_ request: Request, id: UUID, failure: ValidationFailure?) async throws -> Response {
        let (item, referral) = try await EarlyInterventionDesk(request).open(id)
        let language = request.language, now = Date(), catalogue = request.application.catalogue
        let names = try await UserRepository(request.db).names(
            of: Set([item.firstContact?.by, item.whatMatters?.by, item.closure?.by, item.escalation?.by].compactMap { $0 }))
        func deadline(_ key: String, due: Date, done: EarlyInterventionStep?) -> Deadline {
            Deadline(
                labelKey: key, due: DateWording.dateTime(due, language),
                done: done.map { DateWording.dateTime($0.at, language) } ?? "",
                isOverdue: done == nil && item.isOpen && due < now, wasLate: done.map { $0.at > due } ?? false)
        }
        var deadlines = [
            deadline("early.step.contact", due: item.firstContactDueAt, done: item.firstContact),
            deadline("early.step.what_matters", due: item.whatMattersDueAt, done: item.whatMatters),
        ]
        if case .needed(let by) = item.visit { deadlines.append(deadline("early.step.visit", due: by, done: nil)) }
        if case .made(let visit) = item.visit { deadlines.append(deadline("early.step.visit", due: visit.at, done: visit)) }
        var steps: [String] = []
        for (key, step) in [("early.step.contact", item.firstContact), ("early.step.what_matters", item.whatMatters), ("early.step.close", item.closure)] {
            if let step {
                steps.append(catalogue.text("early.step_record", language,
                    [catalogue.text(key, language), DateWording.dateTime(step.at, language), names[step.by] ?? "", step.note]))
            }
        }
        if case .made(let visit) = item.visit {
            steps.append(catalogue.text("early.step_record", language,
                [catalogue.text("early.step.visit", language), DateWording.dateTime(visit.at, language), names[visit.by] ?? "", visit.note]))
        }
        let next: String? = switch item.state {
        case .awaitingContact: "contact"
        case .awaitingWhatMatters: "what-matters"
        case .awaitingVisit: "visit"
        case .readyToClose: "close"
        case .escalated, .closed: nil
        }
        let context = CaseContext(
            id: id.uuidString.lowercased(), subject: RequestSubject(referral, language: language),
            noticeTypeKey: "ppn.type.\(referral.form.policeNotice?.noticeType?.rawValue ?? "other")",
            stateKey: item.state.key, isOpen: item.isOpen, deadlines: deadlines, steps: steps, nextStep: next,
            nextStepTitleKey: Self.stepKeys[next ?? ""]?.title ?? "", nextStepNoteKey: Self.stepKeys[next ?? ""]?.note ?? "",
            escalatedTo: item.escalation.map { "/referrals/\($0.referralID.uuidString.lowercased())" },
            errors: request.formErrors(failure),
            now: DateWording.inputValue(now))
        return try await request.page("early-intervention-case", titleKey: "early.case.title",
            titleArgument: referral.form.child.fullName, context, status: failure == nil ? .ok : .unprocessableEntity)
    }

    /// The heading and note label of each step's form.
    static let stepKeys: [String: (title: String, note: String)] = [
        "contact": (title: "early.next.contact", note: "early.note.contact"),
        "what-matters": (title: "early.next.what_matters", note: "early.note.what_matters"),
        "visit": (title: "early.next.visit", note: "early.note.visit"),
        "close": (title: "early.next.close", note: "early.note.close"),
    ]

    func record(_ request: Request) async throws -> Response {
        let id = try Self.caseID(request)
        let stepName = request.parameters.get("step") ?? ""
        var fields = FieldReader(form: try await request.submittedForm())
        let calendar = request.application.workingCalendar
        do {
            if stepName == "escalate" {
                let reason = fields.text("note", maxLength: 10_000)
                try fields.finish()
                let referral = try await EarlyInterventionDesk(request).escalate(id, reason: reason!)
                return request.redirect(to: "/referrals/\(referral.id.uuidString.lowercased())", saved: .saved)
            }
            guard let step = EarlyInterventionDesk.Step(rawValue: stepName) else { throw ProblemError.notFound }
            let when = fields.moment("at", calendar: calendar)
            let note = fields.text("note", maxLength: 10_000)
            let visitNeeded = step == .whatMatters ? (fields.flag("visit_needed") ?? false) : false
            let visitBy = step == .whatMatters ? fields.moment("visit_by", required: false, calendar: calendar) : nil
            try fields.finish()
            try await EarlyInterventionDesk(request).record(step, on: id, at: when!, note: note!, visitNeeded: visitNeeded, visitBy: visitBy)
            return request.redirect(to: "/early-intervention/\(id.uuidString.lowercased())", saved: .saved)
        } catch let failure as ValidationFailure {
            return try await casePage(request, id: id, failure: failure)
        }
    }
}
