import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/hub/meetings`: the same meetings as the pages. Items are decided through
/// `POST /api/v1/referrals/{id}/decision`, which notes the outcome on the open meeting.
struct HubMeetingAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "hub", "meetings", requires: .permission(.runHubMeetings), use: list)
        routes.on(.POST, "hub", "meetings", requires: .permission(.runHubMeetings), use: open)
        routes.on(.GET, "hub", "meetings", ":meetingID", requires: .permission(.runHubMeetings), use: show)
        routes.on(.PUT, "hub", "meetings", ":meetingID", "attendance", requires: .permission(.runHubMeetings), use: attendance)
        routes.on(.POST, "hub", "meetings", ":meetingID", "close", requires: .permission(.runHubMeetings), use: close)
    }

    struct MeetingRepresentation: Content {
        struct Item: Content {
            var referralId: UUID
            var reference: String
            var position: Int
            var outcome: DecisionOutcome?
            var decidedAt: Date?
            var lackingInformationFrom: [UUID]
            var requests: [PartnershipAPIController.RequestRepresentation]
        }
        struct Attendance: Content {
            var agencyId: UUID
            var present: Bool
            var attendeeName: String
            var attendeeRole: String
        }
        var id: UUID
        var startsAt: Date
        var chairId: UUID
        var closedAt: Date?
        var minutesSentAt: Date?
        var items: [Item]
        var attendance: [Attendance]

        init(_ record: HubMeetingDesk.Record, now: Date) {
            let meeting = record.meeting
            id = meeting.id
            startsAt = meeting.startsAt
            chairId = meeting.chairID
            closedAt = meeting.closedAt
            minutesSentAt = meeting.minutesSentAt
            items = meeting.items.sorted { $0.position < $1.position }.map { item in
                Item(
                    referralId: item.referralID, reference: record.referrals[item.referralID]?.reference ?? "",
                    position: item.position, outcome: item.outcome, decidedAt: item.decidedAt,
                    lackingInformationFrom: record.lacking[item.referralID] ?? [],
                    requests: (record.requests[item.referralID] ?? []).map { .init($0, now: now) })
            }
            attendance = meeting.attendance.map {
                Attendance(agencyId: $0.agencyID, present: $0.present, attendeeName: $0.attendeeName, attendeeRole: $0.attendeeRole)
            }
        }
    }

    struct MeetingList: Content {
        struct Line: Content {
            var id: UUID
            var startsAt: Date
            var items: Int
            var closedAt: Date?
        }
        var items: [Line]
        var nextScheduled: Date?
    }

    func list(_ request: Request) async throws -> MeetingList {
        let next = HubMeetingSchedule().meetings(after: Date(), count: 1, calendar: request.application.workingCalendar).first
        return MeetingList(
            items: try await HubMeetingDesk(request).recent().map {
                .init(id: $0.id, startsAt: $0.startsAt, items: $0.items.count, closedAt: $0.closedAt)
            },
            nextScheduled: next)
    }

    func open(_ request: Request) async throws -> Response {
        var fields = try await FieldReader.json(from: request)
        let startsAt = fields.moment("starts_at", calendar: request.application.workingCalendar)
        try fields.finish()
        let meeting = try await HubMeetingDesk(request).open(startsAt: startsAt!)
        let record = try await HubMeetingDesk.record(of: meeting, db: request.db)
        return try await MeetingRepresentation(record, now: Date()).encodeResponse(status: .created, for: request)
    }

    func show(_ request: Request) async throws -> MeetingRepresentation {
        MeetingRepresentation(try await HubMeetingDesk(request).record(try HubMeetingWebController.meetingID(request)), now: Date())
    }

    /// `{"attendance": [{"agency_id": …, "present": true, "attendee_name": …, "attendee_role": …}]}`;
    /// agencies left out are recorded as absent.
    func attendance(_ request: Request) async throws -> MeetingRepresentation {
        let id = try HubMeetingWebController.meetingID(request)
        try await HubMeetingDesk(request).mayReach(id)
        var fields = try await FieldReader.json(from: request)
        let recorded = try await Self.readAttendance(&fields, agencies: try await request.agencies())
        try await HubMeetingDesk(request).recordAttendance(id, recorded)
        return try await show(request)
    }

    func close(_ request: Request) async throws -> MeetingRepresentation {
        let id = try HubMeetingWebController.meetingID(request)
        try await HubMeetingDesk(request).mayReach(id)
        try await FieldReader.json(from: request).finish()
        try await HubMeetingDesk(request).close(id)
        return try await show(request)
    }
}

/// `/api/v1/early-intervention/{caseID}/…` and `/api/v1/encompass`: the team's steps and
/// schools' notifications, as on the pages.
struct EarlyInterventionAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.POST, "early-intervention", ":caseID", ":step", requires: .permission(.workEarlyIntervention), use: record)
        routes.on(.GET, "encompass", requires: .permission(.acknowledgeEncompass), use: encompass)
        routes.on(.POST, "encompass", ":notificationID", "seen", requires: .permission(.acknowledgeEncompass), use: seen)
    }

    struct StepResult: Content {
        var id: UUID
        var state: EarlyInterventionState
        var nextDueAt: Date?
        var escalationReferralId: UUID?
    }

    /// `{"at": ISO 8601, "note": …}` (and `visit_needed`, `visit_by` for `what-matters`);
    /// `escalate` takes only `note`, the reason.
    func record(_ request: Request) async throws -> StepResult {
        let id = try EarlyInterventionWebController.caseID(request)
        let stepName = request.parameters.get("step") ?? ""
        var fields = try await FieldReader.json(from: request)
        let calendar = request.application.workingCalendar
        let desk = try EarlyInterventionDesk(request)
        if stepName == "escalate" {
            let reason = fields.text("note", maxLength: 10_000)
            try fields.finish()
            _ = try await desk.escalate(id, reason: reason!)
        } else {
            guard let step = EarlyInterventionDesk.Step(rawValue: stepName) else { throw ProblemError.notFound }
            let when = fields.moment("at", calendar: calendar)
            let note = fields.text("note", maxLength: 10_000)
            let visitNeeded = step == .whatMatters ? (fields.flag("visit_needed") ?? false) : false
            let visitBy = step == .whatMatters ? fields.moment("visit_by", required: false, calendar: calendar) : nil
            try fields.finish()
            try await desk.record(step, on: id, at: when!, note: note!, visitNeeded: visitNeeded, visitBy: visitBy)
        }
        guard let item = try await EarlyInterventionRepository(request.db).find(id) else { throw ProblemError.notFound }
        return StepResult(id: item.id, state: item.state, nextDueAt: item.nextDue, escalationReferralId: item.escalation?.referralID)
    }

    struct EncompassList: Content {
        struct Line: Content {
            var id: UUID
            var referralId: UUID
            var childId: UUID?
            var childName: String
            var schoolAgencyId: UUID?
            var incidentAt: Date
            var dueBy: Date
            var status: EncompassStatus
            var seenAt: Date?
        }
        var items: [Line]
    }

    func encompass(_ request: Request) async throws -> EncompassList {
        let now = Date()
        return EncompassList(items: try await EncompassDesk(request).list().map { notification, referral in
            .init(
                id: notification.id, referralId: notification.referralID, childId: notification.childID,
                childName: referral.form.child.fullName, schoolAgencyId: notification.schoolAgencyID,
                incidentAt: notification.incidentAt, dueBy: notification.dueBy, status: notification.status(at: now),
                seenAt: notification.seenAt)
        })
    }

    func seen(_ request: Request) async throws -> Response {
        let id = try EncompassWebController.notificationID(request)
        try await EncompassDesk(request).mayReach(id)
        try await FieldReader.json(from: request).finish()
        try await EncompassDesk(request).markSeen(id)
        return Response(status: .noContent)
    }

}

extension HubMeetingAPIController {
    /// `{"attendance": [{"agency_id": …, "present": true, …}]}` read into one line per
    /// agency of the partnership, those left out absent (hub and MACE meetings alike).
    static func readAttendance(_ fields: inout FieldReader, agencies: [Agency]) async throws -> [HubMeetingAttendance] {
        var entries: [HubMeetingAttendance] = []
        if case .array(let items)? = fields.document("attendance") {
            for (index, item) in items.enumerated() {
                guard case .object(let object) = item else {
                    fields.note("attendance[\(index)]", .wrongType(expected: .object))
                    continue
                }
                var entry = FieldReader(json: object)
                let agency = entry.identifier("agency_id")
                let present = entry.flag("present")
                let name = entry.text("attendee_name", required: false, maxLength: 200) ?? ""
                let role = entry.text("attendee_role", required: false, maxLength: 200) ?? ""
                if present == nil { entry.note("present", .missing) }
                do { try entry.finish() } catch let failure as ValidationFailure {
                    for error in failure.errors { fields.note("attendance[\(index)].\(error.field)", error.problem) }
                    continue
                }
                entries.append(HubMeetingAttendance(
                    agencyID: agency!, present: present!, attendeeName: present! ? name : "", attendeeRole: present! ? role : ""))
            }
        } else {
            fields.note("attendance", .wrongType(expected: .array))
        }
        try fields.finish()
        let known = Set(agencies.map(\.id))
        guard entries.allSatisfy({ known.contains($0.agencyID) }) else {
            throw ValidationFailure([FieldError("attendance", .notAnIdentifier)])
        }
        let recorded = agencies.map { agency in
            entries.first { $0.agencyID == agency.id } ?? HubMeetingAttendance(agencyID: agency.id, present: false)
        }
        return recorded
    }
}
