import Synchronization
import Vapor

/// Counts the requests being answered, so that a stopping server knows whether every
/// request it accepted has had its answer before the database is closed under it.
///
/// It is the outermost middleware: a request is counted from the moment Diogelu sees it
/// until its response, error or not, has been made.
struct InFlightRequestsMiddleware: AsyncMiddleware {
    let requests: InFlightRequests

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        requests.begin()
        defer { requests.end() }
        return try await next.respond(to: request)
    }
}

/// How many requests are being answered right now.
final class InFlightRequests: Sendable {
    private let count = Atomic<Int>(0)

    var current: Int { count.load(ordering: .acquiring) }

    func begin() { count.add(1, ordering: .relaxed) }
    func end() { count.subtract(1, ordering: .releasing) }
}
