import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Reads and writes accounts. Password hashing happens in the web target, which owns
/// the hashing library; only hashes pass through here.
public struct UserRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }
    private var accounts: SQLSelectBuilder { sql.select().columns(UserRow.columns).from("users") }

    public func all() async throws -> [UserAccount] {
        try await accounts.orderBy("display_name").all().map(UserRow.account(from:))
    }

    /// Display names of just these accounts: pages name the people who acted without
    /// loading every account in the nation.
    public func names(of ids: Set<UUID>) async throws -> [UUID: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns("id", "display_name").from("users").where("id", .in, Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: try rows.map {
            (try $0.decode(column: "id", as: UUID.self), try $0.decode(column: "display_name", as: String.self))
        })
    }

    /// Just these accounts, by id.
    public func accounts(_ ids: [UUID]) async throws -> [UUID: UserAccount] {
        guard !ids.isEmpty else { return [:] }
        let found = try await accounts.where("id", .in, Array(Set(ids))).all().map(UserRow.account(from:))
        return Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
    }

    public func find(_ id: UUID) async throws -> UserAccount? {
        try await accounts.where("id", .equal, id).first().map(UserRow.account(from:))
    }

    /// The account and its password hash, for signing in.
    public func credentials(username: String) async throws -> (account: UserAccount, passwordHash: String)? {
        guard let record = try await UserRecord.query(on: database).filter(\.$username == username.lowercased()).first()
        else { return nil }
        return (record.account, record.passwordHash)
    }

    public func create(_ user: UserAccount, passwordHash: String) async throws {
        if try await UserRecord.query(on: database).filter(\.$username == user.username.lowercased()).count() > 0 {
            throw StoreError.duplicate(field: "username")
        }
        try await UserRecord(user, passwordHash: passwordHash).create(on: database)
    }

    public func update(_ user: UserAccount) async throws {
        guard let record = try await UserRecord.find(user.id, on: database) else { throw StoreError.notFound }
        record.update(from: user)
        try await record.update(on: database)
    }

    public func setPasswordHash(_ hash: String, for userID: UUID) async throws {
        guard let record = try await UserRecord.find(userID, on: database) else { throw StoreError.notFound }
        record.passwordHash = hash
        try await record.update(on: database)
    }

    public func setLanguage(_ language: Language, for userID: UUID) async throws {
        try await UserRecord.query(on: database).filter(\.$id == userID).set(\.$language, to: language.rawValue).update()
    }

    /// Hub managers of hub agencies: the people a break-glass alert goes to.
    public func hubManagers() async throws -> [UserAccount] {
        try await accounts.where("is_active", .equal, true).all().map(UserRow.account(from:))
            .filter { $0.roles.contains(.hubManager) }
    }

    /// The active members of an agency, for its inbox, rota and notices.
    public func members(of agencyID: UUID) async throws -> [UserAccount] {
        try await accounts.where("agency_id", .equal, agencyID).where("is_active", .equal, true).all()
            .map(UserRow.account(from:)).sorted { $0.displayName < $1.displayName }
    }
}
