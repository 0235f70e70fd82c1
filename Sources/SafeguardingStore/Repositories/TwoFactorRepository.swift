import FluentKit
import Foundation
import SQLKit

/// A person's authenticator secret, as the sign-in needs it.
public struct TwoFactorCredential: Sendable, Hashable {
    public var secret: String
    public var confirmedAt: Date?
    public var lastUsedStep: Int64?
    public var recoveryCodesLeft: Int

    public var isConfirmed: Bool { confirmedAt != nil }
}

/// Two-factor secrets and recovery codes. Every change that must happen once (a code
/// used, a recovery code spent, a set-up confirmed) is one conditional update, so two
/// requests racing with the same code cannot both succeed, on either engine.
public struct TwoFactorRepository: Sendable {
    let database: any Database
    var sql: any SQLDatabase { database as! any SQLDatabase }

    public init(_ database: any Database) {
        self.database = database
    }

    public func credential(for userID: UUID) async throws -> TwoFactorCredential? {
        guard let record = try await TwoFactorCredentialRecord.query(on: database).filter(\.$userID == userID).first()
        else { return nil }
        let left = try await RecoveryCodeRecord.query(on: database).filter(\.$userID == userID).filter(\.$usedAt == nil)
            .count()
        return TwoFactorCredential(
            secret: record.secret, confirmedAt: record.confirmedAt, lastUsedStep: record.lastUsedStep, recoveryCodesLeft: left)
    }

    /// Keeps a new secret waiting for its first code. Never replaces a confirmed one:
    /// that takes a reset by an administrator. False when one is confirmed already.
    public func startSetUp(userID: UUID, secret: String, now: Date) async throws -> Bool {
        try await TwoFactorCredentialRecord.query(on: database).filter(\.$userID == userID).filter(\.$confirmedAt == nil)
            .delete()
        guard try await TwoFactorCredentialRecord.query(on: database).filter(\.$userID == userID).count() == 0 else {
            return false
        }
        let record = TwoFactorCredentialRecord()
        record.id = UUID()
        record.userID = userID
        record.secret = secret
        record.createdAt = now
        try await record.create(on: database)
        return true
    }

    /// Confirms the waiting secret with the step of the code typed from it, and replaces
    /// any recovery codes with these. False when there was no waiting secret.
    public func confirm(userID: UUID, step: Int64, recoveryCodeHashes: [String], now: Date) async throws -> Bool {
        let rows = try await sql.update(TwoFactorCredentialRecord.schema)
            .set("confirmed_at", to: now).set("last_used_step", to: step)
            .where("user_id", .equal, userID).where("confirmed_at", .is, SQLLiteral.null)
            .returning("id").all()
        guard !rows.isEmpty else { return false }
        try await replaceRecoveryCodes(userID: userID, with: recoveryCodeHashes)
        return true
    }

    /// Records that the code of `step` signed someone in; false when that step, or a
    /// later one, already had (the same code sent twice, or by someone else as well).
    public func recordUse(userID: UUID, step: Int64) async throws -> Bool {
        let rows = try await sql.update(TwoFactorCredentialRecord.schema)
            .set("last_used_step", to: step)
            .where("user_id", .equal, userID).where("confirmed_at", .isNot, SQLLiteral.null)
            .where { $0.where("last_used_step", .is, SQLLiteral.null).orWhere("last_used_step", .lessThan, step) }
            .returning("id").all()
        return !rows.isEmpty
    }

    /// Spends a recovery code; false when it is not one of this person's unspent codes.
    public func spendRecoveryCode(userID: UUID, codeHash: String, now: Date) async throws -> Bool {
        let rows = try await sql.update(RecoveryCodeRecord.schema)
            .set("used_at", to: now)
            .where("user_id", .equal, userID).where("code_hash", .equal, codeHash).where("used_at", .is, SQLLiteral.null)
            .returning("id").all()
        return !rows.isEmpty
    }

    public func replaceRecoveryCodes(userID: UUID, with hashes: [String]) async throws {
        try await RecoveryCodeRecord.query(on: database).filter(\.$userID == userID).delete()
        for hash in hashes {
            let record = RecoveryCodeRecord()
            record.id = UUID()
            record.userID = userID
            record.codeHash = hash
            try await record.create(on: database)
        }
    }

    /// Removes the secret and every recovery code: the person sets it up again at their
    /// next sign-in.
    public func reset(userID: UUID) async throws {
        try await RecoveryCodeRecord.query(on: database).filter(\.$userID == userID).delete()
        try await TwoFactorCredentialRecord.query(on: database).filter(\.$userID == userID).delete()
        try await SignInChallengeRepository(database).deleteAll(for: userID)
    }
}
