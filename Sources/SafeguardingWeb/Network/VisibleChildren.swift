import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The children of a network whom this reader may see named: those whose record the
/// access policy would open for them. Any other child is drawn as "a child", with no
/// name and no way into the record, so a network never tells a restricted record's
/// child, or a child an agency does not work with, to someone without the need to know.
enum VisibleChildren {
    /// The openable children among `ids`, by id. Unrestricted records are judged in two
    /// reads for all of them; only a record the policy would not open on those facts alone
    /// (restricted, or outside a lead's agency) is read again for the reader's grants and
    /// break-glass views.
    static func named(_ ids: Set<UUID>, for user: SignedInUser, on database: any Database) async throws -> [UUID: Child] {
        guard !ids.isEmpty else { return [:] }
        let children = ChildRepository(database)
        let records = try await children.children(Array(ids))
        let involvements = try await children.involvements(of: Array(records.keys))
        let policy = AccessPolicy()
        var named: [UUID: Child] = [:]
        for (id, child) in records {
            var facts = ChildAccessFacts(
                isRestricted: child.isRestricted, involvedAgencyIDs: Set((involvements[id] ?? []).map(\.agencyID)))
            if !policy.access(for: user.actor, to: facts).isGranted {
                guard let full = try await children.accessFacts(for: id, userID: user.account.id, now: Date()) else { continue }
                facts = full
            }
            if policy.access(for: user.actor, to: facts).isGranted { named[id] = child }
        }
        return named
    }
}
