import FluentKit
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore
import Testing

@Suite("Audit entries of reads committed in groups keep the chain whole")
struct AuditCommitQueueTests {
    func event(child: UUID, reader: Int) -> AuditEvent {
        AuditEvent(
            actorUserID: UUID(), actorName: "Reader \(reader)", agencyID: UUID(), roles: [.hubPractitioner],
            action: .childRecordViewed, childID: child, reason: "hub_screening", requestID: "req-\(reader)")
    }

    @Test("a group appended at once is numbered on from the last entry, chained, and leaves the head on its last entry")
    func groupAppend() async throws {
        try await withTestDatabase { store in
            let first = try await store.transaction { db in try await AuditTrail.append(event(child: UUID(), reader: 0), on: db) }
            let group = try await store.transaction { db in
                try await AuditTrail.append((1...6).map { event(child: UUID(), reader: $0) }, on: db)
            }
            #expect(group.map(\.sequence) == [2, 3, 4, 5, 6, 7])
            #expect(group[0].previousHash == first.hash)
            for index in 1..<group.count { #expect(group[index].previousHash == group[index - 1].hash) }
            // The next single entry chains from the group's last.
            let after = try await store.transaction { db in try await AuditTrail.append(event(child: UUID(), reader: 7), on: db) }
            #expect(after.sequence == 8 && after.previousHash == group[5].hash)
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: 8))
        }
    }

    @Test("many readers at once: each returns only once its own entry is in the trail, and the trail verifies")
    func concurrentReaders() async throws {
        try await withTestDatabase { store in
            let queue = AuditCommitQueue(store: store)
            let children = (0..<150).map { _ in UUID() }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (reader, child) in children.enumerated() {
                    group.addTask {
                        try await queue.append(event(child: child, reader: reader))
                        // Committed before the reader goes on: the entry is already readable.
                        let found = try await store.sql.raw(
                            "SELECT COUNT(*) AS n FROM audit_entries WHERE child_id = \(bind: child.uuidString.lowercased())"
                        ).first()?.decode(column: "n", as: Int.self)
                        #expect(found == 1)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: 150))
            let sequences = try await store.sql.raw("SELECT COUNT(DISTINCT sequence) AS n, MAX(sequence) AS top FROM audit_entries")
                .first()
            #expect(try sequences?.decode(column: "n", as: Int.self) == 150)
            #expect(try sequences?.decode(column: "top", as: Int.self) == 150)
        }
    }
}
