import Foundation
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

#if canImport(Glibc)
import Glibc
#endif

/// A browser's form post can reach the server in more than one read: the head and the
/// start of the body in one, the rest in the next (a long field, a TCP segment or a TLS
/// record ending in the middle). Vapor then hands the body over as a stream. The CSRF
/// check reads the form before the route does; when it drained the stream without
/// keeping what it read, the route waited for ever for a body that had gone, and the
/// browser's "Save and continue" never came back (found by scripts/browser_test.py).
@Suite("A form whose body comes in pieces")
struct FormBodyInPiecesTests {
    @Test("is answered, on a real socket, whether it signs in or not")
    func bodyInPieces() async throws {
        try await withTestApp { app, _ in
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            for password in ["not the password", TestPartnership.password] {
                let body = "_csrf=t0ken&username=test.hub_practitioner&password=\(password.replacingOccurrences(of: " ", with: "+"))&return=%2Fhome"
                let head = "POST /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: \(body.utf8.count)\r\nCookie: \(CSRFMiddleware.signInCookie)=t0ken\r\n\r\n"
                let split = body.index(body.startIndex, offsetBy: 10)
                let answer = await Self.exchange(port: port, parts: [head + body[..<split], String(body[split...])])
                #expect(["HTTP/1.1 401 Unauthorized", "HTTP/1.1 303 See Other"].contains(answer),
                    "a post in two pieces was answered with \(answer.isEmpty ? "nothing in 60 s" : answer)")
            }
            await app.server.shutdown()
        }
    }

    /// Writes `parts` to one connection with a pause between them, as a network would
    /// deliver them, and returns the status line of the answer ("" if none came in 60 s).
    /// The wait is long because a hang is what this looks for, not speed: at 5 s, a
    /// machine with both cores busy answered too late and the test failed.
    static func exchange(port: Int, parts: [String]) async -> String {
        await withCheckedContinuation { continuation in
            // Blocking socket calls, off Swift's own threads, which the server needs.
            Thread.detachNewThread { continuation.resume(returning: blockingExchange(port: port, parts: parts)) }
        }
    }

    private static func blockingExchange(port: Int, parts: [String]) -> String {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketFD >= 0 else { return "" }
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        var noDelay: Int32 = 1
        setsockopt(socketFD, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socketFD, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        for (index, part) in parts.enumerated() {
            if index > 0 { usleep(50_000) }
            let bytes = Array(part.utf8)
            guard send(socketFD, bytes, bytes.count, 0) == bytes.count else { return "" }
        }
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = recv(socketFD, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer[..<count], as: UTF8.self).components(separatedBy: "\r\n").first ?? ""
    }
}
