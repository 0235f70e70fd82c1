import Foundation
import Vapor

extension Request {
    /// A record's identifier from the path; a malformed one is answered as "not found",
    /// exactly as a well-formed one that names nothing, so the two cannot be told apart.
    func identifier(_ parameter: String) throws -> UUID {
        guard let text = parameters.get(parameter), let id = UUID(uuidString: text) else { throw ProblemError.notFound }
        return id
    }
}
