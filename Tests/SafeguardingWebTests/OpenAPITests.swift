import Foundation
import Safeguarding
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("The OpenAPI document describes exactly the API")
struct OpenAPITests {
    @Test("every API route is in the document, and the document names no route that does not exist")
    func documentMatchesRoutes() async throws {
        try await withTestApp { app, _ in
            let response = try await app.send(.GET, "/api/v1/openapi.json")
            #expect(response.status == .ok)
            #expect(response.json["openapi"] as? String == "3.1.0")
            let paths = try #require(response.json["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
            let routed = Set(app.routes.all.filter { $0.path.first?.description == "api" }.map { route in
                "\(route.method.rawValue) /" + route.path.map {
                    $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description
                }.joined(separator: "/")
            })
            #expect(routed.count >= 19)
            #expect(routed.subtracting(documented).isEmpty, "routes missing from the document: \(routed.subtracting(documented).sorted())")
            #expect(documented.subtracting(routed).isEmpty, "documented but not routed: \(documented.subtracting(routed).sorted())")
        }
    }

    @Test("every write documents the refusals the server makes: 409 for a record past changing, 413 past the body limit")
    func writesDocumentConflictAndTooLarge() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json()) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: [String: Any]]])
        let submit = try #require(paths["/api/v1/referrals/{referralID}/additions"]?["post"]?["responses"] as? [String: Any])
        #expect(submit["409"] != nil)
        #expect((submit["413"] as? [String: Any])?["description"] as? String == "The body is larger than \(RequestBodyLimit.bytes) bytes")
        var writes = 0
        for (_, operations) in paths {
            for (method, operation) in operations where method != "get" && operation["security"] != nil {
                writes += 1
                let responses = operation["responses"] as? [String: Any] ?? [:]
                #expect(responses["413"] != nil && responses["409"] != nil)
            }
        }
        #expect(writes > 20)
    }

    @Test("the hub queue answers only the fields its schema allows, and every field it requires")
    func queueMatchesItsSchema() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            _ = try await ReferralFlowTests.submit(app, as: teacher)
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let queue = try await app.send(.GET, "/api/v1/hub/queue", as: hub)
            let item = try #require((queue.json["items"] as? [[String: Any]])?.first)
            let document = try #require(try JSONSerialization.jsonObject(with: OpenAPIDocument.json()) as? [String: Any])
            let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let itemSchema = try #require(((schemas["Queue"] as? [String: Any])?["properties"] as? [String: Any])?["items"] as? [String: Any])
            let properties = try #require((itemSchema["items"] as? [String: Any])?["properties"] as? [String: Any])
            let required = (itemSchema["items"] as? [String: Any])?["required"] as? [String] ?? []
            #expect(Set(item.keys).subtracting(properties.keys).isEmpty, "fields the schema forbids: \(Set(item.keys).subtracting(properties.keys))")
            #expect(Set(required).subtracting(item.keys).isEmpty)
        }
    }

    @Test("a path asked with a method it does not have answers 405 with the methods it has; an unknown path stays 404")
    func undeclaredMethodIs405() async throws {
        try await withTestApp { app, partnership in
            let hub = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let wrong = try await app.send(.DELETE, "/api/v1/hub/queue", as: hub)
            #expect(wrong.status == .methodNotAllowed)
            #expect(wrong.isProblem)
            #expect(wrong.headers.first(name: .allow) == "GET")
            let patch = try await app.send(.PATCH, "/api/v1/openapi.json")
            #expect(patch.status == .methodNotAllowed)
            #expect(try await app.send(.GET, "/api/v1/no-such-thing", as: hub).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1/hub/queue", as: hub).status == .ok)
            let referrer = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let mine = try await app.send(.PUT, "/api/v1/referrals/mine", as: referrer, json: #"{"form": {}}"#)
            #expect(mine.status == .methodNotAllowed, "a path of its own, not a referral called 'mine'")
            #expect(mine.headers.first(name: .allow) == "GET")
        }
    }

    @Test("the document states what the readers refuse: control characters in text, blank required text, a search with no term; and allows null where it means 'not sent'")
    func documentStatesInputRules() async throws {
        try await withTestApp { app, _ in
            let document = try await app.send(.GET, "/api/v1/openapi.json").json
            let schemas = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
            func property(_ schema: String, _ name: String) -> [String: Any] {
                ((schemas[schema] as? [String: Any])?["properties"] as? [String: Any])?[name] as? [String: Any] ?? [:]
            }
            let reason = property("Decision", "reasons")
            #expect(reason["pattern"] as? String == OpenAPIDocument.nonBlankTextPattern)
            #expect(reason["minLength"] as? Int == 1)
            #expect(property("Merge", "reason")["minLength"] as? Int == 1)
            #expect(property("Agency", "name")["pattern"] as? String == OpenAPIDocument.textPattern, "answers too are free of control characters")
            #expect(property("OwnToken", "valid_for_days")["type"] as? [String] == ["integer", "null"])
            #expect(property("AgencyInput", "is_hub_member")["type"] as? String == "boolean", "a null yes-or-no is refused, so not allowed")
            // Linking answers 204, or 201 when it makes the record; a null child_id is no record to link to.
            let link = ((document["paths"] as? [String: Any])?["/api/v1/referrals/{referralID}/link"] as? [String: Any])?["post"] as? [String: Any]
            let answers = (link?["responses"] as? [String: Any]) ?? [:]
            #expect(answers["201"] != nil && answers["204"] != nil)
            let oneOfTwo = (schemas["Link"] as? [String: Any])?["anyOf"] as? [[String: Any]]
            #expect(((oneOfTwo?.first?["properties"] as? [String: Any])?["child_id"] as? [String: Any])?["type"] as? String == "string")
            let search = ((document["paths"] as? [String: Any])?["/api/v1/children"] as? [String: Any])?["get"] as? [String: Any]
            let q = (search?["parameters"] as? [[String: Any]])?.first { $0["name"] as? String == "q" }
            #expect(q?["required"] as? Bool == true)

            // The patterns say what the reader does: one character it refuses, one blank, one kept.
            func matches(_ pattern: String, _ text: String) throws -> Bool {
                let expression = try NSRegularExpression(pattern: pattern)
                return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
            #expect(try !matches(OpenAPIDocument.textPattern, "Heddlu\u{0}Gwent"))
            #expect(try !matches(OpenAPIDocument.textPattern, "Heddlu\u{98}Gwent"))
            #expect(try matches(OpenAPIDocument.textPattern, "Llinell un\nLlinell dau\t"))
            #expect(try !matches(OpenAPIDocument.nonBlankTextPattern, " \n\t "))
            #expect(try matches(OpenAPIDocument.nonBlankTextPattern, " Gwên "))
        }
    }

    @Test("on the API a query value left empty is refused by name (until= is not a date); a page's empty field is one left blank")
    func emptyQueryValues() async throws {
        try await withTestApp { app, partnership in
            let manager = try await Credentials.apiToken(for: partnership.account(.hubManager), on: app)
            let auditor = try await Credentials.apiToken(for: partnership.account(.auditor), on: app)
            for (path, who) in [("/api/v1/measures/referral-quality?until=", manager), ("/api/v1/hub/queue?limit=", manager),
                                ("/api/v1/audit?from=", auditor)] {
                let response = try await app.send(.GET, path, as: who)
                #expect(response.status == .unprocessableEntity, "\(path)")
                #expect(BadInputTests.fieldErrors(response).values.contains("error.field.blank_parameter"), "\(path)")
            }
            #expect(try await app.send(.GET, "/api/v1/measures/referral-quality", as: manager).status == .ok)
            let page = try await Credentials.session(for: partnership.account(.hubManager), on: app)
            let queue = try await app.send(.GET, "/hub?page=", as: page)
            #expect(queue.status == .ok)
        }
    }

    @Test("every schema the document refers to is defined in it")
    func referencesResolve() throws {
        let data = try OpenAPIDocument.json()
        let text = String(decoding: data, as: UTF8.self)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let schemas = try #require((document["components"] as? [String: Any])?["schemas"] as? [String: Any])
        let references = Set(text.matches(of: /#\/components\/schemas\/([A-Za-z]+)/).map { String($0.output.1) })
        #expect(!references.isEmpty)
        #expect(references.subtracting(schemas.keys).isEmpty, "undefined: \(references.subtracting(schemas.keys))")
    }

    @Test("each operation states the permission the access policy asks for, the same as its route")
    func permissionsMatchRoutes() async throws {
        try await withTestApp { app, _ in
            let byRoute = Dictionary(uniqueKeysWithValues: app.routes.all.compactMap { route -> (String, String)? in
                guard case .permission(let permission)? = route.userInfo[RouteAccess.userInfoKey] as? RouteAccess
                else { return nil }
                let path = "/" + route.path.map {
                    $0.description.hasPrefix(":") ? "{\($0.description.dropFirst())}" : $0.description
                }.joined(separator: "/")
                return ("\(route.method.rawValue.lowercased()) \(path)", permission.rawValue)
            })
            for operation in OpenAPIDocument.operations where operation.permission != nil {
                #expect(byRoute["\(operation.method) \(operation.path)"] == operation.permission?.rawValue,
                    "\(operation.method) \(operation.path)")
            }
        }
    }
}
