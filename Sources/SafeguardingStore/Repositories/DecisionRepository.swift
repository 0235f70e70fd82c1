import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// The hub's decisions on referrals. A referral can have several when a manager sends
/// one back; the newest is the one that stands.
public struct DecisionRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func record(_ decision: HubDecision, for referralID: UUID) async throws -> UUID {
        let id = UUID()
        try await sql.insert(into: "hub_decisions")
            .columns(
                "id", "referral_id", "outcome", "reasons", "decided_by", "decided_at", "agencies_disagree",
                "sign_off_reasons")
            .values(
                SQLBind(id), SQLBind(referralID), SQLBind(decision.outcome.rawValue), SQLBind(decision.reasons),
                SQLBind(decision.decidedBy), SQLBind(decision.decidedAt), SQLBind(decision.agenciesDisagree),
                SQLBind(decision.signOffReasons.map(\.rawValue).joined(separator: ",")))
            .run()
        return id
    }

    public func recordSignOff(_ signOff: ManagerSignOff, decisionID: UUID) async throws {
        try await sql.update("hub_decisions")
            .set("sign_off_manager", to: signOff.managerID)
            .set("sign_off_at", to: signOff.at)
            .set("sign_off_agreed", to: signOff.agreed)
            .set("sign_off_reason", to: signOff.reason)
            .where("id", .equal, decisionID)
            .run()
    }

    /// The decision that stands on a referral, with its id.
    public func latest(for referralID: UUID) async throws -> (id: UUID, decision: HubDecision)? {
        try await all(for: referralID).last
    }

    /// Every decision on a referral, oldest first.
    public func all(for referralID: UUID) async throws -> [(id: UUID, decision: HubDecision)] {
        let rows = try await sql.select().column("*").from("hub_decisions").where("referral_id", .equal, referralID)
            .orderBy("decided_at").all()
        return try rows.map(Self.decision)
    }

    /// Every decision on each of the referrals, oldest first: a child's chronology in one read.
    public func all(forReferrals referralIDs: [UUID]) async throws -> [UUID: [HubDecision]] {
        guard !referralIDs.isEmpty else { return [:] }
        let rows = try await sql.select().column("*").from("hub_decisions").where("referral_id", .in, referralIDs)
            .orderBy("decided_at").all()
        var decisions: [UUID: [HubDecision]] = [:]
        for row in rows {
            decisions[try row.decode(column: "referral_id", as: UUID.self), default: []].append(try Self.decision(row).decision)
        }
        return decisions
    }

    private static func decision(_ row: any SQLRow) throws -> (id: UUID, decision: HubDecision) {
        var signOff: ManagerSignOff?
        if let manager = try row.decode(column: "sign_off_manager", as: UUID?.self) {
            signOff = ManagerSignOff(
                managerID: manager, at: try row.decode(column: "sign_off_at", as: Date.self),
                agreed: try row.decode(column: "sign_off_agreed", as: Bool.self),
                reason: try row.decode(column: "sign_off_reason", as: String.self))
        }
        let decision = HubDecision(
            outcome: DecisionOutcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .noFurtherAction,
            reasons: try row.decode(column: "reasons", as: String.self),
            decidedBy: try row.decode(column: "decided_by", as: UUID.self),
            decidedAt: try row.decode(column: "decided_at", as: Date.self),
            agenciesDisagree: try row.decode(column: "agencies_disagree", as: Bool.self),
            signOffReasons: try row.decode(column: "sign_off_reasons", as: String.self).split(separator: ",")
                .compactMap { SignOffReason(rawValue: String($0)) },
            signOff: signOff)
        return (try row.decode(column: "id", as: UUID.self), decision)
    }
}
