import FluentKit
import Foundation

/// An emergency opening of a restricted record: who, why, and until when it stays open.
// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class BreakGlassRecord: Model, @unchecked Sendable {
    static let schema = "break_glass_views"

    @ID(key: .id) var id: UUID?
    @Field(key: "child_id") var childID: UUID
    @Field(key: "user_id") var userID: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}
