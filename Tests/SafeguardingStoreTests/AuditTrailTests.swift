import FluentKit
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore
import Testing

@Suite("The audit trail is append-only and tamper-evident")
struct AuditTrailTests {
    let hubWorker = UUID()
    let agency = UUID()

    func event(_ action: AuditAction, child: UUID? = nil, reason: String = "hub_screening") -> AuditEvent {
        AuditEvent(
            actorUserID: hubWorker, actorName: "Siân Pritchard", agencyID: agency, roles: [.hubPractitioner],
            action: action, childID: child, reason: reason, requestID: "req-1")
    }

    func appendFive(_ store: Store) async throws -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for _ in 0..<5 {
            let entry = try await store.transaction { [self] db in
                try await AuditTrail.append(event(.childRecordViewed, child: UUID()), on: db)
            }
            entries.append(entry)
        }
        return entries
    }

    @Test("entries are numbered from one and each points at the hash of the one before")
    func chainLinks() async throws {
        try await withTestDatabase { store in
            let entries = try await appendFive(store)
            #expect(entries.map(\.sequence) == [1, 2, 3, 4, 5])
            #expect(entries[0].previousHash == AuditEntry.genesisHash)
            for index in 1..<entries.count {
                #expect(entries[index].previousHash == entries[index - 1].hash)
            }
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: 5))
        }
    }

    @Test("an entry edited directly in the database is named by verify as the first broken one")
    func editedEntryIsCaught() async throws {
        try await withTestDatabase { store in
            _ = try await appendFive(store)
            try await Self.dropAppendOnlyGuard(store)
            try await store.sql.raw("UPDATE audit_entries SET reason = 'nothing to see' WHERE sequence = 3").run()
            let report = try await AuditTrail.verify(on: store.database)
            #expect(report == .broken(atSequence: 3, problem: .contentAltered, entriesChecked: 2))
        }
    }

    @Test("an entry deleted from the middle breaks the chain at the gap")
    func deletedEntryIsCaught() async throws {
        try await withTestDatabase { store in
            _ = try await appendFive(store)
            try await Self.dropAppendOnlyGuard(store)
            try await store.sql.raw("DELETE FROM audit_entries WHERE sequence = 2").run()
            #expect(try await AuditTrail.verify(on: store.database)
                == .broken(atSequence: 2, problem: .sequenceGap, entriesChecked: 1))
        }
    }

    @Test("deleting the newest entries is caught by the head's count")
    func truncatedTrailIsCaught() async throws {
        try await withTestDatabase { store in
            _ = try await appendFive(store)
            try await Self.dropAppendOnlyGuard(store)
            try await store.sql.raw("DELETE FROM audit_entries WHERE sequence >= 4").run()
            #expect(try await AuditTrail.verify(on: store.database)
                == .broken(atSequence: 4, problem: .sequenceGap, entriesChecked: 3))
        }
    }

    @Test("a rewritten entry with a recomputed hash still breaks the link to the next one")
    func rehashedEntryIsCaught() async throws {
        try await withTestDatabase { store in
            let entries = try await appendFive(store)
            try await Self.dropAppendOnlyGuard(store)
            var forged = entries[1].event
            forged.reason = "forged"
            let text = AuditEntry.canonicalText(sequence: 2, event: forged, previousHash: entries[0].hash)
            let hash = Self.sha256(text)
            try await store.sql.raw(
                "UPDATE audit_entries SET reason = 'forged', hash = \(bind: hash) WHERE sequence = 2").run()
            #expect(try await AuditTrail.verify(on: store.database)
                == .broken(atSequence: 3, problem: .linkBroken, entriesChecked: 2))
        }
    }

    @Test("the database itself refuses to change or delete an entry")
    func appendOnlyIsEnforced() async throws {
        try await withTestDatabase { store in
            _ = try await appendFive(store)
            await #expect(throws: (any Error).self) {
                try await store.sql.raw("UPDATE audit_entries SET reason = 'x' WHERE sequence = 1").run()
            }
            await #expect(throws: (any Error).self) {
                try await store.sql.raw("DELETE FROM audit_entries WHERE sequence = 1").run()
            }
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: 5))
        }
    }

    @Test("appends from many requests at once keep one unbroken chain")
    func concurrentAppends() async throws {
        try await withTestDatabase { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask { [self] in
                        _ = try await store.transaction { db in
                            try await AuditTrail.append(event(.childrenSearched), on: db)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: 40))
        }
    }

    @Test("an entry whose transaction fails is not written, and the chain stays whole")
    func rolledBackEntryLeavesNoTrace() async throws {
        struct Interrupted: Error {}
        try await withTestDatabase { store in
            _ = try await appendFive(store)
            await #expect(throws: Interrupted.self) {
                try await store.transaction { [self] db in
                    try await AuditTrail.append(event(.childRecordChanged), on: db)
                    throw Interrupted()
                }
            }
            let next = try await store.transaction { [self] db in
                try await AuditTrail.append(event(.childRecordViewed), on: db)
            }
            #expect(next.sequence == 6)
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: 6))
        }
    }

    @Test("search finds who looked at one child, newest first")
    func searchByChild() async throws {
        try await withTestDatabase { store in
            let child = UUID()
            for _ in 0..<3 {
                _ = try await store.transaction { [self] db in
                    try await AuditTrail.append(event(.childRecordViewed, child: child), on: db)
                }
            }
            _ = try await appendFive(store)
            let found = try await AuditTrail.search(AuditQuery(childID: child), on: store.database)
            #expect(found.map(\.sequence) == [3, 2, 1])
            #expect(found.allSatisfy { $0.event.actorName == "Siân Pritchard" && $0.event.childID == child })
        }
    }

    /// Someone with direct access to the database could remove the triggers first; the
    /// hash chain is what catches them.
    static func dropAppendOnlyGuard(_ store: Store) async throws {
        if store.isSQLite {
            try await store.sql.raw("DROP TRIGGER audit_entries_no_update").run()
            try await store.sql.raw("DROP TRIGGER audit_entries_no_delete").run()
        } else {
            try await store.sql.raw("DROP TRIGGER audit_entries_append_only ON audit_entries").run()
        }
    }

    static func sha256(_ text: String) -> String {
        // The store's own hash, reached through its canonical text, so the forgery is exact.
        AuditTrail.sha256Hex(text)
    }
}
