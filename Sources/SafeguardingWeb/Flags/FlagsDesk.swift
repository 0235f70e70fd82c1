import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Raising and ending the warnings an agency puts on a child's record by hand (a CAWN,
/// MARAC, MAPPA). The flags that follow from the record are never raised here.
struct FlagsDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
    }

    var calendar: WorkingCalendar { request.application.workingCalendar }

    /// The kinds an agency may raise by hand.
    static let raisable = FlagKind.allCases.filter { !$0.followsFromRecord }

    /// The child's raised flags, standing or ended, that this reader's roles may see.
    func open(_ childID: UUID) async throws -> (ChildRecordSummary, [RaisedFlag]) {
        let (summary, basis) = try await ChildAccessCheck.authorise(request, user, childID)
        let roles = AccessPolicy().effectiveRoles(of: user.actor)
        let raised = try await RaisedFlagRepository(request.db).flags(of: childID)
            .filter { flag in roles.contains { flag.kind.isVisible(to: $0) } }
        try await request.application.auditCommitQueue.append(
            user.auditEvent(.childRecordViewed, childID: childID, reason: basis.rawValue, detail: "flags",
                requestID: request.requestID))
        return (summary, raised)
    }

    func raise(_ childID: UUID, _ fields: inout FieldReader) async throws -> RaisedFlag {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let today = calendar.day(of: Date())
        let kind = fields.choice("kind", as: FlagKind.self)
        let source = fields.text("source", maxLength: 500)
        let adult = fields.text("adult_named", required: false, maxLength: 200) ?? ""
        let starts = fields.date("starts_on", required: false, notAfter: today) ?? today
        let ends = fields.date("ends_on")
        try fields.finish()
        guard let kind, let source, let ends else { throw ValidationFailure([]) }
        let flag = RaisedFlag(
            childID: childID, kind: kind, raisedByAgencyID: user.agency.id, raisedByUserID: user.account.id, source: source,
            adultNamed: adult, startsOn: starts, endsOn: ends)
        let problems = flag.problems()
        guard problems.isEmpty else { throw ValidationFailure(problems.map(Self.fieldError)) }
        try await change(childID, .flagRaised, subject: flag.id, detail: "kind=\(kind.rawValue)") { db in
            try await RaisedFlagRepository(db).save(flag)
        }
        return flag
    }

    /// Ends a flag before its date (the notice withdrawn, the case closed), with the reason.
    func end(_ childID: UUID, _ flagID: UUID, _ fields: inout FieldReader) async throws {
        _ = try await ChildAccessCheck.authorise(request, user, childID)
        let reason = fields.text("reason", maxLength: 2_000)
        try fields.finish()
        guard let reason else { throw ValidationFailure([]) }
        let today = calendar.day(of: Date())
        try await change(childID, .flagEnded, subject: flagID) { db in
            let repository = RaisedFlagRepository(db)
            guard var flag = try await repository.flag(flagID), flag.childID == childID else { throw ProblemError.notFound }
            guard flag.isCurrent(on: today) else {
                throw ValidationFailure([FieldError("reason", .invalid("error.flag.not_standing"))])
            }
            flag.endedOn = today
            flag.endedReason = reason
            try await repository.save(flag)
        }
    }

    static func fieldError(_ problem: RaisedFlag.Problem) -> FieldError {
        switch problem {
        case .followsFromRecord: FieldError("kind", .invalid("error.flag.follows_from_record"))
        case .sourceNeeded: FieldError("source", .missing)
        case .adultNeeded: FieldError("adult_named", .invalid("error.flag.adult_needed"))
        case .endsBeforeStart: FieldError("ends_on", .invalid("error.flag.ends_before_start"))
        }
    }

    private func change(
        _ childID: UUID, _ action: AuditAction, subject: UUID, detail: String = "",
        _ body: @escaping @Sendable (any Database) async throws -> Void
    ) async throws {
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await body(db)
            try await AuditTrail.append(
                user.auditEvent(action, childID: childID, subjectID: subject, detail: detail, requestID: requestID), on: db)
        }
    }
}
