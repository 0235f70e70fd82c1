import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Operation Encompass notifications: a school's lead sees their own and records that
/// they saw each; the hub sees all and names the school where the record does not.
struct EncompassWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "encompass", requires: .permission(.acknowledgeEncompass), use: list)
        routes.on(.POST, "encompass", ":notificationID", "seen", requires: .permission(.acknowledgeEncompass), use: seen)
        routes.on(.POST, "encompass", ":notificationID", "school", requires: .permission(.screenReferrals), use: school)
    }

    static func notificationID(_ request: Request) throws -> UUID {
        try request.identifier("notificationID")
    }

    struct ListContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var id: String
            var childName: String
            var dateOfBirth: String
            var reference: String
            var schoolName: String
            var incident: String
            var dueBy: String
            var statusKey: String
            var isOverdue: Bool
            var seen: String
            var canMarkSeen: Bool
            var needsSchool: Bool
        }
        var isHub: Bool
        var lines: [Line]
        var schools: [AgencyChoice]
        var errors: [FormErrorContext]
    }

    func list(_ request: Request) async throws -> View {
        try await listPage(request, failure: nil)
    }

    private func listPage(_ request: Request, failure: ValidationFailure?) async throws -> View {
        let desk = try EncompassDesk(request)
        let language = request.language, now = Date()
        let agencies = try await request.agencies()
        let byID = Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0) })
        let lines = try await desk.list().map { notification, referral in
            let status = notification.status(at: now)
            return ListContext.Line(
                id: notification.id.uuidString.lowercased(), childName: referral.form.child.fullName,
                dateOfBirth: referral.form.child.dateOfBirth.map { DateWording.date($0, language) } ?? "",
                reference: referral.reference ?? "",
                schoolName: notification.schoolAgencyID.flatMap { byID[$0]?.name(in: language) } ?? "",
                incident: DateWording.dateTime(notification.incidentAt, language),
                dueBy: DateWording.dateTime(notification.dueBy, language), statusKey: status.key,
                isOverdue: status == .overdue || status == .seenLate,
                seen: notification.seenAt.map { DateWording.dateTime($0, language) } ?? "",
                canMarkSeen: notification.seenAt == nil && notification.schoolAgencyID == desk.user.agency.id,
                needsSchool: desk.isHub && notification.schoolAgencyID == nil)
        }
        return try await request.page("encompass", titleKey: "encompass.title",
            ListContext(
                isHub: desk.isHub, lines: lines,
                schools: agencies.filter { $0.kind == .school }.map {
                    AgencyChoice(value: $0.id.uuidString.lowercased(), name: $0.name(in: language), isSuggested: false)
                },
                errors: request.formErrors(failure)))
    }

    func seen(_ request: Request) async throws -> Response {
        let id = try Self.notificationID(request)
        try await EncompassDesk(request).mayReach(id)
        try FieldReader(form: try await request.submittedForm()).finish()
        try await EncompassDesk(request).markSeen(id)
        return request.redirect(to: "/encompass", saved: .saved)
    }

    func school(_ request: Request) async throws -> Response {
        let id = try Self.notificationID(request)
        guard try await EncompassRepository(request.db).find(id) != nil else { throw ProblemError.notFound }
        var fields = FieldReader(form: try await request.submittedForm())
        let school = fields.identifier("school_id")
        do {
            try fields.finish()
            try await EncompassDesk(request).assignSchool(id, schoolID: school!)
            return request.redirect(to: "/encompass", saved: .saved)
        } catch let failure as ValidationFailure {
            let response = try await listPage(request, failure: failure).encodeResponse(for: request)
            response.status = .unprocessableEntity
            return response
        }
    }
}
