import Fluent
import Safeguarding
import Vapor

/// Asks the ``AccessPolicy`` whether the signed-in person may use this route at all.
/// Record-level decisions (this child, restricted or not) are made by the policy again
/// in the service that opens the record.
struct AccessMiddleware: AsyncMiddleware {
    let access: RouteAccess

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard case .permission(let permission) = access else { return try await next.respond(to: request) }
        guard let user = request.signedInUser else { throw ProblemError.signInRequired }
        guard AccessPolicy().permits(user.actor, permission) else { throw ProblemError.forbidden }
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// Registers a route behind the access policy, recording what it requires.
    @discardableResult
    func on(
        _ method: HTTPMethod, _ path: PathComponent..., requires access: RouteAccess,
        use handler: @escaping @Sendable (Request) async throws -> some AsyncResponseEncodable
    ) -> Route {
        let route = self.grouped(AccessMiddleware(access: access)).on(method, path, use: handler)
        route.userInfo[RouteAccess.userInfoKey] = access
        return route
    }
}
