import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The pages of requests for information: sending from a referral, each agency's
/// inbox and answer form, and the agency's duty rota.
struct InformationRequestWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "referrals", ":referralID", "requests", requires: .permission(.requestInformation)) { request in
            try await ReferralWebController().actionPage(request, .requests)
        }
        routes.on(.POST, "referrals", ":referralID", "requests", requires: .permission(.requestInformation), use: send)
        routes.on(.GET, "requests", requires: .permission(.answerInformationRequests), use: inbox)
        routes.on(.GET, "requests", "rota", requires: .permission(.answerInformationRequests), use: rota)
        routes.on(.POST, "requests", "rota", requires: .permission(.answerInformationRequests), use: saveRota)
        routes.on(.GET, "requests", ":requestID", requires: .permission(.answerInformationRequests), use: show)
        routes.on(.POST, "requests", ":requestID", "answer", requires: .permission(.answerInformationRequests), use: answer)
    }

    static func requestID(_ request: Request) throws -> UUID {
        try request.identifier("requestID")
    }

    func send(_ request: Request) async throws -> Response {
        let id = try ReferralAPIController.referralID(request)
        var fields = FieldReader(form: try await request.submittedForm())
        let agencies = fields.identifiers("agency_ids")
        let question = fields.text("question", required: false, maxLength: 2_000) ?? ""
        let due = fields.moment("due_at", required: false, calendar: request.application.workingCalendar)
        return try await ReferralWebController().afterAction(request, id, saved: .requestsSent, from: .requests) {
            try fields.finish()
            _ = try await InformationRequestDesk(request).send(referralID: id, to: agencies!, question: question, dueAt: due)
        }
    }

    func inbox(_ request: Request) async throws -> View {
        let desk = try InformationRequestDesk(request)
        let language = request.language, now = Date()
        let items = try await desk.inbox()
        let names = try await UserRepository(request.db).names(of: Set(items.compactMap { $0.answer?.answeredBy }))
        let referrals = try await ReferralRepository(request.db).find(items.map(\.referralID))
        let lines = items.map { item in
            let referral = referrals[item.referralID]
            return RequestsInboxContext.Line(
                request: RequestLine(item, agencyName: desk.user.agency.name(in: language), names: names, now: now, language: language),
                reference: referral?.reference ?? "", childName: referral?.form.child.fullName ?? "")
        }
        let calendar = request.application.workingCalendar
        let duty = try await InformationRequestDesk.duty(at: desk.user.agency.id, on: calendar.day(of: now), db: request.db)
        return try await request.page("requests-inbox", titleKey: "requests.title",
            RequestsInboxContext(
                agencyName: desk.user.agency.name(in: language),
                waiting: lines.filter { $0.request.knowledgeKey == nil }, answered: lines.filter { $0.request.knowledgeKey != nil },
                onDutyToday: duty.people.map(\.displayName), rostered: duty.rostered))
    }

    func show(_ request: Request) async throws -> Response {
        try await page(request, id: try Self.requestID(request), values: [:], failure: nil)
    }

    private func page(_ request: Request, id: UUID, values: [String: String], failure: ValidationFailure?) async throws -> Response {
        let desk = try InformationRequestDesk(request)
        let (item, referral) = try await desk.open(id)
        let language = request.language
        let agency = try await AgencyRepository(request.db).find(item.agencyID)
        let names = try await UserRepository(request.db).names(of: Set([item.answer?.answeredBy].compactMap { $0 }))
        let selected = values["knowledge"] ?? ""
        try await request.showFlags(ofChild: item.childID ?? referral.childID)
        return try await request.page("request", titleKey: "request.title", titleArgument: referral.reference ?? "",
            RequestPageContext(
                id: id.uuidString.lowercased(), subject: RequestSubject(referral, language: language),
                request: RequestLine(item, agencyName: agency?.name(in: language) ?? "", names: names, now: Date(), language: language),
                isAnswered: item.isAnswered, canAnswer: !item.isAnswered && item.agencyID == desk.user.agency.id,
                knowledgeChoices: AgencyKnowledge.allCases.map {
                    ChoiceOption(value: $0.rawValue, labelKey: $0.key, isSelected: $0.rawValue == selected)
                },
                values: values, errors: request.formErrors(failure)),
            status: failure == nil ? .ok : .unprocessableEntity)
    }

    /// Reads an answer from a form or a JSON body; shared with the API.
    static func readAnswer(_ fields: inout FieldReader, by userID: UUID, today: CalendarDay) -> InformationAnswer? {
        let knowledge = fields.choice("knowledge", as: AgencyKnowledge.self)
        let known = fields.text("what_is_known", required: false, maxLength: 10_000) ?? ""
        let risks = fields.text("known_risks", required: false, maxLength: 10_000) ?? ""
        let contact = fields.date("last_contact", required: false, notAfter: today)
        let worker = fields.text("named_worker", required: false, maxLength: 200) ?? ""
        let notes = fields.text("notes", required: false, maxLength: 10_000) ?? ""
        guard let knowledge else { return nil }
        return InformationAnswer(
            knowledge: knowledge, whatIsKnown: known, knownRisks: risks, lastContact: contact, namedWorker: worker,
            notes: notes, answeredBy: userID, answeredAt: Date())
    }

    func answer(_ request: Request) async throws -> Response {
        let id = try Self.requestID(request)
        let form = try await request.submittedForm()
        var fields = FieldReader(form: form)
        let user = try request.requireUser()
        let answer = Self.readAnswer(&fields, by: user.account.id, today: request.application.workingCalendar.day(of: Date()))
        do {
            try fields.finish()
            try await InformationRequestDesk(request).answer(id, with: answer!)
            return request.redirect(to: "/requests", saved: .answered)
        } catch let failure as ValidationFailure {
            return try await page(request, id: id, values: form.values.compactMapValues(\.last), failure: failure)
        }
    }

    func rota(_ request: Request) async throws -> View {
        try await rotaPage(request, failure: nil)
    }

    private func rotaPage(_ request: Request, failure: ValidationFailure?) async throws -> View {
        let desk = try InformationRequestDesk(request)
        let language = request.language
        let (rota, members, absences) = try await desk.rota()
        let names = Dictionary(uniqueKeysWithValues: members.map { ($0.id, $0.displayName) })
        let workingWeek: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        return try await request.page("requests-rota", titleKey: "rota.title",
            RotaContext(
                weekdays: workingWeek.map { "weekday.\($0.rawValue)" },
                people: members.map { person in
                    .init(id: person.id.uuidString.lowercased(), name: person.displayName, days: workingWeek.map { day in
                        .init(weekday: day.rawValue, labelKey: "weekday.\(day.rawValue)",
                            isOnDuty: rota.onDuty[day]?.contains(person.id) ?? false)
                    })
                },
                absences: absences.map {
                    .init(name: names[$0.userID] ?? "", from: DateWording.date($0.firstDay, language),
                        until: DateWording.date($0.lastDay, language))
                },
                errors: request.formErrors(failure)))
    }

    /// Each box is named `duty-<weekday>` with the person's id as its value.
    func saveRota(_ request: Request) async throws -> Response {
        let form = try await request.submittedForm()
        var fields = FieldReader(form: form)
        var onDuty: [Weekday: [UUID]] = [:]
        for day in Weekday.allCases {
            onDuty[day] = fields.identifiers("duty-\(day.rawValue)", required: false) ?? []
        }
        let away = fields.identifier("absence_user", required: false)
        let first = fields.date("absence_first_day", required: away != nil)
        let last = fields.date("absence_last_day", required: away != nil)
        do {
            try fields.finish()
            let absence = away.flatMap { person in first.flatMap { f in last.map { Absence(userID: person, firstDay: f, lastDay: $0) } } }
            try await InformationRequestDesk(request).saveRota(onDuty, absence: absence)
            return request.redirect(to: "/requests/rota", saved: .saved)
        } catch let failure as ValidationFailure {
            let view = try await rotaPage(request, failure: failure)
            let response = try await view.encodeResponse(for: request)
            response.status = .unprocessableEntity
            return response
        }
    }
}
