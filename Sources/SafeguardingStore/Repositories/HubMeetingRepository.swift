import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Hub meetings, with their agenda and attendance kept whole with the meeting.
public struct HubMeetingRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func create(_ meeting: HubMeeting) async throws {
        try await sql.insert(into: "hub_meetings")
            .columns("id", "starts_at", "chair_id", "items", "attendance", "closed_at", "minutes_sent_at")
            .values(
                SQLBind(meeting.id), SQLBind(meeting.startsAt), SQLBind(meeting.chairID),
                SQLBind(try DocumentColumn.encode(meeting.items)), SQLBind(try DocumentColumn.encode(meeting.attendance)),
                SQLBind(meeting.closedAt), SQLBind(meeting.minutesSentAt))
            .run()
    }

    public func save(_ meeting: HubMeeting) async throws {
        try await sql.update("hub_meetings")
            .set("items", to: try DocumentColumn.encode(meeting.items))
            .set("attendance", to: try DocumentColumn.encode(meeting.attendance))
            .set("closed_at", to: meeting.closedAt).set("minutes_sent_at", to: meeting.minutesSentAt)
            .where("id", .equal, meeting.id).run()
    }

    public func find(_ id: UUID) async throws -> HubMeeting? {
        try await select { $0.where("id", .equal, id) }.first
    }

    /// The open meeting, if any, that has this referral on its agenda.
    public func openMeeting(with referralID: UUID) async throws -> HubMeeting? {
        try await select { $0.where("closed_at", .is, SQLLiteral.null) }.first {
            $0.items.contains { $0.referralID == referralID }
        }
    }

    /// Meetings starting in a period, latest first.
    public func between(_ from: Date, _ until: Date) async throws -> [HubMeeting] {
        try await select {
            $0.where("starts_at", .greaterThanOrEqual, from).where("starts_at", .lessThan, until).orderBy("starts_at", .descending)
        }
    }

    public func recent(limit: Int) async throws -> [HubMeeting] {
        try await select { $0.orderBy("starts_at", .descending).limit(limit) }
    }

    private func select(_ shape: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [HubMeeting] {
        let rows = try await shape(sql.select().column("*").from("hub_meetings")).all()
        return try rows.map { row in
            HubMeeting(
                id: try row.decode(column: "id", as: UUID.self),
                startsAt: try row.decode(column: "starts_at", as: Date.self),
                chairID: try row.decode(column: "chair_id", as: UUID.self),
                items: try DocumentColumn.decode([HubMeetingItem].self, from: try row.decode(column: "items", as: String.self)),
                attendance: try DocumentColumn.decode(
                    [HubMeetingAttendance].self, from: try row.decode(column: "attendance", as: String.self)),
                closedAt: try row.decode(column: "closed_at", as: Date?.self),
                minutesSentAt: try row.decode(column: "minutes_sent_at", as: Date?.self))
        }
    }
}
