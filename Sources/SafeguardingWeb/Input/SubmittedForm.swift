import Fluent
import Foundation
import Vapor

/// A browser form post, parsed by hand so that repeated fields (checkboxes) keep every
/// value and nothing is coerced: the form reader decides what each field must be.
struct SubmittedForm: Sendable {
    var values: [String: [String]]

    init(urlEncoded body: String) {
        var values: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
        self.values = values
    }

    func values(_ name: String) -> [String] { values[name] ?? [] }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

extension Request {
    private struct SubmittedFormKey: StorageKey { typealias Value = SubmittedForm }

    /// The posted form, read once and kept for the rest of the request.
    func submittedForm() async throws -> SubmittedForm {
        if let form = storage[SubmittedFormKey.self] { return form }
        let form: SubmittedForm
        if let contentType = headers.contentType, contentType == .urlEncodedForm {
            // Vapor's own collect keeps the body on the request, where the route's body
            // strategy finds it after this middleware. Reading the body as an async
            // sequence drained the stream without keeping it, and a post whose body came
            // in more than one piece then waited for ever for a body that had gone.
            let buffer = try await RequestBodyLimit.collect(self)
            form = SubmittedForm(urlEncoded: String(buffer: buffer))
        } else {
            form = SubmittedForm(urlEncoded: "")
        }
        storage[SubmittedFormKey.self] = form
        return form
    }
}
