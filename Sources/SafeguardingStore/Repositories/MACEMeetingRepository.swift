import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// MACE meetings, and what their agenda is built from: every child's agreed levels and
/// latest computed level, read from typed columns rather than each child's documents.
public struct MACEMeetingRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func save(_ meeting: MACEMeeting) async throws {
        try await sql.insert(into: "mace_meetings").columns("id", "held_on", "chair_id", "closed_at", "document")
            .values(SQLBind(meeting.id), SQLBind(meeting.heldOn.iso), SQLBind(meeting.chairID), SQLBind(meeting.closedAt),
                SQLBind(try DocumentColumn.encode(meeting)))
            .onConflict(with: ["id"]) { $0.set(excludedValueOf: "closed_at").set(excludedValueOf: "document") }
            .run()
        try await sql.delete(from: "mace_attendance").where("meeting_id", .equal, meeting.id).run()
        for line in meeting.attendance {
            try await sql.insert(into: "mace_attendance").columns("meeting_id", "agency_id", "present")
                .values(SQLBind(meeting.id), SQLBind(line.agencyID), SQLBind(line.present)).run()
        }
    }

    public func find(_ id: UUID) async throws -> MACEMeeting? {
        let row = try await sql.select().column("document").from("mace_meetings").where("id", .equal, id).first()
        return try row.map { try DocumentColumn.decode(MACEMeeting.self, from: try $0.decode(column: "document", as: String.self)) }
    }

    /// The latest meetings, the most recent first.
    public func recent(limit: Int = 20) async throws -> [MACEMeeting] {
        let rows = try await sql.select().column("document").from("mace_meetings").orderBy("held_on", .descending).limit(limit).all()
        return try rows.map { try DocumentColumn.decode(MACEMeeting.self, from: try $0.decode(column: "document", as: String.self)) }
    }

    /// The day of the last meeting held before `day`, closed or not.
    public func lastMeeting(before day: CalendarDay) async throws -> CalendarDay? {
        let row = try await sql.select().column("held_on").from("mace_meetings").where("held_on", .lessThan, day.iso)
            .orderBy("held_on", .descending).limit(1).first()
        return try row.flatMap { CalendarDay(iso8601: try $0.decode(column: "held_on", as: String.self)) }
    }

    /// Every child the agenda could hold on `day`: with an agreed level, or assessed since
    /// `since`. Each with the latest agreed level, the one before it, its review date, and
    /// the highest level of the agencies' latest assessments, and the latest day.
    public func agendaCandidates(assessedSince since: CalendarDay?) async throws -> [MACEAgenda.Candidate] {
        var candidates: [UUID: MACEAgenda.Candidate] = [:]
        let agreed = try await sql.select().columns("child_id", "agreed_on", "level", "review_due")
            .from("exploitation_agreed_levels").orderBy("child_id").orderBy("agreed_on").all()
        for row in agreed {
            let childID = try row.decode(column: "child_id", as: UUID.self)
            var candidate = candidates[childID] ?? MACEAgenda.Candidate(childID: childID)
            candidate.previouslyAgreed = candidate.agreed
            candidate.agreed = ExploitationRiskLevel(rawValue: try row.decode(column: "level", as: String.self))
            candidate.reviewDue = CalendarDay(iso8601: try row.decode(column: "review_due", as: String.self))
            candidates[childID] = candidate
        }
        // Each agency's latest view counts, and the highest of them stands for the child:
        // a later "not at risk" from one agency does not hide another's "medium".
        var assessed = sql.select().columns("child_id", "agency_id", "assessed_on", "level").from("exploitation_assessments")
        if let since { assessed = assessed.where("assessed_on", .greaterThan, since.iso) }
        var views: [UUID: [UUID: (CalendarDay, ExploitationRiskLevel)]] = [:]
        for row in try await assessed.orderBy("assessed_on").orderBy("recorded_at").all() {
            guard let day = CalendarDay(iso8601: try row.decode(column: "assessed_on", as: String.self)),
                let level = ExploitationRiskLevel(rawValue: try row.decode(column: "level", as: String.self))
            else { continue }
            views[try row.decode(column: "child_id", as: UUID.self), default: [:]][try row.decode(column: "agency_id", as: UUID.self)] =
                (day, level)
        }
        for (childID, byAgency) in views {
            var candidate = candidates[childID] ?? MACEAgenda.Candidate(childID: childID)
            candidate.latestComputed = byAgency.values.map(\.1).max()
            candidate.latestAssessedOn = byAgency.values.map(\.0).max()
            candidates[childID] = candidate
        }
        return Array(candidates.values)
    }

    /// The agreed levels a meeting recorded, by child.
    public func decisions(of meetingID: UUID) async throws -> [UUID: AgreedExploitationLevel] {
        let rows = try await sql.select().column("document").from("exploitation_agreed_levels")
            .where("meeting_id", .equal, meetingID).orderBy("agreed_on").all()
        var decisions: [UUID: AgreedExploitationLevel] = [:]
        for row in rows {
            let agreed = try DocumentColumn.decode(AgreedExploitationLevel.self, from: try row.decode(column: "document", as: String.self))
            decisions[agreed.childID] = agreed
        }
        return decisions
    }

    // MARK: Places and groups on the agenda

    /// A place or group a meeting keeps on its agenda: brought by the chair, frozen
    /// when the meeting closed, or decided about.
    public struct KeptContext: Sendable, Hashable {
        public var nodeID: UUID
        public var nodeKind: NetworkNodeKind
        public var addedByChair: Bool
        public var decision: MACEContextDecision?

        public init(nodeID: UUID, nodeKind: NetworkNodeKind, addedByChair: Bool, decision: MACEContextDecision? = nil) {
            self.nodeID = nodeID
            self.nodeKind = nodeKind
            self.addedByChair = addedByChair
            self.decision = decision
        }
    }

    /// Keeps a context on the meeting's agenda, replacing what was kept before.
    public func keep(_ context: KeptContext, meetingID: UUID) async throws {
        try await sql.insert(into: "mace_context_items")
            .columns("meeting_id", "node_id", "node_kind", "added_by_chair", "decided_on", "action_count", "document")
            .values(
                SQLBind(meetingID), SQLBind(context.nodeID), SQLBind(context.nodeKind.rawValue), SQLBind(context.addedByChair),
                SQLBind(context.decision?.decidedOn.iso), SQLBind(context.decision?.plan.count ?? 0),
                SQLBind(try context.decision.map { try DocumentColumn.encode($0) }))
            .onConflict(with: ["meeting_id", "node_id"]) { conflict in
                ["added_by_chair", "decided_on", "action_count", "document"].reduce(conflict) { $0.set(excludedValueOf: $1) }
            }
            .run()
    }

    public func keptContexts(of meetingID: UUID) async throws -> [UUID: KeptContext] {
        let rows = try await sql.select().columns("node_id", "node_kind", "added_by_chair", "document").from("mace_context_items")
            .where("meeting_id", .equal, meetingID).all()
        var kept: [UUID: KeptContext] = [:]
        for row in rows {
            let nodeID = try row.decode(column: "node_id", as: UUID.self)
            kept[nodeID] = KeptContext(
                nodeID: nodeID,
                nodeKind: NetworkNodeKind(rawValue: try row.decode(column: "node_kind", as: String.self)) ?? .place,
                addedByChair: try row.decode(column: "added_by_chair", as: Bool.self),
                decision: try row.decode(column: "document", as: String?.self).map {
                    try DocumentColumn.decode(MACEContextDecision.self, from: $0)
                })
        }
        return kept
    }

    /// The latest decision about a place or group at a meeting other than this one, held
    /// no later than `day`: what the next decision carries forward.
    public func latestContextDecision(about nodeID: UUID, otherThan meetingID: UUID, by day: CalendarDay) async throws
        -> MACEContextDecision?
    {
        let row = try await sql.select().column("document").from("mace_context_items")
            .where("node_id", .equal, nodeID).where("meeting_id", .notEqual, meetingID)
            .where("decided_on", .lessThanOrEqual, day.iso)
            .orderBy("decided_on", .descending).limit(1).first()
        return try row.flatMap { try $0.decode(column: "document", as: String?.self) }
            .map { try DocumentColumn.decode(MACEContextDecision.self, from: $0) }
    }
}
