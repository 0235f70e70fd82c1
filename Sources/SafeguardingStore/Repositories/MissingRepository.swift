import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Missing episodes and the profiles kept ready for children in care. As elsewhere in the
/// store, nothing here checks access or audits: the desk does both in the same transaction.
public struct MissingRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    /// Creates or updates an episode, keeping the typed columns in step with the document.
    public func save(_ episode: MissingEpisode) async throws {
        let interview = episode.returnInterview
        try await sql.insert(into: "missing_episodes")
            .columns(
                "id", "child_id", "reported_at", "reporting_agency_id", "risk_grade", "located_at", "interview_due_at",
                "interview_offered_at", "interview_outcome", "interview_independent", "strategy_meeting_due", "document")
            .values(
                SQLBind(episode.id), SQLBind(episode.childID), SQLBind(episode.reportedAt), SQLBind(episode.reportedByAgencyID),
                SQLBind(episode.riskGrade.rawValue), SQLBind(episode.locatedAt), SQLBind(episode.returnInterviewDueAt),
                SQLBind(interview?.offeredAt), SQLBind(interview?.outcome.rawValue), SQLBind(interview?.independent),
                SQLBind(episode.strategyMeetingDue), SQLBind(try DocumentColumn.encode(episode)))
            .onConflict(with: ["id"]) { conflict in
                [
                    "risk_grade", "located_at", "interview_due_at", "interview_offered_at", "interview_outcome",
                    "interview_independent", "strategy_meeting_due", "document",
                ].reduce(conflict) { $0.set(excludedValueOf: $1) }
            }
            .run()
    }

    public func episode(_ id: UUID) async throws -> MissingEpisode? {
        try await decode(sql.select().column("document").from("missing_episodes").where("id", .equal, id).all()).first
    }

    /// A child's episodes, the most recent first.
    public func episodes(of childID: UUID) async throws -> [MissingEpisode] {
        try await decode(
            sql.select().column("document").from("missing_episodes").where("child_id", .equal, childID)
                .orderBy("reported_at", .descending).all())
    }

    /// Which of these children are missing now, and since when: one read for every page's flags.
    public func missingSince(_ childIDs: [UUID]) async throws -> [UUID: Date] {
        guard !childIDs.isEmpty else { return [:] }
        let rows = try await sql.select().column("child_id").column(SQLFunction("MIN", args: SQLColumn("reported_at")), as: "since")
            .from("missing_episodes").where("child_id", .in, childIDs).where("located_at", .is, SQLLiteral.null)
            .groupBy("child_id").all()
        var since: [UUID: Date] = [:]
        for row in rows { since[try row.decode(column: "child_id", as: UUID.self)] = try row.decode(column: "since", as: Date.self) }
        return since
    }

    /// Episodes whose child has returned and who has not yet been offered a return
    /// interview: the clocks on the team queue, the most pressing first.
    public func interviewsAwaited(limit: Int = 1_000) async throws -> [MissingEpisode] {
        try await decode(
            sql.select().column("document").from("missing_episodes")
                .where("interview_due_at", .isNot, SQLLiteral.null).where("interview_offered_at", .is, SQLLiteral.null)
                .orderBy("interview_due_at").limit(limit).all())
    }

    /// Every episode reported in the period, for the measures.
    public func reported(during period: Range<Date>) async throws -> [MissingEpisode] {
        try await decode(
            sql.select().column("document").from("missing_episodes")
                .where("reported_at", .greaterThanOrEqual, period.lowerBound).where("reported_at", .lessThan, period.upperBound)
                .all())
    }

    // MARK: The profile kept ready

    public func profile(of childID: UUID) async throws -> MissingProfile? {
        let row = try await sql.select().column("document").from("missing_profiles").where("child_id", .equal, childID).first()
        return try row.map { try DocumentColumn.decode(MissingProfile.self, from: try $0.decode(column: "document", as: String.self)) }
    }

    public func save(_ profile: MissingProfile) async throws {
        try await sql.insert(into: "missing_profiles").columns("child_id", "updated_at", "document")
            .values(SQLBind(profile.childID), SQLBind(profile.updatedAt), SQLBind(try DocumentColumn.encode(profile)))
            .onConflict(with: ["child_id"]) { $0.set(excludedValueOf: "updated_at").set(excludedValueOf: "document") }
            .run()
    }

    private func decode(_ rows: [any SQLRow]) throws -> [MissingEpisode] {
        try rows.map { try DocumentColumn.decode(MissingEpisode.self, from: try $0.decode(column: "document", as: String.self)) }
    }
}
