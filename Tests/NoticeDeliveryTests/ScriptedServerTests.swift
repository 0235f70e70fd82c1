import Foundation
import NIOCore
import NIOPosix
import Testing

@testable import NoticeDelivery

/// A misbehaving SMTP server made with NIO: it sends `greeting` on connect
/// and then, for each line it receives whose first word is a key of `script`,
/// sends that reply verbatim (it may hold several lines, or extra data).
final class ScriptedSMTPHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let greeting: String
    let script: [String: String]
    private var pending = ""

    init(greeting: String, script: [String: String]) {
        self.greeting = greeting
        self.script = script
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: greeting)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        pending += String(buffer: unwrapInboundIn(data))
        // Only complete lines; keep a partial one for the next read.
        guard let lastBreak = pending.range(of: "\r\n", options: .backwards) else { return }
        let complete = String(pending[..<lastBreak.upperBound])
        pending = String(pending[lastBreak.upperBound...])
        for line in complete.split(separator: "\r\n") {
            let verb = line.split(separator: " ").first.map { String($0).uppercased() } ?? ""
            if let reply = script[verb] {
                context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: reply)), promise: nil)
            }
        }
    }
}

func withScriptedServer(
    greeting: String = "220 scripted ESMTP\r\n",
    script: [String: String],
    _ body: (Int) async throws -> Void
) async throws {
    let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(ScriptedSMTPHandler(greeting: greeting, script: script))
            }
        }
        .bind(host: "127.0.0.1", port: 0).get()
    let port = try #require(server.localAddress?.port)
    do {
        try await body(port)
    } catch {
        try? await server.close()
        throw error
    }
    try await server.close()
}

@Suite("SMTPMailer against scripted servers")
struct ScriptedServerTests {
    func config(_ port: Int, security: SMTPConfiguration.Security = .none) -> SMTPConfiguration {
        var config = localConfiguration(port: port, security: security)
        // Long enough for a machine with every core busy; a scripted server answers at once.
        config.timeout = .seconds(30)
        return config
    }

    @Test(.timeLimit(.minutes(1)))
    func multiLineRepliesAndFullConversation() async throws {
        try await withScriptedServer(
            greeting: "220-scripted.example ESMTP\r\n220-second line\r\n220 ready\r\n",
            script: [
                "EHLO": "250-scripted.example\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 1000000\r\n",
                "MAIL": "250 2.1.0 Ok\r\n",
                "RCPT": "251 2.1.5 will forward\r\n",
                "DATA": "354 End data with <CR><LF>.<CR><LF>\r\n",
                ".": "250 2.0.0 queued\r\n",
                "QUIT": "221 2.0.0 Bye\r\n",
            ]
        ) { port in
            try await SMTPMailer(configuration: config(port)).send(welshEmail)
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func dataAfterSTARTTLSReplyIsRefused() async throws {
        try await withScriptedServer(script: [
            "EHLO": "250-scripted.example\r\n250 STARTTLS\r\n",
            // A man in the middle appends a plain-text reply to the 220.
            "STARTTLS": "220 2.0.0 Ready to start TLS\r\n250 injected\r\n",
        ]) { port in
            await #expect(throws: NoticeDeliveryError.protocolViolation("data received after the STARTTLS reply")) {
                try await SMTPMailer(configuration: config(port, security: .startTLS)).send(welshEmail)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func busyGreetingIsTransient() async throws {
        try await withScriptedServer(greeting: "421 4.3.2 Service not available, try <postmaster@example.org>\r\n", script: [:]) { port in
            do {
                try await SMTPMailer(configuration: config(port)).send(welshEmail)
                Issue.record("expected a 421")
            } catch let error as NoticeDeliveryError {
                #expect(error == .unexpectedReply(stage: .greeting, code: 421, text: "4.3.2 Service not available, try [address]"))
                #expect(error.isTransient)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func malformedReplyIsAProtocolViolation() async throws {
        try await withScriptedServer(greeting: "hello there\r\n", script: [:]) { port in
            await #expect(throws: NoticeDeliveryError.protocolViolation("malformed reply line")) {
                try await SMTPMailer(configuration: config(port)).send(welshEmail)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func authRequiredButNoMechanismOffered() async throws {
        try await withScriptedServer(script: ["EHLO": "250-scripted.example\r\n250 AUTH CRAM-MD5\r\n"]) { port in
            var configuration = config(port)
            configuration.username = "u"
            configuration.password = "p"
            await #expect(throws: NoticeDeliveryError.noSupportedAuthMechanism) {
                try await SMTPMailer(configuration: configuration).send(welshEmail)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func rejectedMessageBody() async throws {
        try await withScriptedServer(script: [
            "EHLO": "250 scripted.example\r\n",
            "MAIL": "250 Ok\r\n",
            "RCPT": "250 Ok\r\n",
            "DATA": "354 go ahead\r\n",
            ".": "554 5.7.1 Message rejected as spam\r\n",
        ]) { port in
            await #expect(throws: NoticeDeliveryError.unexpectedReply(stage: .messageBody, code: 554, text: "5.7.1 Message rejected as spam")) {
                try await SMTPMailer(configuration: config(port)).send(welshEmail)
            }
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func oldServerWithoutEHLOFallsBackToHELO() async throws {
        try await withScriptedServer(script: [
            "EHLO": "502 5.5.2 Command not recognised\r\n",
            "HELO": "250 scripted.example\r\n",
            "MAIL": "250 Ok\r\n",
            "RCPT": "250 Ok\r\n",
            "DATA": "354 go ahead\r\n",
            ".": "250 Ok\r\n",
            "QUIT": "221 Bye\r\n",
        ]) { port in
            try await SMTPMailer(configuration: config(port)).send(welshEmail)
        }
    }
}
