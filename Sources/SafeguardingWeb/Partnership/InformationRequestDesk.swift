import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Requests for information (F7): the hub asks partner agencies, each agency answers
/// from its shared inbox, and overdue requests are chased. Every step is audited in
/// the transaction that makes it.
struct InformationRequestDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    private var calendar: WorkingCalendar { request.application.workingCalendar }

    /// The referral's requests, and the agencies the hub might still ask.
    func forReferral(_ referral: Referral) async throws -> (requests: [InformationRequest], suggested: [UUID]) {
        let requests = try await InformationRequestRepository(request.db).forReferral(referral.id)
        var involvements: [AgencyInvolvement] = []
        // The child's agencies are suggested only to someone who may open the child's record.
        if let childID = referral.childID, try await ChildRecordDesk.mayOpen(childID, as: user, on: request.db),
            let summary = try await ChildRepository(request.db).summary(of: childID)
        {
            involvements = summary.involvements
        }
        let named = InformationRequestRules.agenciesNamed(
            in: referral.form,
            among: try await request.agencies().map { ($0.id, Language.allCases.map($0.name(in:))) })
        let suggested = InformationRequestRules.suggestedAgencies(
            involvements: involvements, namedInReferral: named, referrerAgencyID: referral.referrerAgencyID,
            alreadyAsked: Set(requests.map(\.agencyID)))
        return (requests, suggested)
    }

    /// Sends one request to each agency, due by the timescale unless the hub sets a time,
    /// and alerts whoever is on duty at each agency.
    func send(referralID: UUID, to agencyIDs: [UUID], question: String, dueAt: Date?) async throws -> [InformationRequest] {
        let user = self.user, requestID = request.requestID, catalogue = request.application.catalogue
        let calendar = self.calendar, now = Date()
        let due = dueAt ?? calendar.dueDate(for: calendar.timescales[.informationRequestAnswer], from: now)
        guard due > now else { throw ValidationFailure([FieldError("due_at", .invalid("error.request.due_in_past"))]) }
        return try await request.store.transaction { db in
            try await Self.send(
                referralID: referralID, to: agencyIDs, question: question, due: due, by: user, at: now,
                requestID: requestID, catalogue: catalogue, calendar: calendar, on: db)
        }
    }

    /// The sending itself, inside the caller's transaction (the demonstration partnership
    /// sends its requests through this too).
    static func send(
        referralID: UUID, to agencyIDs: [UUID], question: String, due: Date, by user: SignedInUser, at now: Date,
        requestID: String, catalogue: Catalogue, calendar: WorkingCalendar, on db: any Database
    ) async throws -> [InformationRequest] {
        let today = calendar.day(of: now)
        guard let referral = try await ReferralRepository(db).find(referralID), referral.status != .draft else {
            throw ProblemError.notFound
        }
        let existing = Set(try await InformationRequestRepository(db).forReferral(referralID).map(\.agencyID))
        var sent: [InformationRequest] = []
        for agencyID in agencyIDs {
            guard try await AgencyRepository(db).find(agencyID) != nil else {
                throw ValidationFailure([FieldError("agency_ids", .notAnIdentifier)])
            }
            guard !existing.contains(agencyID) else {
                throw ValidationFailure([FieldError("agency_ids", .invalid("error.request.already_asked"))])
            }
            let item = InformationRequest(
                referralID: referralID, childID: referral.childID, agencyID: agencyID, requestedBy: user.account.id,
                requestedAt: now, dueAt: due, question: question)
            try await InformationRequestRepository(db).create(item)
            for person in try await onDuty(at: agencyID, on: today, db: db) {
                try await NoticeRepository(db).enqueue(PartnershipNotices.informationRequested(
                    item, reference: referral.reference ?? "", to: person, catalogue: catalogue, chase: false))
            }
            try await AuditTrail.append(
                user.auditEvent(.informationRequested, childID: referral.childID, subjectID: item.id,
                    detail: "referral=\(referralID.uuidString.lowercased()) agency=\(agencyID.uuidString.lowercased())",
                    requestID: requestID), on: db)
            sent.append(item)
        }
        return sent
    }

    /// The people at an agency a request or chase goes to today: the rota, with its fallbacks.
    static func onDuty(at agencyID: UUID, on day: CalendarDay, db: any Database) async throws -> [UserAccount] {
        try await duty(at: agencyID, on: day, db: db).people
    }

    /// Who is told on `day`, and whether they are the rota's choice or everyone, for want of one.
    static func duty(at agencyID: UUID, on day: CalendarDay, db: any Database) async throws -> (people: [UserAccount], rostered: Bool) {
        let policy = AccessPolicy()
        guard let agency = try await AgencyRepository(db).find(agencyID) else { return ([], false) }
        let answerers = try await UserRepository(db).members(of: agencyID)
            .filter { policy.permits(Actor(user: $0, agency: agency), .answerInformationRequests) }
        let rota = try await DutyRotaRepository(db).rota(of: agencyID)
        let absences = try await DutyRotaRepository(db).absences(of: answerers.map(\.id), from: day)
        let chosen = Set(rota.people(on: day, answerers: answerers.map(\.id), absences: absences))
        return (answerers.filter { chosen.contains($0.id) }, rota.isRostered(on: day, answerers: answerers.map(\.id), absences: absences))
    }

    /// The signed-in person's agency inbox.
    func inbox() async throws -> [InformationRequest] {
        try await InformationRequestRepository(request.db).inbox(
            of: user.agency.id, answeredSince: Date().addingTimeInterval(-14 * 86_400))
    }

    /// Whether the request is one for this reader's agency to answer: asked before a write's body is read, so that its problems never tell what exists.
    func mayAnswer(_ id: UUID) async throws {
        guard let item = try await InformationRequestRepository(request.db).find(id), item.agencyID == user.agency.id
        else { throw ProblemError.notFound }
    }

    /// One request, for its agency (or the hub that sent it), with the referral it is about.
    /// Opening it shows the child's details, so the read is audited.
    func open(_ id: UUID) async throws -> (request: InformationRequest, referral: Referral) {
        let repository = InformationRequestRepository(request.db)
        guard let item = try await repository.find(id),
            item.agencyID == user.agency.id || AccessPolicy().permits(user.actor, .screenReferrals),
            let referral = try await ReferralRepository(request.db).find(item.referralID)
        else { throw ProblemError.notFound }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await AuditTrail.append(
                user.auditEvent(.informationRequestViewed, childID: item.childID, subjectID: id,
                    reason: "information_request", requestID: requestID), on: db)
        }
        return (item, referral)
    }

    /// Records the agency's answer; refused if incomplete, or if a colleague answered first.
    func answer(_ id: UUID, with answer: InformationAnswer) async throws {
        let problems = InformationRequestRules.problems(of: answer, today: calendar.day(of: Date()))
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await Self.answer(id, with: answer, by: user, requestID: requestID, on: db)
        }
    }

    /// The answer's recording, inside the caller's transaction, once its problems are checked.
    static func answer(_ id: UUID, with answer: InformationAnswer, by user: SignedInUser, requestID: String, on db: any Database)
        async throws
    {
        let repository = InformationRequestRepository(db)
        guard let item = try await repository.find(id), item.agencyID == user.agency.id else { throw ProblemError.notFound }
        guard try await repository.recordAnswer(answer, to: id) else {
            throw ValidationFailure([FieldError("knowledge", .invalid("error.request.already_answered"))])
        }
        try await AuditTrail.append(
            user.auditEvent(.informationAnswered, childID: item.childID, subjectID: id,
                detail: "knowledge=\(answer.knowledge.rawValue) late=\(answer.answeredAt > item.dueAt)",
                requestID: requestID), on: db)
    }

    func rota() async throws -> (rota: DutyRota, members: [UserAccount], absences: [Absence]) {
        let policy = AccessPolicy(), agency = user.agency
        let members = try await UserRepository(request.db).members(of: agency.id)
            .filter { policy.permits(Actor(user: $0, agency: agency), .answerInformationRequests) }
        let rota = try await DutyRotaRepository(request.db).rota(of: agency.id)
        let absences = try await DutyRotaRepository(request.db).absences(of: members.map(\.id), from: calendar.day(of: Date()))
        return (rota, members, absences)
    }

    /// Replaces the agency's rota; only its own answerers can be on it.
    func saveRota(_ onDuty: [Weekday: [UUID]], absence: Absence?) async throws {
        let (_, members, _) = try await rota()
        let allowed = Set(members.map(\.id))
        guard onDuty.values.joined().allSatisfy(allowed.contains), absence.map({ allowed.contains($0.userID) }) ?? true else {
            throw ValidationFailure([FieldError("rota", .notAnIdentifier)])
        }
        if let absence, absence.lastDay < absence.firstDay {
            throw ValidationFailure([FieldError("absence_last_day", .invalid("error.request.absence_order"))])
        }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await DutyRotaRepository(db).replace(DutyRota(agencyID: user.agency.id, onDuty: onDuty))
            if let absence { try await DutyRotaRepository(db).addAbsence(absence) }
            try await AuditTrail.append(
                user.auditEvent(.dutyRotaChanged, subjectID: user.agency.id, requestID: requestID), on: db)
        }
    }
}

