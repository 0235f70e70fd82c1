import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Finding a child and reading their record, with the break-glass and restriction forms.
struct ChildWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "children", requires: .permission(.searchChildren), use: search)
        routes.on(.GET, "children", ":childID", requires: .permission(.viewChildRecord), use: record)
        routes.on(.POST, "children", ":childID", "break-glass", requires: .permission(.breakGlass), use: breakGlass)
        routes.on(.POST, "children", ":childID", "restriction", requires: .permission(.restrictRecords), use: restrict)
        routes.on(.POST, "children", ":childID", "access-grants", requires: .permission(.restrictRecords), use: grant)
        routes.on(.POST, "children", ":childID", "merges", requires: .permission(.mergeRecords), use: merge)
        routes.on(.POST, "children", ":childID", "unmerge", requires: .permission(.mergeRecords), use: unmerge)
    }

    struct SearchContext: Encodable, Sendable {
        struct Line: Encodable, Sendable {
            var href: String
            var name: String
            var dateOfBirth: String
            var postcode: String
            var isRestricted: Bool
        }
        var query: String
        var dateOfBirth: String
        var searched: Bool
        var lines: [Line]
        /// A restricted record also matched: said once, with nothing of the record.
        var restrictedMayMatch = false
        var errors: [FormErrorContext]
    }

    func search(_ request: Request) async throws -> Response {
        let query = (request.query[String.self, at: "q"] ?? "").trimmingCharacters(in: .whitespaces)
        let dobText = (request.query[String.self, at: "dob"] ?? "").trimmingCharacters(in: .whitespaces)
        var context = SearchContext(query: query, dateOfBirth: dobText, searched: false, lines: [], errors: [])
        var errors: [FieldError] = []
        if FieldReader.length(query) > 100 { errors.append(FieldError("q", .tooLong(maximum: 100))) }
        let dob = dobText.isEmpty ? nil : CalendarDay(typed: dobText)
        if !dobText.isEmpty, dob == nil { errors.append(FieldError("dob", .notADate)) }
        if !errors.isEmpty {
            context.errors = request.formErrors(ValidationFailure(errors))
        } else if !query.isEmpty || dob != nil {
            let language = request.language
            do {
                let outcome = try await ChildRecordDesk(request).search(text: query, dateOfBirth: dob)
                context.searched = true
                context.restrictedMayMatch = outcome.restrictedMayMatch
                context.lines = outcome.results.map { result in
                    .init(
                        href: "/children/\(result.id.uuidString.lowercased())", name: result.fullName,
                        dateOfBirth: result.dateOfBirth.map { DateWording.date($0, language) } ?? "",
                        postcode: result.postcode, isRestricted: result.isRestricted)
                }
            } catch let failure as ValidationFailure {
                context.errors = request.formErrors(failure)
            }
        }
        return try await request.page(
            "children", titleKey: "children.title", context, status: context.errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct BreakGlassContext: Encodable, Sendable {
        var id: String
        var errors: [FormErrorContext]
        var reason: String
        /// Restricted, or only not a child the reader's agency works with: the page says
        /// which, since telling a lead an open record "is restricted" was not true.
        var isRestricted: Bool

        var titleKey: String { isRestricted ? "breakglass.title" : "breakglass.not_involved.title" }
    }

    func record(_ request: Request) async throws -> Response {
        let childID = try Self.childID(request)
        let desk = try ChildRecordDesk(request)
        // A duplicate merged into another record is read through the record it joined.
        switch try await desk.open(childID, followingMerges: true) {
        case .merged(let kept):
            return request.redirect(to: "/children/\(kept.uuidString.lowercased())")
        case .breakGlassRequired(let child):
            let context = BreakGlassContext(id: childID.uuidString.lowercased(), errors: [], reason: "", isRestricted: child.isRestricted)
            return try await request.page("break-glass", titleKey: context.titleKey, context, status: .forbidden)
        case .opened(let summary, let basis):
            let audit = try await desk.auditOfChild(childID)
            // The flags first: the chronology reuses what they read.
            try await request.showFlags(of: summary)
            let context = try await ChildRecordContext.make(summary: summary, basis: basis, audit: audit, for: request)
            return try await request.page("child", titleKey: "child.title", titleArgument: summary.child.fullName, context)
                .encodeResponse(for: request)
        }
    }

    func breakGlass(_ request: Request) async throws -> Response {
        let childID = try Self.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = FieldReader(form: try await request.submittedForm())
        let reason = fields.text("reason", maxLength: 1_000)
        if let reason, FieldReader.length(reason) < 10 { fields.note("reason", .tooShort(minimum: 10)) }
        do { try fields.finish() } catch let failure as ValidationFailure {
            let isRestricted = try await ChildRepository(request.db).find(childID)?.isRestricted ?? true
            let context = BreakGlassContext(
                id: childID.uuidString.lowercased(), errors: request.formErrors(failure), reason: reason ?? "",
                isRestricted: isRestricted)
            return try await request.page("break-glass", titleKey: context.titleKey, context, status: .unprocessableEntity)
        }
        try await ChildRecordDesk(request).breakGlass(childID, reason: reason!)
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())")
    }

    func restrict(_ request: Request) async throws -> Response {
        let childID = try Self.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = FieldReader(form: try await request.submittedForm())
        let restricted = fields.flag("restricted")
        let reason = fields.text("reason", maxLength: 1_000)
        if restricted == nil { fields.note("restricted", .missing) }
        try fields.finish()
        try await ChildRecordDesk(request).setRestricted(restricted!, childID: childID, reason: reason!)
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())", saved: .saved)
    }

    func grant(_ request: Request) async throws -> Response {
        let childID = try Self.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = FieldReader(form: try await request.submittedForm())
        let userID = fields.identifier("user_id")
        let reason = fields.text("reason", maxLength: 1_000)
        try fields.finish()
        try await ChildRecordDesk(request).grantAccess(childID: childID, to: userID!, reason: reason!)
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())", saved: .saved)
    }

    func merge(_ request: Request) async throws -> Response {
        let childID = try Self.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = FieldReader(form: try await request.submittedForm())
        let mergedID = fields.identifier("merged_child_id")
        let reason = fields.text("reason", maxLength: 1_000)
        let confirmed = fields.flag("confirm_conflicts") ?? false
        try fields.finish()
        try await RecordMergeDesk(request).merge(mergedID!, into: childID, reason: reason!, conflictsConfirmed: confirmed)
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())", saved: .saved)
    }

    func unmerge(_ request: Request) async throws -> Response {
        let childID = try Self.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = FieldReader(form: try await request.submittedForm())
        let mergedID = fields.identifier("merged_child_id")
        let reason = fields.text("reason", maxLength: 1_000)
        try fields.finish()
        try await RecordMergeDesk(request).unmerge(mergedID!, from: childID, reason: reason!)
        return request.redirect(to: "/children/\(childID.uuidString.lowercased())", saved: .saved)
    }

    static func childID(_ request: Request) throws -> UUID {
        try request.identifier("childID")
    }
}
