import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// Turns every error into an answer the reader can act on: a problem document on the
/// API, a page in the browser, in the reader's language. Unexpected errors are logged
/// by type only; their messages can carry personal data.
struct DiogeluErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await answer(error, for: request)
        }
    }

    private func answer(_ error: any Error, for request: Request) async -> Response {
        // The router's "not found" for a path that exists with other methods is a 405
        // that says which (an undeclared method had answered 404).
        let literal = LocalPath.literalMethods(answering: request.url.path, in: request.application.routes)
        let alreadyRefused = (error as? any AbortError)?.status == .methodNotAllowed
        if !alreadyRefused, error is RouteNotFound || !literal.isEmpty {
            let allowed = literal.isEmpty ? LocalPath.methods(answering: request.url.path, in: request.application.routes) : literal
            if !allowed.isEmpty, !allowed.contains(request.method) {
                let response = await answer(Abort(.methodNotAllowed), for: request)
                response.headers.replaceOrAdd(name: .allow, value: allowed.map(\.rawValue).joined(separator: ", "))
                return response
            }
        }
        if let failure = error as? ValidationFailure {
            let problem = ProblemDetails.validation(failure, for: request)
            return request.isAPI ? ProblemDetails.response(problem, for: request)
                : await errorPage(status: .unprocessableEntity, titleKey: "problem.validation", for: request)
        }
        let (status, key): (HTTPResponseStatus, String)
        var detailArguments: [String] = []
        switch error {
        case let problem as ProblemError:
            (status, key, detailArguments) = (problem.status, problem.key, problem.detailArguments)
        case ReferralDeskError.alreadySubmitted:
            (status, key) = (.conflict, "problem.referral_submitted")
        case ReferralDeskError.notSubmitted:
            (status, key) = (.conflict, "problem.referral_not_submitted")
        case ReferralDeskError.partOfEpisode:
            (status, key) = (.conflict, "problem.referral_in_episode")
        case ReferralDeskError.rule(let rule):
            // A referral past deciding, or with nothing to sign off, is in the wrong state
            // for the request, whatever its body: 409, as the document says.
            let state: Set<DecisionError> = [.referralNotAwaitingDecision, .nothingToSignOff]
            (status, key) = (state.contains(rule) ? .conflict : .unprocessableEntity, "problem.decision.\(rule)")
        case StoreError.notFound:
            (status, key) = (.notFound, "problem.not_found")
        case StoreError.duplicate:
            (status, key) = (.conflict, "problem.conflict")
        case let abort as any AbortError:
            status = abort.status
            switch abort.status {
            case .forbidden: key = (abort as? Abort)?.identifier == "csrf" ? "problem.csrf" : "problem.forbidden"
            case .notFound: key = "problem.not_found"
            case .unauthorized: key = "problem.sign_in_required"
            case .payloadTooLarge: key = "problem.too_large"
            case .unsupportedMediaType: key = "problem.unsupported_media_type"
            case .methodNotAllowed: key = "problem.method_not_allowed"
            default: key = status.code < 500 ? "problem.bad_request" : "problem.server"
            }
        default:
            request.logger.error("Unhandled error", metadata: ["type": "\(type(of: error))"])
            (status, key) = (.internalServerError, "problem.server")
        }
        if request.isAPI {
            return ProblemDetails.response(
                ProblemDetails(
                    type: "https://diogelu.cymru/problems/\(key.replacingOccurrences(of: "problem.", with: ""))",
                    title: request.t(key), status: Int(status.code),
                    detail: request.application.catalogue.text(key + ".detail", request.language, detailArguments)),
                for: request)
        }
        if status == .unauthorized {
            return request.redirect(to: "/sign-in?return=" + (request.url.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        return await errorPage(status: status, titleKey: key, for: request)
    }

    private func errorPage(status: HTTPResponseStatus, titleKey: String, for request: Request) async -> Response {
        let context = ErrorPageContext(titleKey: titleKey, detailKey: titleKey + ".detail", status: Int(status.code))
        do {
            return try await request.page("error", titleKey: titleKey, context, status: status)
        } catch {
            let response = Response(status: status, body: .init(string: request.t(titleKey)))
            response.headers.contentType = .plainText
            return response
        }
    }
}

struct ErrorPageContext: Encodable, Sendable {
    var titleKey: String
    var detailKey: String
    var status: Int
}
