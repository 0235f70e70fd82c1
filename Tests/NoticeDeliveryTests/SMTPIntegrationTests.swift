import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Testing

@testable import NoticeDelivery

/// A real SMTP server (Python's aiosmtpd) on 127.0.0.1, started per test.
/// Each message it accepts is parsed by Python's own `email` package — an
/// independent decoder — and written to a temporary directory as JSON along
/// with the raw bytes received.
final class LocalSMTPServer: Sendable {
    static let script = #"""
        import email, email.policy, json, logging, os, socket, ssl, subprocess, sys, warnings
        warnings.simplefilter("ignore")
        logging.disable(logging.CRITICAL)
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        outdir = sys.argv[1]
        options = sys.argv[2:]

        class Handler:
            def __init__(self):
                self.count = 0

            async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
                if address.startswith("reject"):
                    return "550 5.1.1 <%s>: Recipient address rejected" % address
                envelope.rcpt_tos.append(address)
                return "250 OK"

            async def handle_DATA(self, server, session, envelope):
                self.count += 1
                raw = envelope.original_content
                msg = email.message_from_bytes(raw, policy=email.policy.default)
                record = {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": envelope.rcpt_tos,
                    "authenticated": bool(session.authenticated),
                    "auth_login": (session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None),
                    "auth_mechanism": getattr(session, "diogelu_mechanism", None),
                    "subject": str(msg["Subject"]),
                    "to": str(msg["To"]),
                    "from": str(msg["From"]),
                    "content_type": msg.get_content_type(),
                    "charset": msg.get_content_charset(),
                    "transfer_encoding": str(msg["Content-Transfer-Encoding"]),
                    "language": str(msg["Content-Language"]),
                    "message_id": str(msg["Message-ID"]),
                    "date": str(msg["Date"]),
                    "body": msg.get_content(),
                    "defects": [type(d).__name__ for d in msg.defects],
                }
                base = os.path.join(outdir, "message-%d" % self.count)
                with open(base + ".eml", "wb") as f:
                    f.write(raw)
                with open(base + ".json.tmp", "w", encoding="utf-8") as f:
                    json.dump(record, f, ensure_ascii=False)
                os.rename(base + ".json.tmp", base + ".json")
                return "250 2.0.0 Message accepted"

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"diogelu" and auth_data.password == "cyfrinair ŵ".encode("utf-8")
            session.diogelu_mechanism = mechanism
            # handled=False makes aiosmtpd send its own 535 on failure.
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        kwargs = {}
        if "--auth" in options:
            kwargs.update(authenticator=authenticator, auth_require_tls=False, auth_required=True)
        if "--login-only" in options:
            kwargs.update(auth_exclude_mechanism=["PLAIN"])

        if "--starttls" in options or "--tls" in options:
            cert = os.path.join(outdir, "cert.pem")
            key = os.path.join(outdir, "key.pem")
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
                 "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            if "--starttls" in options:
                kwargs.update(tls_context=context, require_starttls=True)
            else:
                kwargs.update(ssl_context=context)

        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()

