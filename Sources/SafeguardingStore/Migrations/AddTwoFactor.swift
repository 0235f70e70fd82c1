import FluentKit
import SQLKit

/// Two-factor sign-in: each person's authenticator secret, their one-time recovery codes,
/// and the sign-ins that have passed the password and wait for the second factor.
struct AddTwoFactor: AsyncMigration {
    var name: String { "2026-12-02-01-add-two-factor" }

    func prepare(on database: any Database) async throws {
        try await database.schema("two_factor_credentials")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("secret", .string, .required)
            // Null until the person has typed a code from it: a key shown but never
            // confirmed signs no one in.
            .field("confirmed_at", .datetime)
            .field("last_used_step", .int64)
            .field("created_at", .datetime, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema("recovery_codes")
            .id()
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("code_hash", .string, .required)
            .field("used_at", .datetime)
            .unique(on: "code_hash")
            .create()
        try await database.schema("sign_in_challenges")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id"))
            .field("kind", .string, .required)
            .field("return_to", .string, .required)
            .field("failures", .int, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "recovery_codes_user").on("recovery_codes").column("user_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_challenges").delete()
        try await database.schema("recovery_codes").delete()
        try await database.schema("two_factor_credentials").delete()
    }
}
