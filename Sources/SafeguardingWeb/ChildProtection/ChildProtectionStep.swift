import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

extension ChildProtectionStep {
    /// The path as the router takes it.
    var components: [PathComponent] { path.map { PathComponent(stringLiteral: $0) } }
}

/// One thing the child protection team can record on a child's record, under
/// `/children/:childID/...` on the pages and `/api/v1/children/:childID/...` on the
/// API. Both read the same fields with the same ``FieldReader`` and call the same
/// ``ChildProtectionDesk`` function, so the pages and the API cannot drift apart.
struct ChildProtectionStep: Sendable {
    /// The path after `/children/:childID/`; `:recordID` names the record acted on.
    var path: [String]
    var permission: Permission
    /// The page its form is on, shown again with the errors when the form is refused; nil
    /// when that depends on the record acted on (an action agreed at a discussion, a
    /// meeting or in the plan).
    var page: ChildProtectionStepPage?
    /// The id of the form on the page, to return to it (and its typed values) on a refusal.
    var formPrefix: String
    /// For the API description.
    var summary: String
    /// The name of its request body's schema in the API description.
    var bodySchema: String
    /// Reads the fields, calls `finish()`, and makes the change. `record` is the child's
    /// record before the change, read to know the names of per-invitee fields.
    var run: @Sendable (inout FieldReader, ChildProtectionCase, UUID?, ChildProtectionDesk) async throws -> Void

    func formID(_ recordID: UUID?) -> String {
        formPrefix + (recordID.map { "-" + $0.uuidString.lowercased() } ?? "")
    }

    static func find<T: Identifiable>(_ list: [T], _ id: UUID?) throws -> T where T.ID == UUID {
        guard let id, let found = list.first(where: { $0.id == id }) else { throw ProblemError.notFound }
        return found
    }
}
