import Fluent
import Safeguarding
import Vapor

/// An RFC 9457 problem document, with the fields that were wrong and a message for
/// each in the reader's language.
struct ProblemDetails: Content {
    struct InvalidField: Content {
        var field: String
        var code: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var detail: String?
    var errors: [InvalidField]?

    static func response(_ problem: ProblemDetails, for request: Request) -> Response {
        let response = Response(status: HTTPResponseStatus(statusCode: problem.status))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json")
        response.body = .init(data: (try? JSONEncoder().encode(problem)) ?? Data())
        return response
    }

    static func validation(_ failure: ValidationFailure, for request: Request) -> ProblemDetails {
        ProblemDetails(
            type: "https://diogelu.cymru/problems/validation", title: request.t("problem.validation"),
            status: 422, detail: request.t("problem.validation.detail"),
            errors: failure.errors.map {
                InvalidField(
                    field: $0.field, code: $0.problem.messageKey,
                    message: request.fieldMessage($0))
            })
    }
}

extension Request {
    /// The sentence for one field's problem, naming the field as the page labels it.
    func fieldMessage(_ error: FieldError) -> String {
        let argument = error.problem.messageArgumentKey.map { application.catalogue.text($0, language) }
            ?? error.problem.messageArgument ?? ""
        return application.catalogue.text(error.problem.messageKey, language, [argument])
    }
}