        controller = Controller(Handler(), hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        print("READY %d" % port, flush=True)
        try:
            sys.stdin.read()
        finally:
            controller.stop()
        """#

    /// Whether `python3` can import aiosmtpd; checked once.
    static let isAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import aiosmtpd"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    let port: Int
    let directory: URL
    private let process: Process
    private let stdin: Pipe

    init(options: [String] = []) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("smtp-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let scriptURL = directory.appendingPathComponent("server.py")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptURL.path, directory.path] + options
        let stdout = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()

        // Read the "READY <port>" line.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("READY "), let port = Int(text.dropFirst(6)) else {
            process.terminate()
            throw ServerError(message: "SMTP test server did not start: \(text)")
        }
        self.port = port
        self.directory = directory
        self.process = process
        self.stdin = stdin
    }

    struct ServerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The JSON records of received messages, in order.
    func receivedMessages() throws -> [[String: Any]] {
        var result: [[String: Any]] = []
        var index = 1
        while true {
            let url = directory.appendingPathComponent("message-\(index).json")
            guard FileManager.default.fileExists(atPath: url.path) else { break }
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
            result.append(object as? [String: Any] ?? [:])
            index += 1
        }
        return result
    }

    var certificatePath: String { directory.appendingPathComponent("cert.pem").path }

    func rawMessage(_ index: Int) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent("message-\(index).eml"))
    }

    func stop() {
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

func localConfiguration(port: Int, username: String? = nil, password: String? = nil, security: SMTPConfiguration.Security = .none)
    -> SMTPConfiguration
{
    SMTPConfiguration(
        host: "127.0.0.1",
        port: port,
        username: username,
        password: password,
        fromAddress: "hysbysiadau@diogelu.example",
        fromName: "Diogelu Cymru",
        security: security,
        timeout: .seconds(20)
    )
}

let welshEmail = OutgoingEmail(
    to: "rhiant@example.org",
    toName: "Siân Ŵyn",
    subject: "Hysbysiad diogelu: cyfarfod ŵ ŷ â — dydd Mawrth",
    textBody: """
        Annwyl Siân,

        Mae'r cyfarfod wedi'i aildrefnu i ddydd Mawrth am 10:00. Bydd y cyfarfod yn y ganolfan gymunedol ger y bont, ac mae croeso i chi ddod â chyfaill.
        .Mae'r llinell hon yn dechrau gyda dot.
        .
        Cofion cynnes, ŵ ŷ â = 100%\u{20}
        Tîm Diogelu
        """,
    language: "cy"
)

@Suite("SMTPMailer against a local aiosmtpd server", .serialized)
struct SMTPIntegrationTests {
    static let skipMessage: Comment =
        "python3 with aiosmtpd is not available (install it with `pip install aiosmtpd`); skipping the real-server SMTP tests"

    @Test(.enabled(if: LocalSMTPServer.isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func deliversWelshEmailWithoutAuth() async throws {
        let server = try LocalSMTPServer()
        defer { server.stop() }

        try await SMTPMailer(configuration: localConfiguration(port: server.port)).send(welshEmail)

        let messages = try server.receivedMessages()
        try #require(messages.count == 1)
        let received = messages[0]
        #expect(received["subject"] as? String == welshEmail.subject)
        let body = (received["body"] as? String ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        #expect(body == welshEmail.textBody + "\n")
        #expect(received["mail_from"] as? String == "hysbysiadau@diogelu.example")
        #expect(received["rcpt_tos"] as? [String] == ["rhiant@example.org"])
        #expect(received["to"] as? String == "Siân Ŵyn <rhiant@example.org>")
        #expect(received["from"] as? String == "Diogelu Cymru <hysbysiadau@diogelu.example>")
        #expect(received["content_type"] as? String == "text/plain")
        #expect(received["charset"] as? String == "utf-8")
        #expect(received["transfer_encoding"] as? String == "quoted-printable")
        #expect(received["language"] as? String == "cy")
        #expect((received["message_id"] as? String)?.hasSuffix("@diogelu.example>") == true)
        #expect(received["defects"] as? [String] == [])
        #expect(received["authenticated"] as? Bool == false)

        let raw = try server.rawMessage(1)
        #expect(raw.allSatisfy { $0 < 128 })
        #expect(String(decoding: raw, as: UTF8.self).contains("\r\n.Mae'r llinell hon"))
    }

    @Test(.enabled(if: LocalSMTPServer.isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func authenticatesWithPlain() async throws {
        let server = try LocalSMTPServer(options: ["--auth"])
        defer { server.stop() }
        let config = localConfiguration(port: server.port, username: "diogelu", password: "cyfrinair ŵ")
        try await SMTPMailer(configuration: config).send(welshEmail)
        let messages = try server.receivedMessages()
        try #require(messages.count == 1)
        #expect(messages[0]["authenticated"] as? Bool == true)
        #expect(messages[0]["auth_mechanism"] as? String == "PLAIN")
        #expect(messages[0]["auth_login"] as? String == "diogelu")
        #expect(messages[0]["subject"] as? String == welshEmail.subject)
    }

    @Test(.enabled(if: LocalSMTPServer.isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func authenticatesWithLogin() async throws {
        let server = try LocalSMTPServer(options: ["--auth", "--login-only"])
        defer { server.stop() }
        let config = localConfiguration(port: server.port, username: "diogelu", password: "cyfrinair ŵ")
        try await SMTPMailer(configuration: config).send(welshEmail)
        let messages = try server.receivedMessages()
        try #require(messages.count == 1)
        #expect(messages[0]["auth_mechanism"] as? String == "LOGIN")
        #expect(messages[0]["auth_login"] as? String == "diogelu")
        #expect(messages[0]["subject"] as? String == welshEmail.subject)
    }

    @Test(.enabled(if: LocalSMTPServer.isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func wrongPasswordIsATypedAuthenticationError() async throws {
        let server = try LocalSMTPServer(options: ["--auth"])
        defer { server.stop() }
        let config = localConfiguration(port: server.port, username: "diogelu", password: "anghywir")
        do {
            try await SMTPMailer(configuration: config).send(welshEmail)
            Issue.record("expected authentication to fail")
        } catch let NoticeDeliveryError.unexpectedReply(stage, code, _) {
            #expect(stage == .authentication)
            #expect(code == 535)
        }
        #expect(try server.receivedMessages().isEmpty)
    }

    @Test(.enabled(if: LocalSMTPServer.isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func rejectedRecipientGivesCodeAndTextButNoAddress() async throws {
        let server = try LocalSMTPServer()
        defer { server.stop() }
        var email = welshEmail
        email.to = "reject-me@example.org"
        do {
            try await SMTPMailer(configuration: localConfiguration(port: server.port)).send(email)
            Issue.record("expected the recipient to be rejected")
        } catch let error as NoticeDeliveryError {
            guard case .unexpectedReply(let stage, let code, let text) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(stage == .recipient)
            #expect(code == 550)
            #expect(text.contains("Recipient address rejected"))
            #expect(!error.description.contains("reject-me"))
            #expect(!error.isTransient)
        }
    }

    @Test(.enabled(if: LocalSMTPServer.isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func startTLSIsRequiredWhenConfigured() async throws {
        let server = try LocalSMTPServer()
        defer { server.stop() }
        await #expect(throws: NoticeDeliveryError.startTLSNotOffered) {
            try await SMTPMailer(configuration: localConfiguration(port: server.port, security: .startTLS)).send(welshEmail)
        }
        #expect(try server.receivedMessages().isEmpty)
    }
}

@Suite("SMTPMailer over TLS against a local aiosmtpd server", .serialized)
struct SMTPTLSIntegrationTests {
    static let isAvailable: Bool = LocalSMTPServer.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")
    static let skipMessage: Comment =
        "python3 with aiosmtpd, or /usr/bin/openssl for a test certificate, is not available; skipping the TLS SMTP tests"

    func trusting(_ server: LocalSMTPServer) throws -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(server.certificatePath))
        return tls
    }

    @Test(.enabled(if: isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func deliversOverSTARTTLSWithAuth() async throws {
        let server = try LocalSMTPServer(options: ["--starttls", "--auth"])
        defer { server.stop() }
        var config = localConfiguration(port: server.port, username: "diogelu", password: "cyfrinair ŵ", security: .startTLS)
        config.host = "localhost"  // exercises SNI and host name verification
        try await SMTPMailer(configuration: config, tlsConfiguration: trusting(server)).send(welshEmail)
        let messages = try server.receivedMessages()
        try #require(messages.count == 1)
        #expect(messages[0]["authenticated"] as? Bool == true)
        #expect(messages[0]["subject"] as? String == welshEmail.subject)
    }

    @Test(.enabled(if: isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func deliversOverImplicitTLS() async throws {
        let server = try LocalSMTPServer(options: ["--tls"])
        defer { server.stop() }
        let config = localConfiguration(port: server.port, security: .tls)
        try await SMTPMailer(configuration: config, tlsConfiguration: trusting(server)).send(welshEmail)
        let messages = try server.receivedMessages()
        try #require(messages.count == 1)
        let body = (messages[0]["body"] as? String ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        #expect(body == welshEmail.textBody + "\n")
    }

    @Test(.enabled(if: isAvailable, skipMessage), .timeLimit(.minutes(1)))
    func untrustedCertificateFailsWithTLSError() async throws {
        let server = try LocalSMTPServer(options: ["--starttls"])
        defer { server.stop() }
        let config = localConfiguration(port: server.port, security: .startTLS)
        do {
            try await SMTPMailer(configuration: config).send(welshEmail)
            Issue.record("expected certificate verification to fail")
        } catch let error as NoticeDeliveryError {
            guard case .tlsFailure = error else {
                Issue.record("unexpected error \(error)")
                return
            }
        }
        #expect(try server.receivedMessages().isEmpty)
    }
}

@Suite("SMTPMailer failures without a real server")
struct SMTPFailureTests {
    /// A server that accepts connections and never says anything.
    final class SilentHandler: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
    }

    @Test(.timeLimit(.minutes(1)))
    func silentServerTimesOut() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in channel.pipeline.addHandler(SilentHandler()) }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        var config = localConfiguration(port: port)
        config.timeout = .milliseconds(500)

        let start = ContinuousClock.now
        await #expect(throws: NoticeDeliveryError.timedOut(stage: .greeting)) {
            try await SMTPMailer(configuration: config).send(welshEmail)
        }
        // Well short of the 30 s default, which an ignored setting would wait; generous
        // beside the 500 ms, so that a loaded machine does not fail it.
        #expect(ContinuousClock.now - start < .seconds(20))
        try await server.close()
    }

    @Test(.timeLimit(.minutes(1)))
    func refusedConnectionIsAConnectionError() async throws {
        // Bind and close to find a port with nothing listening.
        let probe = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(probe.localAddress?.port)
        try await probe.close()
        do {
            try await SMTPMailer(configuration: localConfiguration(port: port)).send(welshEmail)
            Issue.record("expected the connection to fail")
        } catch let error as NoticeDeliveryError {
            guard case .connectionFailed = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(error.isTransient)
        }
    }

    @Test func invalidRecipientFailsBeforeConnecting() async {
        var email = welshEmail
        email.to = "not an address"
        // Port 9 (discard) is never contacted: validation comes first.
        await #expect(throws: NoticeDeliveryError.invalidAddress(field: "recipient")) {
            try await SMTPMailer(configuration: localConfiguration(port: 9)).send(email)
        }
    }
}
