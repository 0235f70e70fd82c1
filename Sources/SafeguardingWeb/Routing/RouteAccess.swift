import Safeguarding

/// Who may reach a route: anyone (sign-in, the API description, styles), or a signed-in
/// person holding one permission. Every route is registered with one of these, and the
/// role × route test reads them back from the router, so no route can skip the policy.
enum RouteAccess: Sendable, Hashable {
    case everyone
    case permission(Permission)

    static let userInfoKey = "diogelu.access"
}
