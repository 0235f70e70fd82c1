import Fluent
import Foundation
import PersonMatching
import Safeguarding
import SafeguardingStore
import Vapor

/// Merging a duplicate record of a child into the record that is kept, and undoing it
/// (F3). Hub managers only. Merging two different children is the costly mistake, so a
/// merge of records with conflicting identifiers must be confirmed.
struct RecordMergeDesk {
    let request: Request
    let user: SignedInUser

    init(_ request: Request) throws {
        self.request = request
        self.user = try request.requireUser()
        guard AccessPolicy().permits(user.actor, .mergeRecords) else { throw ProblemError.forbidden }
    }

    /// What conflicts between two records, as catalogue keys (empty when nothing does).
    func conflicts(_ kept: Child, _ merged: Child) -> [String] {
        MergeConflict.conflicts(between: ChildIndex.person(kept), and: ChildIndex.person(merged)).map(\.key)
    }

    func merge(_ mergedID: UUID, into keptID: UUID, reason: String, conflictsConfirmed: Bool) async throws {
        guard mergedID != keptID else { throw ValidationFailure([FieldError("merged_child_id", .invalid("error.merge.same_record"))]) }
        let children = ChildRepository(request.db)
        // Merging shows each record's details on the other: the manager must be able to
        // open both (a sealed record merged into an open one had shown its child's name
        // and date of birth there, and its conflicts which identifiers differ).
        guard let kept = try await children.find(keptID), try await ChildRecordDesk.mayOpen(keptID, as: user, on: request.db)
        else { throw ProblemError.notFound }
        guard let merged = try await children.find(mergedID), try await ChildRecordDesk.mayOpen(mergedID, as: user, on: request.db)
        else {
            throw ValidationFailure([FieldError("merged_child_id", .notAnIdentifier)])
        }
        let merges = MergeRepository(request.db)
        let keptMerged = try await merges.mergedInto(keptID)
        let mergedMerged = try await merges.mergedInto(mergedID)
        if keptMerged != nil || mergedMerged != nil {
            throw ValidationFailure([FieldError("merged_child_id", .invalid("error.merge.already_merged"))])
        }
        let conflicts = conflicts(kept, merged)
        if !conflicts.isEmpty, !conflictsConfirmed {
            throw ValidationFailure(conflicts.map { FieldError("confirm_conflicts", .invalid($0)) })
        }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            let mergeID = try await MergeRepository(db).merge(mergedID, into: keptID, by: user.account.id, reason: reason, at: Date())
            for child in [keptID, mergedID] {
                try await AuditTrail.append(
                    user.auditEvent(.recordsMerged, childID: child, subjectID: mergeID, reason: reason,
                        detail: "kept=\(keptID.uuidString.lowercased()) merged=\(mergedID.uuidString.lowercased()) conflicts=\(conflicts.count)",
                        requestID: requestID), on: db)
            }
        }
        await request.application.childIndex.remove(mergedID)
    }

    func unmerge(_ mergedID: UUID, from keptID: UUID, reason: String) async throws {
        guard try await MergeRepository(request.db).mergedInto(mergedID) == keptID else {
            throw ValidationFailure([FieldError("merged_child_id", .invalid("error.merge.not_merged"))])
        }
        let user = self.user, requestID = request.requestID
        try await request.store.transaction { db in
            try await MergeRepository(db).unmerge(mergedID, by: user.account.id, reason: reason, at: Date())
            for child in [keptID, mergedID] {
                try await AuditTrail.append(
                    user.auditEvent(.recordsUnmerged, childID: child, reason: reason,
                        detail: "kept=\(keptID.uuidString.lowercased()) merged=\(mergedID.uuidString.lowercased())",
                        requestID: requestID), on: db)
            }
        }
        if let child = try await ChildRepository(request.db).find(mergedID) { await request.application.childIndex.add(child) }
    }
}
