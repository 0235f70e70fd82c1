import Fluent
import Foundation
import SQLKit
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// A server told to stop (SIGTERM) answers what it has accepted before its databases
/// close. Vapor's own shutdown closed the databases first: requests still arriving then
/// found none, and the process stopped on Fluent's missing database (found by the
/// crash test's SIGTERM under load).
@Suite("Stopping the server")
struct GracefulStopTests {
    @Test("a request in flight is answered, with the database still there, before stopServing returns")
    func inFlightRequestAnswered() async throws {
        try await withTestApp { app, _ in
            let gate = Gate()
            // A request that stays in flight until the test lets it finish, then reads the
            // database as any page does.
            app.get("slow-answer") { request async throws -> String in
                await gate.wait()
                let children = try await (request.db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM children").first()?
                    .decode(column: "n", as: Int.self)
                return "children \(children ?? -1)"
            }
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let answer = Task {
                await FormBodyInPiecesTests.exchange(
                    port: port, parts: ["GET /slow-answer HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"])
            }
            // Bounded: the request reaches the handler as soon as the server reads it.
            for _ in 0..<500 where app.inFlightRequests.current == 0 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(app.inFlightRequests.current == 1)

            let stopped = Task { await app.stopServing() }
            // The stop waits for the request: it is still in flight.
            try await Task.sleep(for: .milliseconds(100))
            #expect(app.inFlightRequests.current == 1)
            await gate.open()
            #expect(await answer.value == "HTTP/1.1 200 OK")
            #expect(await stopped.value, "every request accepted was answered")
            #expect(app.inFlightRequests.current == 0)
            // Nothing new is accepted once stopped.
            let refused = await FormBodyInPiecesTests.exchange(port: port, parts: ["GET /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"])
            #expect(refused == "")
        }
    }
}

/// Holds whoever waits until it is opened.
private actor Gate {
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        if isOpen { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiting { waiter.resume() }
        waiting = []
    }
}
