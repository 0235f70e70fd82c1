import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The hub meeting pages: the list and the next scheduled time, the meeting with its
/// agenda, attendance and decisions, and its minutes in both languages.
struct HubMeetingWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "hub", "meetings", requires: .permission(.runHubMeetings), use: list)
        routes.on(.POST, "hub", "meetings", requires: .permission(.runHubMeetings), use: open)
        routes.on(.GET, "hub", "meetings", ":meetingID", requires: .permission(.runHubMeetings), use: show)
        routes.on(.POST, "hub", "meetings", ":meetingID", "attendance", requires: .permission(.runHubMeetings), use: attendance)
        routes.on(.POST, "hub", "meetings", ":meetingID", "items", ":referralID", "decision", requires: .permission(.decideReferrals),
            use: decide)
        routes.on(.GET, "hub", "meetings", ":meetingID", "close", requires: .permission(.runHubMeetings), use: confirmClose)
        routes.on(.POST, "hub", "meetings", ":meetingID", "close", requires: .permission(.runHubMeetings), use: close)
        routes.on(.GET, "hub", "meetings", ":meetingID", "minutes", requires: .permission(.runHubMeetings), use: minutes)
    }

    static func meetingID(_ request: Request) throws -> UUID {
        try request.identifier("meetingID")
    }

    struct ListContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var href: String
            var startsAt: String
            var items: Int
            var isClosed: Bool
        }
        var meetings: [Line]
        var nextTime: String
        var errors: [FormErrorContext]
    }

    func list(_ request: Request) async throws -> View {
        try await listPage(request, failure: nil)
    }

    private func listPage(_ request: Request, failure: ValidationFailure?) async throws -> View {
        let language = request.language
        let calendar = request.application.workingCalendar
        let next = HubMeetingSchedule().meetings(after: Date().addingTimeInterval(-3_600), count: 1, calendar: calendar).first ?? Date()
        return try await request.page("hub-meetings", titleKey: "meetings.title",
            ListContext(
                meetings: try await HubMeetingDesk(request).recent().map {
                    .init(href: "/hub/meetings/\($0.id.uuidString.lowercased())", startsAt: DateWording.dateTime($0.startsAt, language),
                        items: $0.items.count, isClosed: $0.isClosed)
                },
                nextTime: DateWording.inputValue(next),
                errors: request.formErrors(failure)))
    }

    func open(_ request: Request) async throws -> Response {
        var fields = FieldReader(form: try await request.submittedForm())
        let startsAt = fields.moment("starts_at", calendar: request.application.workingCalendar)
        do {
            try fields.finish()
            let meeting = try await HubMeetingDesk(request).open(startsAt: startsAt!)
            return request.redirect(to: "/hub/meetings/\(meeting.id.uuidString.lowercased())")
        } catch let failure as ValidationFailure {
            let response = try await listPage(request, failure: failure).encodeResponse(for: request)
            response.status = .unprocessableEntity
            return response
        }
    }

    struct MeetingContext: Encodable, Sendable {
        struct Item: Encodable, Sendable {
            var referralID: String
            var href: String
            var reference: String
            var childName: String
            var kindKey: String
            var outcomeKey: String?
            var lacking: [String]
            var requests: [RequestLine]
            var outcomes: [ChoiceOption]
        }
        struct Attendance: Encodable, Sendable {
            var agencyID: String
            var agencyName: String
            var present: Bool
            var name: String
            var role: String
        }
        var id: String
        var startsAt: String
        var chair: String
        var isClosed: Bool
        var items: [Item]
        var attendance: [Attendance]
        var attendanceAction: String
        var attendanceTaken: Bool
        var canDecide: Bool
        var errors: [FormErrorContext]
    }

    func show(_ request: Request) async throws -> Response {
        try await meetingPage(request, id: try Self.meetingID(request), failure: nil)
    }

    private func meetingPage(_ request: Request, id: UUID, failure: ValidationFailure?) async throws -> Response {
        let record = try await HubMeetingDesk(request).record(id)
        let language = request.language
        let user = try request.requireUser()
        let meeting = record.meeting
        let names = try await UserRepository(request.db).names(
            of: Set(record.requests.values.joined().compactMap { $0.answer?.answeredBy }))
        let now = Date()
        let agencyName = { (id: UUID) in record.agencies[id]?.name(in: language) ?? "" }
        let context = MeetingContext(
            id: id.uuidString.lowercased(), startsAt: DateWording.dateTime(meeting.startsAt, language), chair: record.chairName,
            isClosed: meeting.isClosed,
            items: meeting.items.sorted { $0.position < $1.position }.compactMap { item in
                guard let referral = record.referrals[item.referralID] else { return nil }
                return MeetingContext.Item(
                    referralID: referral.id.uuidString.lowercased(), href: "/referrals/\(referral.id.uuidString.lowercased())",
                    reference: referral.reference ?? "", childName: referral.form.child.fullName,
                    kindKey: "referral.kind.\(referral.kind.rawValue)",
                    outcomeKey: (item.outcome ?? referral.outcome).map { "decision.outcome.\($0.rawValue)" },
                    lacking: (record.lacking[item.referralID] ?? []).map(agencyName),
                    requests: (record.requests[item.referralID] ?? []).map {
                        RequestLine($0, agencyName: agencyName($0.agencyID), names: names, now: now, language: language)
                    },
                    outcomes: DecisionOutcome.allCases
                        .filter { $0 != .noFurtherActionWithEarlyIntervention || referral.kind == .policeProtectionNotice }
                        .map { ChoiceOption(value: $0.rawValue, labelKey: "decision.outcome.\($0.rawValue)") })
            },
            attendance: Self.attendanceRows(Array(record.agencies.values), meeting.attendance, language: language),
            attendanceAction: "/hub/meetings/\(id.uuidString.lowercased())/attendance",
            attendanceTaken: !meeting.attendance.isEmpty,
            canDecide: !meeting.isClosed && AccessPolicy().permits(user.actor, .decideReferrals),
            errors: request.formErrors(failure))
        return try await request.page("hub-meeting", titleKey: "meeting.title", titleArgument: context.startsAt, context,
            status: failure == nil ? .ok : .unprocessableEntity)
    }

    func after(
        _ request: Request, _ id: UUID, saved: SavedConfirmation, _ action: () async throws -> Void
    ) async throws -> Response {
        do {
            try await action()
            return request.redirect(to: "/hub/meetings/\(id.uuidString.lowercased())", saved: saved)
        } catch let failure as ValidationFailure {
            return try await meetingPage(request, id: id, failure: failure)
        }
    }

    /// Attendance comes as `present` (agency ids ticked) and `name-<agency id>`,
    /// `role-<agency id>` for each agency; an agency not ticked was absent.
    /// Every agency's line of an attendance form, as recorded so far (hub and MACE meetings alike).
    static func attendanceRows(
        _ agencies: [Agency], _ attendance: [HubMeetingAttendance], language: Language
    ) -> [MeetingContext.Attendance] {
        let recorded = Dictionary(attendance.map { ($0.agencyID, $0) }, uniquingKeysWith: { first, _ in first })
        return agencies.sorted { $0.name(in: language) < $1.name(in: language) }.map { agency in
            let entry = recorded[agency.id]
            return .init(
                agencyID: agency.id.uuidString.lowercased(), agencyName: agency.name(in: language),
                present: entry?.present ?? false, name: entry?.attendeeName ?? "", role: entry?.attendeeRole ?? "")
        }
    }

    static func readAttendance(_ fields: inout FieldReader, agencies: [Agency]) -> [HubMeetingAttendance] {
        let present = Set(fields.identifiers("present", required: false) ?? [])
        return agencies.map { agency in
            let key = agency.id.uuidString.lowercased()
            let name = fields.text("name-\(key)", required: false, maxLength: 200) ?? ""
            let role = fields.text("role-\(key)", required: false, maxLength: 200) ?? ""
            let isPresent = present.contains(agency.id)
            return HubMeetingAttendance(
                agencyID: agency.id, present: isPresent, attendeeName: isPresent ? name : "", attendeeRole: isPresent ? role : "")
        }
    }

    func attendance(_ request: Request) async throws -> Response {
        let id = try Self.meetingID(request)
        var fields = FieldReader(form: try await request.submittedForm())
        let agencies = try await request.agencies()
        let attendance = Self.readAttendance(&fields, agencies: agencies)
        return try await after(request, id, saved: .attendance) {
            try fields.finish()
            try await HubMeetingDesk(request).recordAttendance(id, attendance)
        }
    }

    func decide(_ request: Request) async throws -> Response {
        let id = try Self.meetingID(request)
        let referralID = try ReferralAPIController.referralID(request)
        var fields = FieldReader(form: try await request.submittedForm())
        let outcome = fields.choice("outcome", as: DecisionOutcome.self)
        let reasons = fields.text("reasons", maxLength: 10_000)
        let disagree = fields.flag("agencies_disagree") ?? false
        return try await after(request, id, saved: .decided) {
            try fields.finish()
            try await HubMeetingDesk(request).requireOnAgenda(id, referralID)
            do {
                _ = try await ReferralDesk(request).decide(referralID, outcome: outcome!, reasons: reasons!, agenciesDisagree: disagree)
            } catch ReferralDeskError.rule(let rule) {
                throw ValidationFailure([FieldError("outcome", .invalid("problem.decision.\(rule)"))])
            }
        }
    }


    struct MinutesContext: Encodable, Sendable {
        struct Version: Encodable, Sendable {
            var language: String
            var heading: String
            var chair: String
            var presentLabel: String
            var present: [String]
            var absentLabel: String
            var absent: [String]
            var items: [HubMeetingMinutes.Item]
        }
        var versions: [Version]
        var isClosed: Bool
        var sent: String
    }

    func minutes(_ request: Request) async throws -> View {
        let record = try await HubMeetingDesk(request).record(try Self.meetingID(request))
        let catalogue = request.application.catalogue
        let reader = request.language
        let ordered = [reader] + Language.allCases.filter { $0 != reader }
        return try await request.page("hub-meeting-minutes", titleKey: "minutes.title",
            MinutesContext(
                versions: ordered.map { language in
                    let minutes = HubMeetingMinutes(record: record, language: language, catalogue: catalogue)
                    return .init(
                        language: language.rawValue, heading: minutes.heading, chair: minutes.chair,
                        presentLabel: minutes.presentLabel, present: minutes.present, absentLabel: minutes.absentLabel,
                        absent: minutes.absent, items: minutes.items)
                },
                isClosed: record.meeting.isClosed,
                sent: record.meeting.minutesSentAt.map { DateWording.dateTime($0, reader) } ?? ""))
    }
}
