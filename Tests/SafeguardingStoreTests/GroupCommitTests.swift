import FluentKit
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore
import Testing

@Suite("Submissions committed in groups: each all-or-nothing, each answered once on disk")
struct GroupCommitTests {
    struct Refused: Error, Equatable { let caller: Int }

    func event(_ caller: Int) -> AuditEvent {
        AuditEvent(
            actorUserID: UUID(), actorName: "Caller \(caller)", agencyID: UUID(), roles: [.referrer],
            action: .referralSubmitted, childID: nil, subjectID: UUID(), reason: "", detail: "caller=\(caller)",
            requestID: "req-\(caller)")
    }

    @Test("of many callers at once, those that fail leave nothing behind and the rest are committed with their own answers")
    func failuresStayTheirOwn() async throws {
        try await withTestDatabase { store in
            let commits = GroupCommit(store: store)
            let callers = 120
            let outcomes = try await withThrowingTaskGroup(of: (Int, Result<Int64, Refused>).self) { group in
                for caller in 0..<callers {
                    group.addTask {
                        do {
                            let sequence = try await commits.transaction { db in
                                let entry = try await AuditTrail.append(event(caller), on: db)
                                // Every seventh caller fails after writing: its entry must not survive.
                                if caller % 7 == 3 { throw Refused(caller: caller) }
                                return entry.sequence
                            }
                            return (caller, .success(sequence))
                        } catch let refused as Refused {
                            return (caller, .failure(refused))
                        }
                    }
                }
                var all: [Int: Result<Int64, Refused>] = [:]
                for try await (caller, outcome) in group { all[caller] = outcome }
                return all
            }
            let failed = outcomes.filter { if case .failure = $0.value { true } else { false } }
            #expect(Set(failed.keys) == Set((0..<callers).filter { $0 % 7 == 3 }))
            for (caller, outcome) in failed { #expect(outcome == .failure(Refused(caller: caller))) }
            let committed = outcomes.compactMap { if case .success(let sequence) = $0.value { sequence } else { nil } }
            // Every successful caller got its own entry, numbered without gaps once the
            // failures' entries were rolled back.
            #expect(Set(committed).count == committed.count)
            let rows = try await store.sql.raw("SELECT detail FROM audit_entries ORDER BY sequence").all()
                .map { try $0.decode(column: "detail", as: String.self) }
            #expect(rows.count == callers - failed.count)
            #expect(!rows.contains { row in failed.keys.contains { row == "caller=\($0)" } })
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: Int64(callers - failed.count)))
        }
    }

    @Test("a caller alone is committed without a savepoint, and its failure is its own")
    func alone() async throws {
        try await withTestDatabase { store in
            let commits = GroupCommit(store: store)
            await #expect(throws: Refused(caller: 1)) {
                try await commits.transaction { db in
                    _ = try await AuditTrail.append(event(1), on: db)
                    throw Refused(caller: 1)
                }
            }
            let sequence = try await commits.transaction { db in try await AuditTrail.append(event(2), on: db).sequence }
            #expect(sequence == 1)
            #expect(try await AuditTrail.verify(on: store.database) == .intact(entries: 1))
        }
    }
}
