import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The audit trail search for auditors ("who looked at this child?") and the alerts
/// page for hub managers.
struct AuditWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "audit", requires: .permission(.searchAuditTrail), use: search)
        routes.on(.GET, "alerts", requires: .permission(.viewAlerts), use: alerts)
    }

    struct AuditContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var sequence: Int64
            var when: String
            var who: String
            var agencyName: String
            var actionKey: String
            var childHref: String?
            var reason: String
            var detail: String
        }
        var childID: String
        var userID: String
        var from: String
        var until: String
        var actions: [ChoiceOption]
        var searched: Bool
        var lines: [Line]
        var errors: [FormErrorContext]
    }

    func search(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let text = { (name: String) in (request.query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespaces) }
        let (childText, userText, fromText, untilText, actionText) = (text("child"), text("user"), text("from"),
            text("until"), text("action"))
        var errors: [FieldError] = []
        let childID = childText.isEmpty ? nil : UUID(uuidString: childText)
        if !childText.isEmpty, childID == nil { errors.append(FieldError("child", .notAnIdentifier)) }
        let userID = userText.isEmpty ? nil : UUID(uuidString: userText)
        if !userText.isEmpty, userID == nil { errors.append(FieldError("user", .notAnIdentifier)) }
        let from = fromText.isEmpty ? nil : CalendarDay(iso8601: fromText)
        if !fromText.isEmpty, from == nil { errors.append(FieldError("from", .notADate)) }
        let until = untilText.isEmpty ? nil : CalendarDay(iso8601: untilText)
        if !untilText.isEmpty, until == nil { errors.append(FieldError("until", .notADate)) }
        let action = actionText.isEmpty ? nil : AuditAction(rawValue: actionText)
        if !actionText.isEmpty, action == nil { errors.append(FieldError("action", .invalid("error.field.not_in_list"))) }
        var context = AuditContext(
            childID: childText, userID: userText, from: fromText, until: untilText,
            actions: AuditAction.allCases.map {
                .init(value: $0.rawValue, labelKey: "audit.action.\($0.rawValue)", isSelected: $0 == action)
            }, searched: false, lines: [], errors: request.formErrors(errors.isEmpty ? nil : ValidationFailure(errors)))
        let searching = [childText, userText, fromText, untilText, actionText].contains { !$0.isEmpty }
        if errors.isEmpty {
            let query = AuditQuery(
                childID: childID, actorUserID: userID, action: action, from: from.map(Self.startOfDay),
                until: until.map { Self.startOfDay($0).addingTimeInterval(86_400) })
            let entries = try await AuditTrail.search(query, on: request.db)
            let agencies = try await request.agenciesByID()
            let language = request.language
            context.searched = searching
            context.lines = entries.map { entry in
                .init(
                    sequence: entry.sequence, when: DateWording.dateTime(entry.event.occurredAt, language),
                    who: entry.event.actorName,
                    agencyName: entry.event.agencyID.flatMap { agencies[$0]?.name(in: language) } ?? "",
                    actionKey: "audit.action.\(entry.event.action.rawValue)",
                    childHref: entry.event.childID.map { "/children/\($0.uuidString.lowercased())" },
                    reason: entry.event.reason, detail: entry.event.detail)
            }
            let requestID = request.requestID
            try await request.store.transaction { db in
                try await AuditTrail.append(
                    user.auditEvent(.auditTrailSearched, childID: childID, subjectID: userID,
                        detail: "results=\(entries.count)", requestID: requestID), on: db)
            }
        }
        return try await request.page(
            "audit", titleKey: "audit.title", context, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static func startOfDay(_ date: CalendarDay) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DateWording.london
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }

    struct AlertsContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var when: String
            var kindKey: String
            var raisedBy: String
            var reason: String
            var childHref: String?
        }
        var lines: [Line]
    }

    func alerts(_ request: Request) async throws -> View {
        let alerts = try await AlertRepository(request.db).recent()
        let users = try await UserRepository(request.db).names(of: Set(alerts.map(\.raisedBy)))
        let language = request.language
        let context = AlertsContext(lines: alerts.map { alert in
            .init(
                when: DateWording.dateTime(alert.raisedAt, language), kindKey: "alert.kind.\(alert.kind.rawValue)",
                raisedBy: users[alert.raisedBy] ?? "", reason: alert.reason,
                childHref: alert.childID.map { "/children/\($0.uuidString.lowercased())" })
        })
        return try await request.page("alerts", titleKey: "alerts.title", context)
    }
}
