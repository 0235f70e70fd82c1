import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// A list of many children (a MACE agenda, the awaited return interviews, a network, the
/// audit trail) names each in one batch of reads; it must name exactly those whose record
/// opening would open for the reader, grants and broken glass included.
@Suite("Naming the children of a list as opening each record would")
struct VisibleChildrenTests {
    @Test("a lead sees named only her agency's children, a granted restricted record, and one she broke the glass on")
    func batchAgreesWithOpening() async throws {
        try await withTestApp { app, partnership in
            let lead = try #require(partnership.accounts[.safeguardingLead])
            let user = SignedInUser(account: lead, agency: partnership.healthBoard, session: nil)
            let ids: Set<UUID> = [partnership.knownToHealth.id, partnership.knownToHubOnly.id, partnership.sealed.id]
            let children = ChildRepository(app.db)

            func agrees(_ expected: Set<UUID>, _ why: Comment) async throws {
                let named = try await VisibleChildren.named(ids, for: user, on: app.db)
                #expect(Set(named.keys) == expected, why)
                for id in ids {
                    let opens = try await ChildRecordDesk.mayOpen(id, as: user, on: app.db)
                    #expect(opens == expected.contains(id), "the batch and opening the record disagree: \(why)")
                }
            }

            try await agrees([partnership.knownToHealth.id], "only the child her agency works with")
            try await children.grantAccess(
                childID: partnership.sealed.id, userID: lead.id, grantedBy: partnership.account(.hubManager).id, now: Date())
            try await agrees([partnership.knownToHealth.id, partnership.sealed.id], "a grant opens the restricted record")
            try await children.openBreakGlass(
                childID: partnership.knownToHubOnly.id, userID: lead.id, reason: "Child missing tonight", now: Date(),
                duration: 3600)
            try await agrees(ids, "broken glass opens the record for its hour")
            // Another reader's grant and view open nothing for her.
            let teacher = SignedInUser(account: partnership.account(.referrer), agency: partnership.school, session: nil)
            #expect(try await VisibleChildren.named(ids, for: teacher, on: app.db).isEmpty)
        }
    }
}