/// Chases overdue requests for information in the background: each chase is a notice
/// to whoever is on duty at the agency, counted on the request and audited.
struct InformationRequestChaser: Sendable {
    let database: any Database
    let calendar: WorkingCalendar
    let catalogue: Catalogue

    @discardableResult
    func chaseOverdue(at now: Date = Date()) async throws -> Int {
        var chased = 0
        for item in try await InformationRequestRepository(database).overdue(at: now)
        where InformationRequestRules.isDueForChase(item, at: now, calendar: calendar) {
            try await Store(database).transaction { db in
                let reference = try await ReferralRepository(db).find(item.referralID)?.reference ?? ""
                try await InformationRequestRepository(db).recordChase(of: item.id, at: now)
                for person in try await InformationRequestDesk.onDuty(at: item.agencyID, on: calendar.day(of: now), db: db) {
                    try await NoticeRepository(db).enqueue(PartnershipNotices.informationRequested(
                        item, reference: reference, to: person, catalogue: catalogue, chase: true))
                }
                try await AuditTrail.append(
                    AuditEvent(
                        actorUserID: nil, actorName: "Diogelu", agencyID: nil, roles: [], action: .informationRequestChased,
                        childID: item.childID, subjectID: item.id, reason: "", detail: "chase=\(item.chaseCount + 1)",
                        requestID: "background"), on: db)
            }
            chased += 1
        }
        return chased
    }
}
