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
    /// The openable children among `ids`, by id, in two reads however many there are:
    /// the records, then the agencies involved with the reader's grants and break-glass
    /// views among them. A list that named each child by opening each record in turn cost a
    /// MACE agenda of a dozen young people four dozen reads.
    static func named(_ ids: Set<UUID>, for user: SignedInUser, on database: any Database) async throws -> [UUID: Child] {
        guard !ids.isEmpty else { return [:] }
        return try await named(among: try await ChildRepository(database).children(Array(ids)), for: user, on: database)
    }

    /// The openable children among records already read: a page that needs every
    /// child's record (the MACE agenda computes each child's level) reads them once.
    static func named(among records: [UUID: Child], for user: SignedInUser, on database: any Database) async throws
        -> [UUID: Child]
    {
        guard !records.isEmpty else { return [:] }
        let facts = try await ChildRepository(database).accessFacts(of: records, userID: user.account.id, now: Date())
        let policy = AccessPolicy()
        var named: [UUID: Child] = [:]
        for (id, child) in records where facts[id].map({ policy.access(for: user.actor, to: $0).isGranted }) ?? false {
            named[id] = child
        }
        return named
    }
}
