import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/children`: the same searches, records and controls as the pages.
struct ChildAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let children = routes.grouped("children")
        children.on(.GET, requires: .permission(.searchChildren), use: search)
        children.on(.GET, ":childID", requires: .permission(.viewChildRecord), use: record)
        children.on(.GET, ":childID", "audit", requires: .permission(.viewChildAudit), use: audit)
        children.on(.POST, ":childID", "break-glass", requires: .permission(.breakGlass), use: breakGlass)
        children.on(.PUT, ":childID", "restriction", requires: .permission(.restrictRecords), use: restrict)
        children.on(.POST, ":childID", "access-grants", requires: .permission(.restrictRecords), use: grant)
        children.on(.POST, ":childID", "merges", requires: .permission(.mergeRecords), use: merge)
        children.on(.POST, ":childID", "unmerge", requires: .permission(.mergeRecords), use: unmerge)
    }

    func search(_ request: Request) async throws -> ChildSearchResponse {
        var fields = FieldReader.query(of: request)
        let text = fields.text("q", required: false, maxLength: 100) ?? ""
        let dob = fields.date("dob", required: false)
        if text.isEmpty, dob == nil, !fields.errors.contains(where: { $0.field == "dob" }) { fields.note("q", .missing) }
        try fields.finish()
        let outcome = try await ChildRecordDesk(request).search(text: text, dateOfBirth: dob)
        return ChildSearchResponse(
            results: outcome.results.map { result in
                .init(id: result.id, restricted: result.isRestricted, name: result.fullName,
                    dateOfBirth: result.dateOfBirth?.iso, postcode: result.postcode)
            },
            restrictedMayMatch: outcome.restrictedMayMatch)
    }

    func record(_ request: Request) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        switch try await ChildRecordDesk(request).open(childID, followingMerges: true) {
        case .merged(let kept):
            return request.redirect(to: "/api/v1/children/\(kept.uuidString.lowercased())")
        case .breakGlassRequired:
            return ProblemDetails.response(ProblemDetails(
                type: "https://diogelu.cymru/problems/break_glass_required", title: request.t("problem.break_glass_required"),
                status: 403, detail: request.t("problem.break_glass_required.detail")), for: request)
        case .opened(let summary, let basis):
            let flags = try await request.showFlags(of: summary)
            return try await ChildResponse(summary, basis: basis, flags: flags).encodeResponse(for: request)
        }
    }

    func audit(_ request: Request) async throws -> AuditListResponse {
        let childID = try ChildWebController.childID(request)
        let desk = try ChildRecordDesk(request)
        // Seeing who looked at a child is itself a read of the child's record.
        guard case .opened = try await desk.open(childID) else { throw ProblemError.forbidden }
        return AuditListResponse(entries: try await desk.auditOfChild(childID).map(AuditEntryResponse.init))
    }

    func breakGlass(_ request: Request) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = try await FieldReader.json(from: request)
        let reason = fields.text("reason", maxLength: 1_000)
        if let reason, FieldReader.length(reason) < 10 { fields.note("reason", .tooShort(minimum: 10)) }
        try fields.finish()
        try await ChildRecordDesk(request).breakGlass(childID, reason: reason!)
        return try await record(request)
    }

    func restrict(_ request: Request) async throws -> HTTPStatus {
        let childID = try ChildWebController.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = try await FieldReader.json(from: request)
        let restricted = fields.flag("restricted")
        let reason = fields.text("reason", maxLength: 1_000)
        if restricted == nil { fields.note("restricted", .missing) }
        try fields.finish()
        try await ChildRecordDesk(request).setRestricted(restricted!, childID: childID, reason: reason!)
        return .noContent
    }

    /// `{"merged_child_id": "…", "reason": "…", "confirm_conflicts": false}`: merges a duplicate
    /// into this record. Conflicting identifiers are refused, named, unless confirmed.
    func merge(_ request: Request) async throws -> HTTPStatus {
        let childID = try ChildWebController.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = try await FieldReader.json(from: request)
        let mergedID = fields.identifier("merged_child_id")
        let reason = fields.text("reason", maxLength: 1_000)
        let confirmed = fields.flag("confirm_conflicts") ?? false
        try fields.finish()
        try await RecordMergeDesk(request).merge(mergedID!, into: childID, reason: reason!, conflictsConfirmed: confirmed)
        return .created
    }

    func unmerge(_ request: Request) async throws -> HTTPStatus {
        let childID = try ChildWebController.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = try await FieldReader.json(from: request)
        let mergedID = fields.identifier("merged_child_id")
        let reason = fields.text("reason", maxLength: 1_000)
        try fields.finish()
        try await RecordMergeDesk(request).unmerge(mergedID!, from: childID, reason: reason!)
        return .noContent
    }

    func grant(_ request: Request) async throws -> HTTPStatus {
        let childID = try ChildWebController.childID(request)
        try await ChildRecordDesk(request).requireRecord(childID)
        var fields = try await FieldReader.json(from: request)
        let userID = fields.identifier("user_id")
        let reason = fields.text("reason", maxLength: 1_000)
        try fields.finish()
        try await ChildRecordDesk(request).grantAccess(childID: childID, to: userID!, reason: reason!)
        return .created
    }
}
