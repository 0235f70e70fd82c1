import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// One line of the hub queue: enough to order and show it, read with SQL so the queue
/// page stays fast at national scale.
public struct QueueLine: Sendable, Hashable {
    public var id: UUID
    public var reference: String
    public var kind: ReferralKind
    public var status: ReferralStatus
    public var childName: String
    public var childDateOfBirth: CalendarDay?
    public var referrerAgencyID: UUID
    public var submittedAt: Date
    public var decisionDueAt: Date
    public var qualityScore: Int
    public var priority: ScreeningPriority
    /// What the referral is mainly about: the notice's type or the first concern named.
    public var concernType: String?
    /// Further notices about the same incident, screened with this one (F4).
    public var linkedNotices: Int
}

/// What the hub queue holds, counted once per episode.
public struct QueueCounts: Sendable, Hashable {
    public var waiting = 0
    public var overdue = 0
    public var awaitingSignOff = 0
    public var highPriority = 0
}

/// One referral as a child's chronology shows it.
public struct ChronologyEntry: Sendable, Hashable {
    public var id: UUID
    public var reference: String
    public var kind: ReferralKind
    public var referrerAgencyID: UUID
    public var submittedAt: Date
    public var outcome: DecisionOutcome?
}

/// Reads and writes referrals. A submitted referral's form is never rewritten: the
/// update methods refuse anything but a draft.
public struct ReferralRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func create(_ referral: Referral) async throws {
        try await ReferralRecord(referral).create(on: database)
        if let childID = referral.childID { try await PreviousReferral.recount(childID: childID, on: database as! any SQLDatabase) }
    }

    /// Several referrals in one read, by id, for lists that show a referral per line.
    public func find(_ ids: [UUID]) async throws -> [UUID: Referral] {
        guard !ids.isEmpty else { return [:] }
        let records = try await ReferralRecord.query(on: database).filter(\.$id ~~ Array(Set(ids))).all()
        return Dictionary(uniqueKeysWithValues: try records.map { ($0.id!, try $0.referral()) })
    }

    /// The references of these referrals, for words that name them: an audit entry's
    /// "why" names the referral it was about without reading the whole referral.
    public func references(of ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await (database as! any SQLDatabase).select().columns("id", "reference").from("referrals")
            .where("id", .in, Array(ids)).all()
        var references: [UUID: String] = [:]
        for row in rows {
            guard let reference = try row.decode(column: "reference", as: String?.self) else { continue }
            references[try row.decode(column: "id", as: UUID.self)] = reference
        }
        return references
    }

    public func find(_ id: UUID) async throws -> Referral? {
        try await ReferralRecord.find(id, on: database)?.referral()
    }

    /// Saves a change to a draft. Returns false, changing nothing, if it is no longer a draft.
    public func saveDraft(_ referral: Referral) async throws -> Bool {
        guard let record = try await ReferralRecord.find(referral.id, on: database),
            record.status == ReferralStatus.draft.rawValue
        else { return false }
        try record.update(from: referral)
        try await record.update(on: database)
        return true
    }

    /// Records the referral's new state after submission, a decision or a sign-off.
    public func save(_ referral: Referral) async throws {
        guard let record = try await ReferralRecord.find(referral.id, on: database) else { throw StoreError.notFound }
        let (linkedBefore, submittedBefore) = (record.childID, record.submittedAt)
        try record.update(from: referral)
        try await record.update(on: database)
        // Linked to a child (or to another), or submitted: the re-referral measure's column.
        if linkedBefore != referral.childID || submittedBefore != referral.submittedAt {
            for childID in Set([linkedBefore, referral.childID].compactMap { $0 }) {
                try await PreviousReferral.recount(childID: childID, on: database as! any SQLDatabase)
            }
        }
    }

    /// The next reference number of the year, in one statement: the upsert takes the
    /// counter row's lock on both engines, so two submissions never get the same number.
    public func nextReference(year: Int) async throws -> String {
        let sql = database as! any SQLDatabase
        guard
            let row = try await sql.raw("""
                INSERT INTO reference_counters (year, next_number) VALUES (\(bind: year), 1)
                ON CONFLICT (year) DO UPDATE SET next_number = reference_counters.next_number + 1
                RETURNING next_number
                """).first()
        else { throw StoreError.notFound }
        return Referral.reference(year: year, number: try row.decode(column: "next_number", as: Int.self))
    }

    /// Referrals waiting for the hub, the most urgent first: those waiting for a manager's
    /// sign-off (the last step before the decision stands), then the highest priority,
    /// then the soonest deadline.
    ///
    /// Each waiting status is read on its own, in that order straight from the
    /// `referrals_queue_priority` index, and only the first `offset + limit` of each are
    /// merged: asking for both statuses at once made the database sort every waiting
    /// referral on every load of the queue.
    ///
    /// `signOffFirst` is for those who sign off: to a practitioner, a referral waiting for
    /// the manager is not theirs to act on, and it goes after the ones that are, so that a
    /// high-risk notice leads their queue.
    public func queue(limit: Int = 200, offset: Int = 0, signOffFirst: Bool = true) async throws -> [QueueLine] {
        let rows = try await database.rows(QueueRead.self, offset + limit, signOffFirst ? 0 : 2, limit, offset)
        return try rows.map { row in
            QueueLine(
                id: try row.decode(column: "id", as: UUID.self),
                reference: try row.decode(column: "reference", as: String?.self) ?? "",
                kind: ReferralKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .multiAgencyReferralForm,
                status: ReferralStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .submitted,
                childName: try row.decode(column: "child_name", as: String.self),
                childDateOfBirth: try row.decode(column: "child_date_of_birth", as: String?.self)
                    .flatMap(CalendarDay.init(iso8601:)),
                referrerAgencyID: try row.decode(column: "referrer_agency_id", as: UUID.self),
                submittedAt: try row.decode(column: "submitted_at", as: Date.self),
                decisionDueAt: try row.decode(column: "decision_due_at", as: Date.self),
                qualityScore: try row.decode(column: "quality_score", as: Int.self),
                priority: ScreeningPriority(rawValue: try row.decode(column: "priority", as: Int.self)) ?? .routine,
                concernType: try row.decode(column: "concern_type", as: String?.self),
                linkedNotices: try row.decode(column: "linked_notices", as: Int.self))
        }
    }

    /// $1 how many of each status to merge, $2 where sign-off goes (0 before the referrals
    /// waiting for screening, 2 after them), $3 limit, $4 offset. The statuses are written
    /// into the text, not given as values, so that PostgreSQL's kept plan knows how few
    /// referrals wait: planned for any status, it counted on reading a fifth of the table.
    /// A duplicate notice is counted once, under the first notice of its episode.
    enum QueueRead: PreparedRead {
        private static let columns = "id, reference, kind, status, child_name, child_date_of_birth, referrer_agency_id, "
            + "submitted_at, decision_due_at, quality_score, priority, concern_type"
        static let sql = """
            SELECT \(columns),
                (SELECT COUNT(*) FROM referrals linked WHERE linked.episode_lead_id = waiting.id) AS linked_notices
            FROM (
                SELECT * FROM (SELECT \(columns) FROM referrals
                    WHERE status = '\(ReferralRepository.submitted)' AND episode_lead_id IS NULL ORDER BY priority DESC, decision_due_at LIMIT $1) AS submitted
                UNION ALL
                SELECT * FROM (SELECT \(columns) FROM referrals
                    WHERE status = '\(ReferralRepository.signingOff)' AND episode_lead_id IS NULL ORDER BY priority DESC, decision_due_at LIMIT $1) AS signing_off
            ) AS waiting
            ORDER BY CASE WHEN status = '\(ReferralRepository.signingOff)' THEN $2 ELSE 1 END, priority DESC, decision_due_at
            LIMIT $3 OFFSET $4
            """
    }

    /// How many referrals wait for the hub; how many of them are past their deadline, wait
    /// for a manager's sign-off, or are high priority. Each count is a range of the
    /// `referrals_queue_leads` index, status by status, so a count reads only its entries.
    public func queueCounts(now: Date) async throws -> QueueCounts {
        guard let row = try await database.row(QueueCountsRead.self, now) else { return QueueCounts() }
        return QueueCounts(
            waiting: try row.decode(column: "waiting", as: Int.self), overdue: try row.decode(column: "overdue", as: Int.self),
            awaitingSignOff: try row.decode(column: "awaiting_sign_off", as: Int.self),
            highPriority: try row.decode(column: "high_priority", as: Int.self))
    }

    /// $1 now. The statuses are in the text, as in ``QueueRead``. One pass over the
    /// waiting entries of the `referrals_queue_leads` index counts them all.
    enum QueueCountsRead: PreparedRead {
        static let sql = """
            SELECT COUNT(*) AS waiting, COALESCE(SUM(CASE WHEN decision_due_at < $1 THEN 1 ELSE 0 END), 0) AS overdue,
                COALESCE(SUM(CASE WHEN status = '\(ReferralRepository.signingOff)' THEN 1 ELSE 0 END), 0) AS awaiting_sign_off,
                COALESCE(SUM(CASE WHEN priority = \(ScreeningPriority.high.rawValue) THEN 1 ELSE 0 END), 0) AS high_priority
            FROM referrals
            WHERE status IN ('\(ReferralRepository.submitted)', '\(ReferralRepository.signingOff)') AND episode_lead_id IS NULL
            """
    }

    /// The two statuses of a referral waiting for the hub: constants of the code, so safe
    /// to write into a prepared read's text.
    fileprivate static let submitted = ReferralStatus.submitted.rawValue
    fileprivate static let signingOff = ReferralStatus.awaitingSignOff.rawValue

    /// A referrer's own referrals, newest first.
    public func byReferrer(_ userID: UUID, limit: Int = 100) async throws -> [Referral] {
        try await ReferralRecord.query(on: database).filter(\.$referrerUserID == userID)
            .sort(\.$createdAt, .descending).limit(limit).all().map { try $0.referral() }
    }

    /// Submitted referrals about a child's record, and about any duplicate records merged
    /// into it, newest first: its chronology. Only the columns a chronology shows are read;
    /// the forms stay on disk, because a child referred often has many.
    public func chronology(of childID: UUID) async throws -> [ChronologyEntry] {
        try await database.rows(ChronologyRead.self, childID).map { row in
            ChronologyEntry(
                id: try row.decode(column: "id", as: UUID.self),
                reference: try row.decode(column: "reference", as: String?.self) ?? "",
                kind: ReferralKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .multiAgencyReferralForm,
                referrerAgencyID: try row.decode(column: "referrer_agency_id", as: UUID.self),
                submittedAt: try row.decode(column: "submitted_at", as: Date.self),
                outcome: try row.decode(column: "outcome", as: String?.self).flatMap(DecisionOutcome.init(rawValue:)))
        }
    }

    /// $1 the child. Two index reads in one statement: the child's own referrals, then those
    /// of any duplicate merged into the record (an OR would read every referral instead).
    enum ChronologyRead: PreparedRead {
        static let sql = """
            SELECT id, reference, kind, referrer_agency_id, submitted_at, outcome FROM referrals
                WHERE child_id = $1 AND submitted_at IS NOT NULL
            UNION ALL
            SELECT id, reference, kind, referrer_agency_id, submitted_at, outcome FROM referrals
                WHERE child_id IN (SELECT id FROM children WHERE merged_into_id = $1) AND submitted_at IS NOT NULL
            ORDER BY submitted_at DESC
            """
    }

    /// Other referrals about the same child as this one: linked to the same record, or
    /// carrying the same NHS number, or the same name and date of birth. Nil when the
    /// referral says too little about the child to tell.
    private func referralsAboutTheSameChild(as referral: Referral) -> QueryBuilder<ReferralRecord>? {
        let nhs = (try? NHSNumber(referral.form.child.nhsNumber))?.digits
        let name = ChildRecord.searchName(surname: referral.form.child.surname, givenName: referral.form.child.givenName)
        let dob = referral.form.child.dateOfBirth?.iso
        guard referral.childID != nil || nhs != nil || dob != nil else { return nil }
        return ReferralRecord.query(on: database)
            .filter(\.$id != referral.id)
            .group(.or) { group in
                if let child = referral.childID { group.filter(\.$childID == child) }
                if let nhs { group.filter(\.$childNHSNumber == nhs) }
                if let dob {
                    group.group(.and) { $0.filter(\.$childSearchName == name).filter(\.$childDateOfBirth == dob) }
                }
            }
    }

    /// Earlier submitted referrals that are about the same child: linked to the same
    /// record, or carrying the same NHS number, or the same name and date of birth.
    public func earlierReferrals(like referral: Referral) async throws -> [ReferralHistory.Earlier] {
        guard let aboutTheChild = referralsAboutTheSameChild(as: referral) else { return [] }
        let records = try await aboutTheChild.filter(\.$submittedAt != nil).all()
        return records.compactMap { record in
            guard let submitted = record.submittedAt else { return nil }
            return ReferralHistory.Earlier(
                referralID: record.id!, reference: record.reference ?? "", receivedAt: submitted,
                outcome: record.outcome.flatMap(DecisionOutcome.init(rawValue:)), childID: record.childID)
        }
    }

    /// The first notice of an earlier episode that this police notice duplicates: a notice
    /// of the last seven days about the same child and the same incident.
    public func episodeLead(for referral: Referral) async throws -> UUID? {
        guard referral.kind == .policeProtectionNotice, let notice = referral.form.policeNotice else { return nil }
        guard let aboutTheChild = referralsAboutTheSameChild(as: referral) else { return nil }
        let since = (referral.submittedAt ?? Date()).addingTimeInterval(-7 * 86_400)
        let records = try await aboutTheChild
            .filter(\.$kind == ReferralKind.policeProtectionNotice.rawValue)
            .filter(\.$submittedAt >= since)
            .sort(\.$submittedAt)
            .all()
        for record in records {
            let earlier = try record.referral()
            if let other = earlier.form.policeNotice, PoliceNoticeEpisode.sameIncident(notice, other) {
                return earlier.episodeLeadID ?? earlier.id
            }
        }
        return nil
    }

    /// The further notices of the episode a notice leads, oldest first.
    public func episodeMembers(of leadID: UUID) async throws -> [Referral] {
        try await ReferralRecord.query(on: database).filter(\.$episodeLeadID == leadID).sort(\.$submittedAt).all()
            .map { try $0.referral() }
    }

    public func addAddition(referralID: UUID, by userID: UUID, text: String, at now: Date) async throws {
        try await (database as! any SQLDatabase).insert(into: "referral_additions")
            .columns("id", "referral_id", "added_by", "added_at", "text")
            .values(SQLBind(UUID()), SQLBind(referralID), SQLBind(userID), SQLBind(now), SQLBind(text))
            .run()
    }

    /// What was added to a referral after it was submitted, oldest first.
    public func additions(of referralID: UUID) async throws -> [(by: UUID, at: Date, text: String)] {
        let rows = try await (database as! any SQLDatabase).select().columns("added_by", "added_at", "text")
            .from("referral_additions").where("referral_id", .equal, referralID).orderBy("added_at").all()
        return try rows.map {
            (try $0.decode(column: "added_by", as: UUID.self), try $0.decode(column: "added_at", as: Date.self),
                try $0.decode(column: "text", as: String.self))
        }
    }

    /// Referral quality by the referring agency over a period (F2): how many referrals,
    /// their average score, and how many scored under 60.
    public func qualityByAgency(from: Date, until: Date) async throws -> [(agencyID: UUID, referrals: Int, averageScore: Double, below60: Int)] {
        let sql = database as! any SQLDatabase
        let rows = try await sql.raw("""
            SELECT referrer_agency_id, COUNT(*) AS referrals, AVG(quality_score * 1.0) AS average_score,
                   SUM(CASE WHEN quality_score < 60 THEN 1 ELSE 0 END) AS below_60
            FROM referrals
            WHERE submitted_at >= \(bind: from) AND submitted_at < \(bind: until)
            GROUP BY referrer_agency_id
            """).all()
        return try rows.map {
            (try $0.decode(column: "referrer_agency_id", as: UUID.self), try $0.decode(column: "referrals", as: Int.self),
             try $0.decode(column: "average_score", as: Double.self), try $0.decode(column: "below_60", as: Int.self))
        }
    }

    public func count() async throws -> Int {
        try await ReferralRecord.query(on: database).count()
    }
}
