import Fluent
import Foundation
import PersonMatching
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1/referrals` and `/api/v1/hub/queue`: intake, screening and decisions.
struct ReferralAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let referrals = routes.grouped("referrals")
        referrals.on(.POST, requires: .permission(.submitReferral), use: create)
        referrals.on(.GET, "mine", requires: .permission(.submitReferral), use: mine)
        referrals.on(.GET, ":referralID", requires: .permission(.submitReferral), use: show)
        referrals.on(.PUT, ":referralID", requires: .permission(.submitReferral), use: update)
        referrals.on(.POST, ":referralID", "submit", requires: .permission(.submitReferral), use: submit)
        referrals.on(.POST, ":referralID", "additions", requires: .permission(.submitReferral), use: addTo)
        referrals.on(.POST, ":referralID", "decision", requires: .permission(.decideReferrals), use: decide)
        referrals.on(.POST, ":referralID", "sign-off", requires: .permission(.signOffDecisions), use: signOff)
        referrals.on(.GET, ":referralID", "candidates", requires: .permission(.screenReferrals), use: candidates)
        referrals.on(.POST, ":referralID", "link", requires: .permission(.screenReferrals), use: link)
        routes.on(.GET, "hub", "queue", requires: .permission(.screenReferrals), use: queue)
    }

    static func referralID(_ request: Request) throws -> UUID {
        try request.identifier("referralID")
    }

    /// `{"kind": "marf", "form": {…}, "submit": true}`: starts a draft, fills it, and
    /// submits it when asked, all or nothing.
    func create(_ request: Request) async throws -> Response {
        var fields = try await FieldReader.json(from: request)
        let kind = fields.choice("kind", as: ReferralKind.self)
        let submitNow = fields.flag("submit") ?? false
        let form = fields.document("form")
        try fields.finish()
        let desk = try ReferralDesk(request)
        let filled = try form.map { try ReferralFormJSON.newForm($0, kind: kind!) } ?? ReferralForm(kind: kind!)
        let referral = try await desk.create(kind!, form: filled, submit: submitNow)
        let response = try await ReferralResponse(referral, desk: desk, request: request).encodeResponse(for: request)
        response.status = .created
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/referrals/\(referral.id.uuidString.lowercased())")
        return response
    }

    func show(_ request: Request) async throws -> ReferralResponse {
        let desk = try ReferralDesk(request)
        let screening = try await desk.open(try Self.referralID(request))
        return ReferralResponse(screening.referral, desk: desk, request: request, screening: screening)
    }

    /// `{"form": {…}}`: the fields sent replace the draft's; others stay.
    func update(_ request: Request) async throws -> ReferralResponse {
        try await ReferralDesk(request).mayReach(try Self.referralID(request))
        var fields = try await FieldReader.json(from: request)
        let form = fields.document("form")
        if form == nil { fields.note("form", .missing) }
        try fields.finish()
        let desk = try ReferralDesk(request)
        let draft = try await desk.draft(try Self.referralID(request))
        let saved = try await desk.saveDraft(draft.id, form: try ReferralFormJSON.apply(form!, onto: draft.form))
        return ReferralResponse(saved, desk: desk, request: request)
    }

    func submit(_ request: Request) async throws -> ReferralResponse {
        let desk = try ReferralDesk(request)
        let referral = try await desk.submit(try Self.referralID(request))
        return ReferralResponse(referral, desk: desk, request: request)
    }

    func addTo(_ request: Request) async throws -> HTTPStatus {
        try await ReferralDesk(request).mayReach(try Self.referralID(request))
        var fields = try await FieldReader.json(from: request)
        let text = fields.text("text", maxLength: 10_000)
        try fields.finish()
        try await ReferralDesk(request).addTo(try Self.referralID(request), text: text!)
        return .created
    }

    /// `?limit=` from 1 to 1,000 (default 100), newest first.
    func mine(_ request: Request) async throws -> ListResponse<ReferralResponse> {
        let limit = try Self.limit(request, default: 100, maximum: 1_000)
        let desk = try ReferralDesk(request)
        return ListResponse(items: try await desk.myReferrals(limit: limit).map { ReferralResponse($0, desk: desk, request: request) })
    }

    /// `?limit=` from 1 to 5,000 (default 200), most urgent first.
    func queue(_ request: Request) async throws -> QueueResponse {
        let limit = try Self.limit(request, default: 200, maximum: 5_000)
        let now = Date()
        return QueueResponse(items: try await ReferralDesk(request).queue(limit: limit).map { line in
            .init(
                id: line.id, reference: line.reference, kind: line.kind, status: line.status, childName: line.childName,
                childDateOfBirth: line.childDateOfBirth?.iso, referrerAgencyId: line.referrerAgencyID,
                submittedAt: line.submittedAt, decisionDueAt: line.decisionDueAt, overdue: line.decisionDueAt < now,
                secondsRemaining: Int(line.decisionDueAt.timeIntervalSince(now)), qualityScore: line.qualityScore,
                linkedNotices: line.linkedNotices)
        })
    }

    struct CandidatesResponse: Content {
        struct Candidate: Content {
            var childId: UUID
            var name: String?
            var dateOfBirth: String?
            var postcode: String?
            var restricted: Bool
            var probability: Double
            var reasons: [String]
        }
        /// Only records the reader may open.
        var items: [Candidate]
        /// A record the reader may not open (a restricted one) may be the child too; of
        /// it, nothing more is said.
        var restrictedMayMatch: Bool
    }

    /// The records most likely to be the referred child, best first, with the reasons.
    func candidates(_ request: Request) async throws -> CandidatesResponse {
        guard let referral = try await ReferralRepository(request.db).find(try Self.referralID(request)),
            referral.status != .draft
        else { throw ProblemError.notFound }
        let (candidates, restrictedMayMatch) = try await IntakeDesk(request).candidates(for: referral)
        return CandidatesResponse(
            items: candidates.map {
                .init(
                    childId: $0.child.id, name: $0.child.fullName, dateOfBirth: $0.child.dateOfBirth?.iso,
                    postcode: $0.child.postcode, restricted: $0.child.isRestricted,
                    probability: ($0.probability * 1000).rounded() / 1000, reasons: $0.reasons.map(\.rawValue))
            },
            restrictedMayMatch: restrictedMayMatch)
    }

    /// `{"child_id": "…"}` links the referral to that record; `{"create": true}` starts a new one.
    func link(_ request: Request) async throws -> Response {
        let id = try Self.referralID(request)
        try await ReferralDesk(request).mayReach(id)
        var fields = try await FieldReader.json(from: request)
        let childID = fields.identifier("child_id", required: false)
        let create = fields.flag("create") ?? false
        if childID == nil, !create { fields.note("child_id", .missing) }
        try fields.finish()
        let desk = try IntakeDesk(request)
        if let childID {
            try await desk.link(id, to: childID)
            return Response(status: .noContent)
        }
        let child = try await desk.createRecord(for: id)
        let response = Response(status: .created)
        response.headers.replaceOrAdd(name: .location, value: "/api/v1/children/\(child.id.uuidString.lowercased())")
        return response
    }

    static func limit(_ request: Request, default fallback: Int, maximum: Int) throws -> Int {
        var fields = FieldReader.query(of: request)
        let limit = fields.integer("limit", required: false, in: 1...maximum)
        try fields.finish()
        return limit ?? fallback
    }

    func decide(_ request: Request) async throws -> DecisionResponse {
        try await ReferralDesk(request).mayReach(try Self.referralID(request))
        var fields = try await FieldReader.json(from: request)
        let outcome = fields.choice("outcome", as: DecisionOutcome.self)
        let reasons = fields.text("reasons", maxLength: 10_000)
        let disagree = fields.flag("agencies_disagree") ?? false
        try fields.finish()
        let decision = try await ReferralDesk(request).decide(
            try Self.referralID(request), outcome: outcome!, reasons: reasons!, agenciesDisagree: disagree)
        return DecisionResponse(
            outcome: decision.outcome, status: DecisionRules.status(after: decision),
            signOffReasons: decision.signOffReasons, final: decision.isFinal)
    }

    func signOff(_ request: Request) async throws -> DecisionResponse {
        try await ReferralDesk(request).mayReach(try Self.referralID(request))
        var fields = try await FieldReader.json(from: request)
        let agreed = fields.flag("agreed")
        let reason = fields.text("reason", maxLength: 10_000)
        if agreed == nil { fields.note("agreed", .missing) }
        try fields.finish()
        let decision = try await ReferralDesk(request).signOff(try Self.referralID(request), agreed: agreed!, reason: reason!)
        return DecisionResponse(
            outcome: decision.outcome, status: DecisionRules.status(after: decision),
            signOffReasons: decision.signOffReasons, final: decision.isFinal)
    }
}
