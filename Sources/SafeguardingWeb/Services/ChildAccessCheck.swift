import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Whether a reader may open a child's record, asked before any write's body is read so
/// that its problems never tell a record that exists from one that does not. A refusal,
/// or a restricted record not yet opened by breaking the glass, is answered as "not found".
enum ChildAccessCheck {
    static func authorise(_ request: Request, _ user: SignedInUser, _ childID: UUID) async throws
        -> (ChildRecordSummary, AccessBasis)
    {
        guard let (summary, facts) = try await ChildRepository(request.db).summaryAndAccess(
            of: childID, userID: user.account.id, now: Date())
        else { throw ProblemError.notFound }
        guard case .granted(let basis) = AccessPolicy().access(for: user.actor, to: facts) else { throw ProblemError.notFound }
        return (summary, basis)
    }
}
