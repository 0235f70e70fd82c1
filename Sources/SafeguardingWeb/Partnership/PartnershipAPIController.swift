import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1` for partnership working: requests for information and their answers,
/// the early intervention queue, and the measures of both and of hub meetings and
/// Operation Encompass.
struct PartnershipAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "referrals", ":referralID", "requests", requires: .permission(.screenReferrals), use: referralRequests)
        routes.on(.POST, "referrals", ":referralID", "requests", requires: .permission(.requestInformation), use: send)
        routes.on(.GET, "requests", requires: .permission(.answerInformationRequests), use: inbox)
        routes.on(.POST, "requests", ":requestID", "answer", requires: .permission(.answerInformationRequests), use: answer)
        routes.on(.GET, "early-intervention", requires: .permission(.workEarlyIntervention), use: earlyIntervention)
        routes.on(.GET, "measures", "information-requests", requires: .permission(.viewMeasures), use: requestMeasures)
        routes.on(.GET, "measures", "hub-meetings", requires: .permission(.viewMeasures), use: meetingMeasures)
        routes.on(.GET, "measures", "early-intervention", requires: .permission(.viewMeasures), use: earlyMeasures)
        routes.on(.GET, "measures", "operation-encompass", requires: .permission(.viewMeasures), use: encompassMeasures)
    }

    struct RequestRepresentation: Content {
        struct Answer: Content {
            var knowledge: AgencyKnowledge
            var whatIsKnown: String
            var knownRisks: String
            var lastContact: String?
            var namedWorker: String
            var notes: String
            var answeredBy: UUID
            var answeredAt: Date
        }
        var id: UUID
        var referralId: UUID
        var agencyId: UUID
        var requestedAt: Date
        var dueAt: Date
        var question: String
        var status: InformationRequestStatus
        var chaseCount: Int
        var answer: Answer?

        init(_ item: InformationRequest, now: Date) {
            id = item.id
            referralId = item.referralID
            agencyId = item.agencyID
            requestedAt = item.requestedAt
            dueAt = item.dueAt
            question = item.question
            status = item.status(at: now)
            chaseCount = item.chaseCount
            answer = item.answer.map {
                Answer(
                    knowledge: $0.knowledge, whatIsKnown: $0.whatIsKnown, knownRisks: $0.knownRisks, lastContact: $0.lastContact?.iso,
                    namedWorker: $0.namedWorker, notes: $0.notes, answeredBy: $0.answeredBy, answeredAt: $0.answeredAt)
            }
        }
    }

    struct RequestList: Content {
        var items: [RequestRepresentation]
    }

    func referralRequests(_ request: Request) async throws -> RequestList {
        let id = try ReferralAPIController.referralID(request)
        guard let referral = try await ReferralRepository(request.db).find(id), referral.status != .draft else {
            throw ProblemError.notFound
        }
        let now = Date()
        return RequestList(items: try await InformationRequestDesk(request).forReferral(referral).requests.map {
            RequestRepresentation($0, now: now)
        })
    }

    func send(_ request: Request) async throws -> Response {
        let id = try ReferralAPIController.referralID(request)
        try await ReferralDesk(request).mayReach(id)
        var fields = try await FieldReader.json(from: request)
        let agencies = fields.identifiers("agency_ids")
        let question = fields.text("question", required: false, maxLength: 2_000) ?? ""
        let due = fields.moment("due_at", required: false, calendar: request.application.workingCalendar)
        try fields.finish()
        let sent = try await InformationRequestDesk(request).send(referralID: id, to: agencies!, question: question, dueAt: due)
        let now = Date()
        return try await RequestList(items: sent.map { RequestRepresentation($0, now: now) })
            .encodeResponse(status: .created, for: request)
    }

    func inbox(_ request: Request) async throws -> RequestList {
        let now = Date()
        return RequestList(items: try await InformationRequestDesk(request).inbox().map { RequestRepresentation($0, now: now) })
    }

    func answer(_ request: Request) async throws -> RequestRepresentation {
        let id = try InformationRequestWebController.requestID(request)
        try await InformationRequestDesk(request).mayAnswer(id)
        var fields = try await FieldReader.json(from: request)
        let user = try request.requireUser()
        let answer = InformationRequestWebController.readAnswer(
            &fields, by: user.account.id, today: request.application.workingCalendar.day(of: Date()))
        try fields.finish()
        try await InformationRequestDesk(request).answer(id, with: answer!)
        guard let item = try await InformationRequestRepository(request.db).find(id) else { throw ProblemError.notFound }
        return RequestRepresentation(item, now: Date())
    }

    struct EarlyInterventionList: Content {
        struct Line: Content {
            var id: UUID
            var referralId: UUID
            var childId: UUID?
            var openedAt: Date
            var state: EarlyInterventionState
            var firstContactDueAt: Date
            var whatMattersDueAt: Date
            var nextDueAt: Date?
            var overdue: Bool
        }
        var items: [Line]
    }

    func earlyIntervention(_ request: Request) async throws -> EarlyInterventionList {
        let now = Date()
        return EarlyInterventionList(items: try await EarlyInterventionDesk(request).queue().map { item, _ in
            .init(
                id: item.id, referralId: item.referralID, childId: item.childID, openedAt: item.openedAt, state: item.state,
                firstContactDueAt: item.firstContactDueAt, whatMattersDueAt: item.whatMattersDueAt, nextDueAt: item.nextDue,
                overdue: item.nextDue.map { $0 < now } ?? false)
        })
    }

    func requestMeasures(_ request: Request) async throws -> PartnershipMeasures.RequestTurnaround {
        let period = try MeasurePeriod(request)
        let agencies = try await request.agenciesByID()
        let requests = try await InformationRequestRepository(request.db).requested(from: period.start, until: period.end)
        return .init(
            from: period.from.iso, until: period.until.iso,
            items: PartnershipMeasures.requestTurnaround(requests, agencies: agencies, language: request.language, now: Date()))
    }

    func meetingMeasures(_ request: Request) async throws -> PartnershipMeasures.MeetingAttendance {
        let period = try MeasurePeriod(request)
        var records: [HubMeetingDesk.Record] = []
        for meeting in try await HubMeetingRepository(request.db).between(period.start, period.end) {
            records.append(try await HubMeetingDesk.record(of: meeting, db: request.db))
        }
        let (lines, decided, lacking) = PartnershipMeasures.attendance(
            records, agencies: try await request.agencies(), language: request.language)
        return .init(
            from: period.from.iso, until: period.until.iso, meetings: records.filter { $0.meeting.isClosed }.count,
            itemsDecided: decided, itemsLackingInformation: lacking, items: lines)
    }

    func earlyMeasures(_ request: Request) async throws -> PartnershipMeasures.EarlyIntervention {
        let period = try MeasurePeriod(request)
        let cases = try await EarlyInterventionRepository(request.db).opened(from: period.start, until: period.end)
        var later: [UUID: [(referralID: UUID, at: Date)]] = [:]
        for childID in Set(cases.compactMap(\.childID)) {
            later[childID] = try await ReferralRepository(request.db).chronology(of: childID).map { ($0.id, $0.submittedAt) }
        }
        let rates = EarlyInterventionRates.measure(cases, laterReferrals: later, at: Date())
        return .init(
            from: period.from.iso, until: period.until.iso, cases: rates.cases, reReferred: rates.reReferred,
            escalated: rates.escalated, reReferralRate: rates.reReferralRate, escalationRate: rates.escalationRate,
            firstContactOnTime: rates.firstContactOnTime, firstContactLate: rates.firstContactLate,
            whatMattersOnTime: rates.whatMattersOnTime, whatMattersLate: rates.whatMattersLate, overdueNow: rates.overdueNow)
    }

    func encompassMeasures(_ request: Request) async throws -> PartnershipMeasures.Encompass {
        let period = try MeasurePeriod(request)
        let now = Date()
        let notifications = try await EncompassRepository(request.db).created(from: period.start, until: period.end)
        let statuses = notifications.map { $0.status(at: now) }
        return .init(
            from: period.from.iso, until: period.until.iso, notifications: notifications.count,
            sentToSchool: notifications.filter { $0.sentAt != nil }.count, seenOnTime: statuses.filter { $0 == .seen }.count,
            seenLate: statuses.filter { $0 == .seenLate }.count, overdueNow: statuses.filter { $0 == .overdue }.count,
            schoolNotKnown: statuses.filter { $0 == .schoolNotKnown }.count)
    }
}
