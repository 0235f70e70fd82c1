import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/me`, `/api/v1/audit` and `/api/v1/alerts`.
struct AccountAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "me", requires: .permission(.useAccount), use: me)
        routes.on(.POST, "me", "tokens", requires: .permission(.useAccount), use: issueOwnToken)
        routes.on(.GET, "audit", requires: .permission(.searchAuditTrail), use: audit)
        routes.on(.GET, "alerts", requires: .permission(.viewAlerts), use: alerts)
    }

    func me(_ request: Request) async throws -> MeResponse {
        let user = try request.requireUser()
        let policy = AccessPolicy()
        let alerts = policy.permits(user.actor, .viewAlerts)
            ? try await AlertRepository(request.db).recent().filter { $0.acknowledgedAt == nil }.count : nil
        return MeResponse(
            user: UserResponse(user.account), agency: AgencyResponse(user.agency),
            effectiveRoles: policy.effectiveRoles(of: user.actor).sorted(),
            permissions: Permission.allCases.filter { policy.permits(user.actor, $0) }, unacknowledgedAlerts: alerts)
    }

    /// A person issues their own API token: it acts, and is audited, as them.
    func issueOwnToken(_ request: Request) async throws -> Response {
        let user = try request.requireUser()
        var fields = try await FieldReader.json(from: request)
        let label = fields.text("label", maxLength: 120)
        let validDays = fields.integer("valid_for_days", required: false, in: 1...366)
        try fields.finish()
        let requestID = request.requestID
        let (token, issued) = try await request.store.transaction { db in
            try await APITokenIssuer.issue(
                for: user.account.id, label: label!, issuedBy: user.account.id, validFor: validDays.map { Double($0) * 86_400 },
                audit: { id in user.auditEvent(.apiTokenIssued, subjectID: id, detail: "own", requestID: requestID) }, on: db)
        }
        let response = try await TokenResponse(issued, token: token).encodeResponse(for: request)
        response.status = .created
        return response
    }

    func audit(_ request: Request) async throws -> AuditListResponse {
        let user = try request.requireUser()
        var fields = FieldReader.query(of: request)
        let childID = fields.identifier("child", required: false)
        let userID = fields.identifier("user", required: false)
        let action = fields.choice("action", as: AuditAction.self, required: false)
        let from = fields.date("from", required: false)
        let until = fields.date("until", required: false)
        let limit = fields.integer("limit", required: false, in: 1...5_000)
        try fields.finish()
        let query = AuditQuery(
            childID: childID, actorUserID: userID, action: action, from: from.map(AuditWebController.startOfDay),
            until: until.map { AuditWebController.startOfDay($0).addingTimeInterval(86_400) }, limit: limit ?? 200)
        let entries = try await AuditTrail.search(query, on: request.db)
        let requestID = request.requestID
        try await request.store.transaction { db in
            try await AuditTrail.append(
                user.auditEvent(.auditTrailSearched, childID: childID, subjectID: userID,
                    detail: "results=\(entries.count)", requestID: requestID), on: db)
        }
        return AuditListResponse(entries: entries.map(AuditEntryResponse.init))
    }

    func alerts(_ request: Request) async throws -> ListResponse<AlertResponse> {
        ListResponse(items: try await AlertRepository(request.db).recent().map(AlertResponse.init))
    }
}
