import FluentKit
import Foundation

/// Something the hub's managers must know about now, such as a break-glass view.
// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class AlertRecord: Model, @unchecked Sendable {
    static let schema = "alerts"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "child_id") var childID: UUID?
    @Field(key: "raised_by") var raisedBy: UUID
    @Field(key: "reason") var reason: String
    @Field(key: "raised_at") var raisedAt: Date
    @OptionalField(key: "acknowledged_by") var acknowledgedBy: UUID?
    @OptionalField(key: "acknowledged_at") var acknowledgedAt: Date?

    init() {}
}
