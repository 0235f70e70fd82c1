import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Requests for information and each agency's inbox of them.
public struct InformationRequestRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func create(_ request: InformationRequest) async throws {
        try await sql.insert(into: "information_requests")
            .columns(
                "id", "referral_id", "child_id", "agency_id", "requested_by", "requested_at", "due_at", "question",
                "answered_at", "answer", "chase_count", "last_chased_at")
            .values(
                SQLBind(request.id), SQLBind(request.referralID), SQLBind(request.childID), SQLBind(request.agencyID),
                SQLBind(request.requestedBy), SQLBind(request.requestedAt), SQLBind(request.dueAt), SQLBind(request.question),
                SQLBind(request.answer?.answeredAt), SQLBind(try request.answer.map(DocumentColumn.encode)),
                SQLBind(request.chaseCount), SQLBind(request.lastChasedAt))
            .run()
    }

    /// Records the answer only if none was recorded before; false when someone else
    /// from the agency answered first.
    public func recordAnswer(_ answer: InformationAnswer, to id: UUID) async throws -> Bool {
        let rows = try await sql.update("information_requests")
            .set("answered_at", to: answer.answeredAt).set("answer", to: try DocumentColumn.encode(answer))
            .where("id", .equal, id).where("answered_at", .is, SQLLiteral.null)
            .returning("id").all()
        return !rows.isEmpty
    }

    public func recordChase(of id: UUID, at now: Date) async throws {
        try await sql.update("information_requests").set("last_chased_at", to: now)
            .set(SQLIdentifier("chase_count"), to: SQLRaw("chase_count + 1")).where("id", .equal, id).run()
    }

    public func find(_ id: UUID) async throws -> InformationRequest? {
        try await select { $0.where("id", .equal, id) }.first
    }

    public func forReferral(_ referralID: UUID) async throws -> [InformationRequest] {
        try await select { $0.where("referral_id", .equal, referralID).orderBy("requested_at") }
    }

    public func forReferrals(_ referralIDs: [UUID]) async throws -> [InformationRequest] {
        guard !referralIDs.isEmpty else { return [] }
        return try await select { $0.where("referral_id", .in, referralIDs).orderBy("requested_at") }
    }

    /// An agency's inbox: what is waiting, soonest due first, then what was answered lately.
    public func inbox(of agencyID: UUID, answeredSince: Date, limit: Int = 200) async throws -> [InformationRequest] {
        let waiting = try await select {
            $0.where("agency_id", .equal, agencyID).where("answered_at", .is, SQLLiteral.null).orderBy("due_at").limit(limit)
        }
        let answered = try await select {
            $0.where("agency_id", .equal, agencyID).where("answered_at", .greaterThanOrEqual, answeredSince)
                .orderBy("answered_at", .descending).limit(limit)
        }
        return waiting + answered
    }

    /// Unanswered requests already past their due time, oldest first.
    public func overdue(at now: Date, limit: Int = 500) async throws -> [InformationRequest] {
        try await select {
            $0.where("answered_at", .is, SQLLiteral.null).where("due_at", .lessThan, now).orderBy("due_at").limit(limit)
        }
    }

    /// Every request made in a period, for the turnaround measures.
    public func requested(from: Date, until: Date) async throws -> [InformationRequest] {
        try await select { $0.where("requested_at", .greaterThanOrEqual, from).where("requested_at", .lessThan, until) }
    }

    private func select(_ shape: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [InformationRequest] {
        let rows = try await shape(sql.select().column("*").from("information_requests")).all()
        return try rows.map { row in
            InformationRequest(
                id: try row.decode(column: "id", as: UUID.self),
                referralID: try row.decode(column: "referral_id", as: UUID.self),
                childID: try row.decode(column: "child_id", as: UUID?.self),
                agencyID: try row.decode(column: "agency_id", as: UUID.self),
                requestedBy: try row.decode(column: "requested_by", as: UUID.self),
                requestedAt: try row.decode(column: "requested_at", as: Date.self),
                dueAt: try row.decode(column: "due_at", as: Date.self),
                question: try row.decode(column: "question", as: String.self),
                answer: try row.decode(column: "answer", as: String?.self).map { try DocumentColumn.decode(InformationAnswer.self, from: $0) },
                chaseCount: try row.decode(column: "chase_count", as: Int.self),
                lastChasedAt: try row.decode(column: "last_chased_at", as: Date?.self))
        }
    }
}

/// Duty rotas and absences, which decide whom a chase reaches first.
public struct DutyRotaRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func rota(of agencyID: UUID) async throws -> DutyRota {
        let rows = try await sql.select().columns("weekday", "user_id").from("duty_rota").where("agency_id", .equal, agencyID).all()
        var rota = DutyRota(agencyID: agencyID)
        for row in rows {
            guard let weekday = Weekday(rawValue: try row.decode(column: "weekday", as: Int.self)) else { continue }
            rota.onDuty[weekday, default: []].append(try row.decode(column: "user_id", as: UUID.self))
        }
        return rota
    }

    /// Replaces the agency's rota with this one.
    public func replace(_ rota: DutyRota) async throws {
        try await sql.delete(from: "duty_rota").where("agency_id", .equal, rota.agencyID).run()
        for (weekday, people) in rota.onDuty {
            for person in Set(people) {
                try await sql.insert(into: "duty_rota").columns("agency_id", "weekday", "user_id")
                    .values(SQLBind(rota.agencyID), SQLBind(weekday.rawValue), SQLBind(person)).run()
            }
        }
    }

    public func addAbsence(_ absence: Absence) async throws {
        try await sql.insert(into: "absences").columns("id", "user_id", "first_day", "last_day")
            .values(SQLBind(UUID()), SQLBind(absence.userID), SQLBind(absence.firstDay.iso), SQLBind(absence.lastDay.iso)).run()
    }

    /// Absences of these people that have not ended before `day`.
    public func absences(of userIDs: [UUID], from day: CalendarDay) async throws -> [Absence] {
        guard !userIDs.isEmpty else { return [] }
        let rows = try await sql.select().columns("user_id", "first_day", "last_day").from("absences")
            .where("user_id", .in, userIDs).where("last_day", .greaterThanOrEqual, day.iso).all()
        return try rows.compactMap { row in
            guard let first = CalendarDay(iso8601: try row.decode(column: "first_day", as: String.self)),
                let last = CalendarDay(iso8601: try row.decode(column: "last_day", as: String.self))
            else { return nil }
            return Absence(userID: try row.decode(column: "user_id", as: UUID.self), firstDay: first, lastDay: last)
        }
    }
}
