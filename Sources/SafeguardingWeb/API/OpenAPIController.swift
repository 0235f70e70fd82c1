import Fluent
import Vapor

/// Serves the API's own description.
struct OpenAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "openapi.json", requires: .everyone, use: document)
    }

    func document(_ request: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(data: try OpenAPIDocument.json()))
        response.headers.contentType = .json
        return response
    }
}
