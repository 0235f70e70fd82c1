import FluentKit
import SQLKit

/// Merging duplicate records of one child, reversibly: the merged record is kept and
/// points at the record it was merged into, and every merge is a row of history.
struct AddRecordMerges: AsyncMigration {
    var name: String { "2026-11-23-05-add-record-merges" }

    func prepare(on database: any Database) async throws {
        try await database.schema("children").field("merged_into_id", .uuid).update()
        try await database.schema("child_merges")
            .id()
            .field("kept_child_id", .uuid, .required, .references("children", "id"))
            .field("merged_child_id", .uuid, .required, .references("children", "id"))
            .field("merged_by", .uuid, .required, .references("users", "id"))
            .field("merged_at", .datetime, .required)
            .field("reason", .string, .required)
            .field("unmerged_by", .uuid, .references("users", "id"))
            .field("unmerged_at", .datetime)
            .field("unmerge_reason", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "child_merges_kept").on("child_merges").column("kept_child_id").run()
        try await sql.create(index: "children_merged_into").on("children").column("merged_into_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("child_merges").delete()
        try await database.schema("children").deleteField("merged_into_id").update()
    }
}
