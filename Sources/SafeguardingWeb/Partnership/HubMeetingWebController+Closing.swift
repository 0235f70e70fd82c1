import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Closing a meeting sends its minutes to every attendee and cannot be undone, so it is
/// asked twice: the meeting's button leads to a page that says what closing now would
/// leave (items undecided and carried forward, a meeting not yet held), and only its
/// own button, which says "yes", closes.
extension HubMeetingWebController {
    struct CloseContext: Encodable, Sendable {
        struct Undecided: Encodable, Sendable {
            var childName: String
            var reference: String
        }
        var id: String
        var startsAt: String
        var notYetHeld: Bool
        var noAttendance: Bool
        var undecided: [Undecided]
        var undecidedText: String
        var errors: [FormErrorContext]
    }

    func confirmClose(_ request: Request) async throws -> Response {
        try await closePage(request, id: try Self.meetingID(request), failure: nil)
    }

    func closePage(_ request: Request, id: UUID, failure: ValidationFailure?) async throws -> Response {
        let record = try await HubMeetingDesk(request).record(id)
        let meeting = record.meeting
        let meetingPath = "/hub/meetings/\(id.uuidString.lowercased())"
        if meeting.isClosed { return request.redirect(to: meetingPath) }
        let refusal = HubMeetingError.closingRefusal(meeting, now: Date())
        let undecided = meeting.items.filter { $0.outcome == nil }.count
        let context = CloseContext(
            id: id.uuidString.lowercased(), startsAt: DateWording.dateTime(meeting.startsAt, request.language),
            notYetHeld: refusal == .notYetHeld, noAttendance: refusal == .noAttendance,
            undecided: meeting.items.sorted { $0.position < $1.position }.filter { $0.outcome == nil }.compactMap { item in
                record.referrals[item.referralID].map {
                    .init(childName: $0.form.child.fullName, reference: $0.reference ?? "")
                }
            },
            undecidedText: request.application.catalogue.counted("meeting.close.undecided", undecided, request.language),
            errors: request.formErrors(failure))
        return try await request.page(
            "hub-meeting-close", titleKey: "meeting.close.title", context, status: failure == nil ? .ok : .unprocessableEntity)
    }

    /// Closes only with the confirmation page's "yes"; the meeting page's own button,
    /// or a form without it, is shown the confirmation instead.
    func close(_ request: Request) async throws -> Response {
        let id = try Self.meetingID(request)
        try await HubMeetingDesk(request).mayReach(id)
        var fields = FieldReader(form: try await request.submittedForm())
        let confirmed = fields.flag("confirmed") ?? false
        try fields.finish()
        guard confirmed else { return try await closePage(request, id: id, failure: nil) }
        do {
            try await HubMeetingDesk(request).close(id)
        } catch let failure as ValidationFailure {
            return try await closePage(request, id: id, failure: failure)
        }
        return request.redirect(to: "/hub/meetings/\(id.uuidString.lowercased())/minutes", saved: .meetingClosed)
    }
}
