import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Loads large numbers of rows quickly, for imports from other systems and for building
/// a synthetic partnership at national scale: many rows per statement, many statements
/// per transaction, no model reflection.
public struct BulkLoader: Sendable {
    let store: Store

    public init(_ store: Store) {
        self.store = store
    }

    /// Rows per INSERT: under SQLite's and PostgreSQL's limits on bound values.
    static let rowsPerStatement = 500

    public func insertChildren(_ children: [Child]) async throws {
        try await insert(into: "children", columns: [
            "id", "given_name", "middle_names", "surname", "known_as", "search_name", "date_of_birth", "sex", "nhs_number",
            "upn", "police_reference", "social_care_id", "address", "postcode", "preferred_language", "ethnicity", "school",
            "is_restricted", "created_at", "updated_at",
        ], rows: children.map { child in
            let now = Date()
            return [
                SQLBind(child.id), SQLBind(child.givenName), SQLBind(child.middleNames), SQLBind(child.surname),
                SQLBind(child.knownAs), SQLBind(ChildRecord.searchName(surname: child.surname, givenName: child.givenName)),
                SQLBind(child.dateOfBirth?.iso), SQLBind(child.sex.rawValue), SQLBind(child.nhsNumber),
                SQLBind(child.uniquePupilNumber), SQLBind(child.policeReference), SQLBind(child.socialCareID),
                SQLBind(child.address), SQLBind(child.postcode), SQLBind(child.preferredLanguage.rawValue),
                SQLBind(child.ethnicity), SQLBind(child.school), SQLBind(child.isRestricted), SQLBind(now), SQLBind(now),
            ]
        })
    }

    public func insertReferrals(_ referrals: [Referral]) async throws {
        try await insert(into: "referrals", columns: [
            "id", "reference", "kind", "status", "referrer_user_id", "referrer_agency_id", "child_id", "child_name",
            "child_search_name",
            "child_date_of_birth", "child_nhs_number", "form", "quality_score", "created_at", "updated_at", "submitted_at",
            "decision_due_at", "decided_at", "outcome", "priority", "concern_type",
        ], rows: try referrals.map { referral in
            let child = referral.form.child
            return [
                SQLBind(referral.id), SQLBind(referral.reference), SQLBind(referral.kind.rawValue),
                SQLBind(referral.status.rawValue), SQLBind(referral.referrerUserID), SQLBind(referral.referrerAgencyID),
                SQLBind(referral.childID), SQLBind(child.fullName), SQLBind(ChildRecord.searchName(surname: child.surname, givenName: child.givenName)),
                SQLBind(child.dateOfBirth?.iso), SQLBind((try? NHSNumber(child.nhsNumber))?.digits),
                SQLBind(String(decoding: try ReferralRecord.encoder.encode(referral.form), as: UTF8.self)),
                SQLBind(referral.qualityScore), SQLBind(referral.createdAt), SQLBind(referral.updatedAt),
                SQLBind(referral.submittedAt), SQLBind(referral.decisionDueAt), SQLBind(referral.decidedAt),
                SQLBind(referral.outcome?.rawValue), SQLBind(referral.form.screeningPriority.rawValue),
                SQLBind(referral.form.concernType),
            ]
        })
    }

    /// Appends events to the audit trail, hash-chained as any other entries, many to a
    /// statement.
    public func appendAudit(_ events: [AuditEvent]) async throws {
        guard !events.isEmpty else { return }
        try await store.transaction { db in
            var start = 0
            while start < events.count {
                let end = min(start + Self.rowsPerStatement, events.count)
                try await AuditTrail.append(Array(events[start..<end]), on: db)
                start = end
            }
        }
    }

    /// Sets the year's reference counter past the references a bulk load used.
    public func setReferenceCounter(year: Int, to number: Int) async throws {
        try await store.sql.raw("DELETE FROM reference_counters WHERE year = \(bind: year)").run()
        try await store.sql.raw("INSERT INTO reference_counters (year, next_number) VALUES (\(bind: year), \(bind: number))").run()
    }

    /// Each referral's previous one is counted in one pass. After a bulk load PostgreSQL has no statistics to plan by and no visibility map to
    /// answer counts from an index alone; a restore is followed by the same. SQLite's
    /// planner needs no statistics for Diogelu's indexed reads.
    public func settle() async throws {
        // Rows written straight to the table: each referral's previous one, in one pass.
        try await PreviousReferral.recount(childID: nil, on: store.sql)
        guard !store.isSQLite else { return }
        try await store.sql.raw("VACUUM (ANALYZE)").run()
    }

    private func insert(into table: String, columns: [String], rows: [[SQLBind]]) async throws {
        guard !rows.isEmpty else { return }
        try await store.transaction { db in
            let sql = db as! any SQLDatabase
            var start = 0
            while start < rows.count {
                let end = min(start + Self.rowsPerStatement, rows.count)
                var builder = sql.insert(into: table).columns(columns)
                for row in rows[start..<end] { builder = builder.values(row) }
                try await builder.run()
                start = end
            }
        }
    }
}
