import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Whether a body is accepted depends on its size alone, not on how the network delivered
/// it: Vapor checked its 16 KB route limit only on a body still streaming in, so 20 KB of
/// Welsh within the field's limit was refused when it came in two reads and accepted
/// when it came in one.
@Suite("One limit on request bodies, however they arrive")
struct BodyLimitTests {
    /// 10,000 characters of Welsh, the field's limit: more than Vapor's 16 KB once its
    /// circumflexes are escaped as JSON (`\u0175`).
    static let welshText: String = {
        let sentence = "Dywedodd Cerys: ŵyr, tŷ, dŵr, gŵyl, ŷd, â'i lais, tân, cân, ŵy. "
        let text = String(String(repeating: sentence, count: 10_000 / sentence.count + 1).prefix(10_000))
        return text.trimmingCharacters(in: .whitespaces)
    }()

    static func escapedJSON(_ text: String) -> String {
        var json = "{\"text\": \""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, scalar != "\"", scalar != "\\" { json.unicodeScalars.append(scalar) } else {
                json += String(format: "\\u%04x", scalar.value)
            }
        }
        return json + "\"}"
    }

    static func post(_ path: String, token: String, body: String) -> String {
        "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
            + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body
    }

    @Test("an addition at the field's limit is accepted whether its body comes in one read or in pieces; one past the limit is refused both ways")
    func sameAnswerHoweverItArrives() async throws {
        try await withTestApp { app, partnership in
            let teacher = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let referral = try await ReferralFlowTests.submit(app, as: teacher)
            let id = try #require(referral["id"] as? String)
            let path = "/api/v1/referrals/\(id)/additions"
            let body = Self.escapedJSON(Self.welshText)
            #expect(body.utf8.count > 16_384, "larger than Vapor's default limit")
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let request = Self.post(path, token: teacher.bearer!, body: body)
            let headEnd = request.range(of: "\r\n\r\n")!.upperBound
            let inPieces = [String(request[..<request.index(headEnd, offsetBy: 100)]), String(request[request.index(headEnd, offsetBy: 100)...])]
            #expect(await FormBodyInPiecesTests.exchange(port: port, parts: [request]) == "HTTP/1.1 201 Created")
            #expect(await FormBodyInPiecesTests.exchange(port: port, parts: inPieces) == "HTTP/1.1 201 Created")

            let tooLarge = Self.post(path, token: teacher.bearer!, body: Self.escapedJSON(String(repeating: "ŵ", count: 200_000)))
            let tooLargeHeadEnd = tooLarge.range(of: "\r\n\r\n")!.upperBound
            let tooLargeInPieces = [String(tooLarge[..<tooLarge.index(tooLargeHeadEnd, offsetBy: 100)]),
                String(tooLarge[tooLarge.index(tooLargeHeadEnd, offsetBy: 100)...])]
            #expect(await FormBodyInPiecesTests.exchange(port: port, parts: [tooLarge]) == "HTTP/1.1 413 Payload Too Large")
            #expect(await FormBodyInPiecesTests.exchange(port: port, parts: tooLargeInPieces) == "HTTP/1.1 413 Payload Too Large")
            await app.server.shutdown()

            let stored = try await ReferralRepository(app.db).additions(of: UUID(uuidString: id)!).map(\.text)
            #expect(stored == [Self.welshText, Self.welshText], "both additions kept whole, nothing of the refused ones")
        }
    }
}
