import FluentKit
import Foundation
import SQLKit
import SafeguardingStore
import Testing

@Suite("Where transactions run: in the caller's task, and a shared commit on the database's event loop")
struct TransactionPlacementTests {
    @Test("a transaction's body keeps its caller's priority (Fluent's own started a new task and lost it)")
    func keepsPriority() async throws {
        try await withTestDatabase { store in
            let seen = try await Task(priority: .high) {
                try await store.transaction { db in
                    try await (db as! any SQLDatabase).raw("SELECT 1 AS one").run()
                    return Task.currentPriority
                }
            }.value
            #expect(seen == .high)
        }
    }

    @Test("work given to a shared commit runs on the database's event loop, at high priority")
    func sharedCommitOnEventLoop() async throws {
        try await withTestDatabase { store in
            let commits = GroupCommit(store: store)
            let (onLoop, priority) = try await commits.transaction { db in
                try await (db as! any SQLDatabase).raw("SELECT 1 AS one").run()
                return (store.database.eventLoop.inEventLoop, Task.currentPriority)
            }
            #expect(onLoop)
            #expect(priority == .high)
        }
    }

    @Test("a body that fails gives its connection back to the pool")
    func failedBodyReleases() async throws {
        try await withTestDatabase { store in
            // More failures than the pool has connections: one kept would soon leave none.
            struct Failed: Error {}
            for _ in 0..<40 {
                await #expect(throws: Failed.self) {
                    try await store.withConnection { _ in throw Failed() }
                }
            }
            let again = try await store.withConnection { db in
                try await (db as! any SQLDatabase).raw("SELECT 2 AS two").first()?.decode(column: "two", as: Int.self)
            }
            #expect(again == 2)
        }
    }
}
