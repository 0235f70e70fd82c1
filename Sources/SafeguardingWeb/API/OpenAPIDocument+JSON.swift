import Foundation
import Safeguarding

/// The document itself, written out from the table of operations and the schemas.
extension OpenAPIDocument {
    /// The schemas with the readers' rules written in: those of request bodies as bodies.
    static var documentedSchemas: [String: Any] {
        let bodies = Set(operations.compactMap(\.body))
        var all = schemas
        for name in bodies { all[name] = all[name].map(asRequestBody) }
        // A problem names the fields it was sent, as they were sent: control characters and all.
        for (name, schema) in all where name != "Problem" { all[name] = withTextRule(schema) }
        return all
    }

    static func json() throws -> Data {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            var entry: [String: Any] = [
                "summary": operation.summary,
                "operationId": operation.method + operation.path.replacingOccurrences(of: "/api/v1", with: "")
                    .split(whereSeparator: { "/{}-.".contains($0) }).map { $0.prefix(1).uppercased() + $0.dropFirst() }
                    .joined(),
            ]
            var parameters: [[String: Any]] = operation.path.split(separator: "/")
                .filter { $0.hasPrefix("{") }
                .map { segment in
                    let name = String(segment.dropFirst().dropLast())
                    return ["name": name, "in": "path", "required": true, "schema": operation.pathParameters[name] ?? uuid]
                }
            parameters += operation.query.map { name, schema in
                let required = operation.requiredQuery.contains(name)
                return ["name": name, "in": "query", "required": required,
                        "schema": withTextRule(required ? requiredText(schema) : schema)]
            }
            if !parameters.isEmpty { entry["parameters"] = parameters }
            if let body = operation.body {
                entry["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]]
            }
            var responses: [String: Any] = [:]
            if let response = operation.response {
                responses[String(operation.status)] = [
                    "description": "OK", "content": ["application/json": ["schema": ref(response)]],
                ]
            } else if operation.permission == nil {
                responses["200"] = ["description": "The OpenAPI document", "content": ["application/json": ["schema": ["type": "object"]]]]
            } else {
                responses[String(operation.status)] = ["description": "Done"]
            }
            for (status, description) in operation.alsoAnswers { responses[String(status)] = ["description": description] }
            let problem: [String: Any] = ["content": ["application/problem+json": ["schema": ref("Problem")]]]
            if operation.permission != nil {
                var refusals = [
                    ("400", "Malformed request"), ("401", "Sign in required"), ("403", "Not permitted"),
                    ("404", "Not found"), ("422", "Invalid fields"),
                ]
                if operation.body != nil || operation.method != "get" {
                    refusals += [
                        ("409", "The record is no longer in a state that allows this (for example, already submitted)"),
                        ("413", "The body is larger than \(RequestBodyLimit.bytes) bytes"),
                    ]
                }
                if operation.body != nil { refusals.append(("415", "The body is not sent as application/json")) }
                for (code, description) in refusals {
                    responses[code] = problem.merging(["description": description]) { a, _ in a }
                }
                entry["security"] = [["bearer": [String]()]]
                entry["x-diogelu-permission"] = operation.permission!.rawValue
            }
            entry["responses"] = responses
            paths[operation.path, default: [:]][operation.method] = entry
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Diogelu API", "version": "1.0.0",
                "description": "The JSON API of Diogelu, the shared record of a multi-agency child safeguarding partnership. Every call is checked against the access policy and every read of a child's record is audited.",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": documentedSchemas,
                "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            ],
        ]
        return try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
    }
}
