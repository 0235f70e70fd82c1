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
            var childName: String?
            var childHref: String?
            var why: String
        }
        var child: String
        var user: String
        var from: String
        var until: String
        var actions: [ChoiceOption]
        var searched: Bool
        var total: Int
        var first: Int
        var last: Int
        var matchedChildren: String
        var matchedPeople: String
        var olderHref: String?
        var newerHref: String?
        var lines: [Line]
        var errors: [FormErrorContext]
    }

    /// Entries on one page of results.
    static let pageSize = 50

    /// "Who looked at Cerys Jones last week?": the child and the person are asked by
    /// name (or by the id a link carries), the answer is paged, and each line says who,
    /// which child by name (when the auditor may open the record) and why, in words.
    func search(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        let text = { (name: String) in (request.query[String.self, at: name] ?? "").trimmingCharacters(in: .whitespaces) }
        let (childText, userText, fromText, untilText, actionText) = (text("child"), text("user"), text("from"),
            text("until"), text("action"))
        let page = max(1, min(request.query[Int.self, at: "page"] ?? 1, 10_000))
        var errors: [FieldError] = []
        let from = fromText.isEmpty ? nil : CalendarDay(typed: fromText)
        if !fromText.isEmpty, from == nil { errors.append(FieldError("from", .notADate)) }
        let until = untilText.isEmpty ? nil : CalendarDay(typed: untilText)
        if !untilText.isEmpty, until == nil { errors.append(FieldError("until", .notADate)) }
        let action = actionText.isEmpty ? nil : AuditAction(rawValue: actionText)
        if !actionText.isEmpty, action == nil { errors.append(FieldError("action", .invalid("error.field.not_in_list"))) }
        let children = try await childrenNamed(childText, on: request)
        if !childText.isEmpty, children?.isEmpty == true { errors.append(FieldError("child", .invalid("error.audit.no_child"))) }
        let people = try await peopleNamed(userText, on: request)
        if !userText.isEmpty, people?.isEmpty == true { errors.append(FieldError("user", .invalid("error.audit.no_person"))) }
        let language = request.language
        var context = AuditContext(
            child: childText, user: userText, from: fromText, until: untilText,
            actions: AuditAction.allCases.map {
                .init(value: $0.rawValue, labelKey: "audit.action.\($0.rawValue)", isSelected: $0 == action)
            }, searched: false, total: 0, first: 0, last: 0,
            matchedChildren: Self.named(children),
            matchedPeople: Self.named(people),
            lines: [], errors: request.formErrors(errors.isEmpty ? nil : ValidationFailure(errors)))
        guard errors.isEmpty else {
            return try await request.page("audit", titleKey: "audit.title", context, status: .unprocessableEntity)
        }
        let query = AuditQuery(
            childIDs: children.map { $0.map(\.id) }, actorUserIDs: people.map { $0.map(\.id) }, action: action,
            from: from.map(Self.startOfDay), until: until.map { Self.startOfDay($0).addingTimeInterval(86_400) },
            limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        let entries = try await AuditTrail.search(query, on: request.db)
        let total = try await AuditTrail.count(query, on: request.db)
        let agencies = try await request.agenciesByID()
        let childNames = try await openableNames(of: Set(entries.compactMap(\.event.childID)), as: user, on: request)
        let why = try await AuditWhy(for: entries.map(\.event), on: request)
        context.searched = [childText, userText, fromText, untilText, actionText].contains { !$0.isEmpty }
        context.total = total
        context.first = entries.isEmpty ? 0 : query.offset + 1
        context.last = query.offset + entries.count
        let filters = [("child", childText), ("user", userText), ("action", actionText), ("from", fromText), ("until", untilText)]
        if context.last < total { context.olderHref = LocalPath.path("/audit", query: filters + [("page", String(page + 1))]) }
        if page > 1 { context.newerHref = LocalPath.path("/audit", query: filters + [("page", page == 2 ? "" : String(page - 1))]) }
        context.lines = entries.map { entry in
            let childID = entry.event.childID
            let name = childID.flatMap { childNames[$0] }
            return .init(
                sequence: entry.sequence, when: DateWording.dateTime(entry.event.occurredAt, language),
                who: entry.event.actorName,
                agencyName: entry.event.agencyID.flatMap { agencies[$0]?.name(in: language) } ?? "",
                actionKey: "audit.action.\(entry.event.action.rawValue)",
                childName: childID == nil ? nil : name ?? request.t("audit.child_restricted"),
                childHref: name == nil ? nil : childID.map { "/children/\($0.uuidString.lowercased())" },
                why: why.text(for: entry.event))
        }
        let requestID = request.requestID
        let singleChild = children?.count == 1 ? children?.first?.id : nil
        let singlePerson = people?.count == 1 ? people?.first?.id : nil
        try await request.store.transaction { db in
            try await AuditTrail.append(
                user.auditEvent(.auditTrailSearched, childID: singleChild, subjectID: singlePerson,
                    detail: "results=\(total)", requestID: requestID), on: db)
        }
        return try await request.page("audit", titleKey: "audit.title", context, status: .ok)
    }

    /// The children a name or id in the child filter stands for, among those the auditor
    /// may open; nil when the filter is empty. A search by name is itself a search of
    /// the child index, audited as one.
    private func childrenNamed(_ text: String, on request: Request) async throws -> [(id: UUID, name: String)]? {
        guard !text.isEmpty else { return nil }
        let desk = try ChildRecordDesk(request)
        if let id = UUID(uuidString: text) {
            guard try await ChildRecordDesk.mayOpen(id, as: desk.user, on: request.db),
                let child = try await ChildRepository(request.db).find(id)
            else { return [] }
            return [(id, child.fullName)]
        }
        do {
            return try await desk.search(text: text, dateOfBirth: nil).results.map { ($0.id, $0.fullName) }
        } catch is ValidationFailure {
            return []
        }
    }

    /// The accounts whose name or username contains the text, or the one its id names.
    private func peopleNamed(_ text: String, on request: Request) async throws -> [(id: UUID, name: String)]? {
        guard !text.isEmpty else { return nil }
        let accounts = try await UserRepository(request.db).all()
        if let id = UUID(uuidString: text) { return accounts.filter { $0.id == id }.map { ($0.id, $0.displayName) } }
        let folded = Self.fold(text)
        return accounts.filter { Self.fold($0.displayName).contains(folded) || Self.fold($0.username).contains(folded) }
            .map { ($0.id, $0.displayName) }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// The names a name search stood for, so the auditor sees whom the results are about.
    private static func named(_ found: [(id: UUID, name: String)]?) -> String {
        guard let found, !found.isEmpty else { return "" }
        return found.prefix(10).map(\.name).joined(separator: ", ") + (found.count > 10 ? " …" : "")
    }

    /// The names of the children on a page of entries that the auditor may open; a
    /// restricted record they may not open keeps its name to itself.
    private func openableNames(of ids: Set<UUID>, as user: SignedInUser, on request: Request) async throws -> [UUID: String] {
        try await VisibleChildren.named(ids, for: user, on: request.db).mapValues(\.fullName)
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
