import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// The early intervention team's cases. The state and next deadline are columns so the
/// team's queue is one indexed read; the steps are the case's document.
public struct EarlyInterventionRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func create(_ item: EarlyInterventionCase) async throws {
        try await sql.insert(into: "early_intervention_cases")
            .columns("id", "referral_id", "child_id", "opened_at", "state", "next_due_at", "steps")
            .values(
                SQLBind(item.id), SQLBind(item.referralID), SQLBind(item.childID), SQLBind(item.openedAt),
                SQLBind(item.state.rawValue), SQLBind(item.nextDue), SQLBind(try DocumentColumn.encode(item)))
            .run()
    }

    public func save(_ item: EarlyInterventionCase) async throws {
        try await sql.update("early_intervention_cases")
            .set("state", to: item.state.rawValue).set("next_due_at", to: item.nextDue)
            .set("steps", to: try DocumentColumn.encode(item)).set("child_id", to: item.childID)
            .where("id", .equal, item.id).run()
    }

    public func find(_ id: UUID) async throws -> EarlyInterventionCase? {
        try await select { $0.where("id", .equal, id) }.first
    }

    public func forReferral(_ referralID: UUID) async throws -> EarlyInterventionCase? {
        try await select { $0.where("referral_id", .equal, referralID) }.first
    }

    /// Open cases, the soonest deadline first; cases with nothing owed come last.
    public func openCases(limit: Int = 200) async throws -> [EarlyInterventionCase] {
        let open = [EarlyInterventionState.awaitingContact, .awaitingWhatMatters, .awaitingVisit, .readyToClose]
        let cases = try await select { $0.where("state", .in, open.map(\.rawValue)).limit(limit) }
        return cases.sorted { ($0.nextDue ?? .distantFuture, $0.openedAt) < ($1.nextDue ?? .distantFuture, $1.openedAt) }
    }

    public func opened(from: Date, until: Date) async throws -> [EarlyInterventionCase] {
        try await select { $0.where("opened_at", .greaterThanOrEqual, from).where("opened_at", .lessThan, until) }
    }

    private func select(_ shape: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [EarlyInterventionCase] {
        let rows = try await shape(sql.select().column("steps").from("early_intervention_cases")).all()
        return try rows.map { try DocumentColumn.decode(EarlyInterventionCase.self, from: try $0.decode(column: "steps", as: String.self)) }
    }
}

/// Operation Encompass notifications to schools.
public struct EncompassRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func create(_ notification: EncompassNotification) async throws {
        try await sql.insert(into: "encompass_notifications")
            .columns(
                "id", "referral_id", "child_id", "school_agency_id", "incident_at", "created_at", "due_by", "sent_at",
                "seen_at", "seen_by")
            .values(
                SQLBind(notification.id), SQLBind(notification.referralID), SQLBind(notification.childID),
                SQLBind(notification.schoolAgencyID), SQLBind(notification.incidentAt), SQLBind(notification.createdAt),
                SQLBind(notification.dueBy), SQLBind(notification.sentAt), SQLBind(notification.seenAt),
                SQLBind(notification.seenBy))
            .run()
    }

    public func save(_ notification: EncompassNotification) async throws {
        try await sql.update("encompass_notifications")
            .set("child_id", to: notification.childID).set("school_agency_id", to: notification.schoolAgencyID)
            .set("sent_at", to: notification.sentAt).set("seen_at", to: notification.seenAt)
            .set("seen_by", to: notification.seenBy)
            .where("id", .equal, notification.id).run()
    }

    public func find(_ id: UUID) async throws -> EncompassNotification? {
        try await select { $0.where("id", .equal, id) }.first
    }

    public func forReferral(_ referralID: UUID) async throws -> EncompassNotification? {
        try await select { $0.where("referral_id", .equal, referralID) }.first
    }

    /// A school's notifications, newest first.
    public func forSchool(_ agencyID: UUID, limit: Int = 100) async throws -> [EncompassNotification] {
        try await select { $0.where("school_agency_id", .equal, agencyID).orderBy("due_by", .descending).limit(limit) }
    }

    /// Every notification, for the hub: those without a school first, then newest.
    public func recent(limit: Int = 100) async throws -> [EncompassNotification] {
        let unknown = try await select { $0.where("school_agency_id", .is, SQLLiteral.null).orderBy("due_by") }
        let known = try await select {
            $0.where("school_agency_id", .isNot, SQLLiteral.null).orderBy("due_by", .descending).limit(limit)
        }
        return unknown + known
    }

    public func created(from: Date, until: Date) async throws -> [EncompassNotification] {
        try await select { $0.where("created_at", .greaterThanOrEqual, from).where("created_at", .lessThan, until) }
    }

    private func select(_ shape: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [EncompassNotification] {
        let rows = try await shape(sql.select().column("*").from("encompass_notifications")).all()
        return try rows.map { row in
            EncompassNotification(
                id: try row.decode(column: "id", as: UUID.self),
                referralID: try row.decode(column: "referral_id", as: UUID.self),
                childID: try row.decode(column: "child_id", as: UUID?.self),
                schoolAgencyID: try row.decode(column: "school_agency_id", as: UUID?.self),
                incidentAt: try row.decode(column: "incident_at", as: Date.self),
                createdAt: try row.decode(column: "created_at", as: Date.self),
                dueBy: try row.decode(column: "due_by", as: Date.self),
                sentAt: try row.decode(column: "sent_at", as: Date?.self),
                seenAt: try row.decode(column: "seen_at", as: Date?.self),
                seenBy: try row.decode(column: "seen_by", as: UUID?.self))
        }
    }
}
