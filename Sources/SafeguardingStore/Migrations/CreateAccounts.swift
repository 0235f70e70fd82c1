import FluentKit
import SQLKit

/// Agencies, the people who work for them, their sessions, API tokens and sign-in attempts.
struct CreateAccounts: AsyncMigration {
    var name: String { "2026-11-23-01-create-accounts" }

    func prepare(on database: any Database) async throws {
        try await database.schema("agencies")
            .id()
            .field("name", .string, .required)
            .field("welsh_name", .string, .required)
            .field("kind", .string, .required)
            .field("is_hub_member", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "name")
            .create()
        try await database.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("email", .string, .required)
            .field("job_title", .string, .required)
            .field("agency_id", .uuid, .required, .references("agencies", "id"))
            .field("roles", .string, .required)
            .field("language", .string, .required)
            .field("password_hash", .string, .required)
            .field("is_active", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "username")
            .create()
        try await database.schema("sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        try await database.schema("api_tokens")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("token_hash", .string, .required)
            .field("label", .string, .required)
            .field("issued_by", .uuid, .required, .references("users", "id"))
            .field("issued_at", .datetime, .required)
            .field("expires_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema("sign_in_attempts")
            .id()
            .field("username_key", .string, .required)
            .field("client_key", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sign_in_attempts_username").on("sign_in_attempts")
            .column("username_key").column("attempted_at").run()
        try await sql.create(index: "sign_in_attempts_client").on("sign_in_attempts")
            .column("client_key").column("attempted_at").run()
        try await sql.create(index: "users_agency").on("users").column("agency_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["sign_in_attempts", "api_tokens", "sessions", "users", "agencies"] {
            try await database.schema(table).delete()
        }
    }
}
