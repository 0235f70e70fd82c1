import Foundation
import NIOCore
import NIOHTTP1
@testable import SafeguardingWeb
import Vapor
import VaporTesting

extension Application {
    /// Sends one request in-process, as a browser (form) or a partner system (JSON) would.
    func send(
        _ method: HTTPMethod, _ path: String, as credentials: Credentials? = nil, form: [(String, String)]? = nil,
        json: String? = nil, headers extra: HTTPHeaders = [:], body raw: String? = nil, includeFormToken: Bool = true
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        credentials?.apply(to: &headers)
        // A raw body goes as it is, under whatever Content-Type the caller set.
        var body: ByteBuffer? = raw.map { ByteBuffer(string: $0) }
        if let form {
            headers.contentType = .urlEncodedForm
            body = ByteBuffer(string: formBody(form, csrf: includeFormToken ? credentials?.csrfToken : nil))
        } else if let json {
            headers.contentType = .json
            body = ByteBuffer(string: json)
        }
        return try await testing().sendRequest(method, path, headers: headers, body: body) { request in
            request.url = URI(string: path)
        }
    }
}

extension TestingHTTPResponse {
    var text: String { String(buffer: body) }

    /// The JSON body as a dictionary, for reading problem documents and records.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    var isProblem: Bool { headers.contentType?.description.hasPrefix("application/problem+json") == true }
}
