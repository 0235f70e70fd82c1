import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// Reading child protection records: one child's, opened with its access checked and
/// audited, and the team's clocks and measures across every child.
extension ChildProtectionDesk {
    /// One child's record and child protection record, as a page shows them.
    struct Opened: Sendable {
        var summary: ChildRecordSummary
        var record: ChildProtectionCase
        var basis: AccessBasis
    }

    // MARK: Reading

    /// Opens a child's child protection record. A refusal, or a restricted record not
    /// yet opened by breaking the glass, is answered as "not found".
    func open(_ childID: UUID) async throws -> Opened {
        let (summary, basis) = try await authorise(childID)
        let record = try await ChildProtectionRepository(request.db).record(of: childID)
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await AuditTrail.append(
                user.auditEvent(.childProtectionViewed, childID: childID, reason: basis.rawValue, requestID: requestID),
                on: db)
        }
        return Opened(summary: summary, record: record, basis: basis)
    }

    /// Whether this reader may open the child's record at all: asked before a write's body
    /// is read, so that its problems never tell a record that exists from one that does not.
    @discardableResult
    func authorise(_ childID: UUID) async throws -> (ChildRecordSummary, AccessBasis) {
        try await ChildAccessCheck.authorise(request, user, childID)
    }

    /// One line of the team queue: a clock and whose record it runs on.
    struct QueueLine: Sendable {
        var clock: ChildProtectionClock
        var childName: String
    }

    /// Every open clock across the team's children, soonest (most overdue) first.
    /// Restricted records appear without a name: the clock still has to be seen.
    func teamQueue() async throws -> [QueueLine] {
        let repository = ChildProtectionRepository(request.db)
        let records = try await repository.records(of: try await repository.childrenWithOpenClocks())
        var names: [UUID: String] = [:]
        for record in records {
            if let child = try await ChildRepository(request.db).find(record.childID) {
                names[record.childID] = child.isRestricted ? "" : child.fullName
            }
        }
        let lines = records.flatMap(\.openClocks).sorted { $0.dueAt < $1.dueAt }
            .map { QueueLine(clock: $0, childName: names[$0.childID] ?? "") }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await AuditTrail.append(
                user.auditEvent(.teamQueueViewed, detail: "clocks=\(lines.count)", requestID: requestID), on: db)
        }
        return lines
    }

    func measures(during period: Range<Date>) async throws -> ChildProtectionMeasures {
        // Counted by the database from the typed columns: the records are not read.
        try await ChildProtectionRepository(request.db, calendar: calendar).measures(during: period, now: Date())
    }
}
