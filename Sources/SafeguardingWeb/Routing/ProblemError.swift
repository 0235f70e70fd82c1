import Fluent
import Vapor

/// Refusals that are not about one field: each has a status and a catalogue key, and
/// is answered as `application/problem+json` on the API and as a page in the browser.
enum ProblemError: Error, Sendable, Equatable {
    case malformedBody
    /// A body sent as something other than JSON (`text/plain` had been read as JSON).
    case notJSON
    /// A JSON object naming one field twice: which of the two was meant is not ours to guess.
    case duplicateField(String)
    case signInRequired
    case forbidden
    case notFound
    case tooManyAttempts
    case conflict(field: String)

    var status: HTTPResponseStatus {
        switch self {
        case .malformedBody: .badRequest
        case .notJSON: .unsupportedMediaType
        case .duplicateField: .badRequest
        case .signInRequired: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .tooManyAttempts: .tooManyRequests
        case .conflict: .conflict
        }
    }

    var key: String {
        switch self {
        case .malformedBody: "problem.malformed_body"
        case .notJSON: "problem.not_json"
        case .duplicateField: "problem.duplicate_field"
        case .signInRequired: "problem.sign_in_required"
        case .forbidden: "problem.forbidden"
        case .notFound: "problem.not_found"
        case .tooManyAttempts: "problem.too_many_attempts"
        case .conflict: "problem.conflict"
        }
    }

    /// What the detail names: the field sent twice, cut short so a hostile name cannot fill the answer.
    var detailArguments: [String] {
        switch self {
        case .duplicateField(let name): [String(name.prefix(100))]
        default: []
        }
    }
}
