import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Delivers each email over its own SMTP connection (RFC 5321): EHLO,
/// STARTTLS or implicit TLS as configured, AUTH PLAIN or AUTH LOGIN when
/// credentials are set, then MAIL FROM, RCPT TO, DATA and QUIT.
///
/// The whole delivery, connecting included, must finish within
/// `configuration.timeout`. Errors are `NoticeDeliveryError`s carrying the
/// server's reply code and text, never the message or its recipient.
public struct SMTPMailer: Mailer {
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let tlsConfiguration: TLSConfiguration
    private let logger: Logger

    /// - Parameters:
    ///   - configuration: the server and sender.
    ///   - eventLoopGroup: where connections run; by default NIO's shared group.
    ///   - tlsConfiguration: for STARTTLS and implicit TLS; by default the
    ///     system's trust roots with full certificate and host name checks.
    ///   - logger: receives debug-level progress, never personal data.
    public init(
        configuration: SMTPConfiguration,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        tlsConfiguration: TLSConfiguration = .makeClientConfiguration(),
        logger: Logger = Logger(label: "diogelu.notice-delivery.smtp")
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.tlsConfiguration = tlsConfiguration
        self.logger = logger
    }

    public func send(_ email: OutgoingEmail) async throws {
        let configuration = self.configuration
        let messageID = "\(UUID().uuidString.lowercased())@\(SMTPAddress(configuration.fromAddress)?.domain ?? "localhost")"
        let message = try email.rfc5322Message(
            fromAddress: configuration.fromAddress,
            fromName: configuration.fromName,
            messageID: messageID
        )
        guard let recipient = SMTPAddress(email.to), let sender = SMTPAddress(configuration.fromAddress) else {
            throw NoticeDeliveryError.invalidAddress(field: "recipient")
        }

        var sslContext: NIOSSLContext?
        if configuration.security != .none {
            do {
                sslContext = try NIOSSLContext(configuration: self.tlsConfiguration)
            } catch {
                throw NoticeDeliveryError.tlsFailure(String(describing: error))
            }
        }
        // SNI and certificate name checks take a host name; for an IP address
        // NIOSSL checks the certificate against the address connected to.
        let isIPAddress = (try? SocketAddress(ipAddress: configuration.host, port: 0)) != nil
        let serverHostname = isIPAddress ? nil : configuration.host

        var logger = self.logger
        logger[metadataKey: "smtp_host"] = "\(configuration.host)"
        logger[metadataKey: "smtp_port"] = "\(configuration.port)"
        logger[metadataKey: "message_id"] = "\(messageID)"
        logger.debug("SMTP delivery starting")

        let channel = try await self.connect(sslContext: sslContext, serverHostname: serverHostname)
        let session = SMTPSession(channel: channel.channel, outcome: channel.outcome)
        do {
            try await self.converse(
                session: session,
                greeting: channel.greeting,
                sender: sender,
                recipient: recipient,
                message: message,
                sslContext: sslContext,
                serverHostname: serverHostname,
                logger: logger
            )
        } catch {
            channel.channel.close(promise: nil)
            logger.debug("SMTP delivery failed", metadata: ["error": "\(error)"])
            throw error
        }
        channel.channel.close(promise: nil)
        logger.debug("SMTP delivery accepted by server")
    }

    private func connect(
        sslContext: NIOSSLContext?,
        serverHostname: String?
    ) async throws -> (channel: any Channel, greeting: EventLoopFuture<SMTPReply>, outcome: EventLoopFuture<Void>) {
        let configuration = self.configuration
        let eventLoop = self.eventLoopGroup.next()
        let greeting = eventLoop.makePromise(of: SMTPReply.self)
        let outcome = eventLoop.makePromise(of: Void.self)
        let timeout = TimeAmount(configuration.timeout)
        let deadline = NIODeadline.now() + timeout
        let implicitTLS = configuration.security == .tls ? sslContext : nil

        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(timeout)
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let operations = channel.pipeline.syncOperations
                    if let implicitTLS {
                        try operations.addHandler(NIOSSLClientHandler(context: implicitTLS, serverHostname: serverHostname))
                    }
                    try operations.addHandler(SMTPClientChannelHandler(greeting: greeting, deadline: deadline, outcome: outcome))
                }
            }
        do {
            let channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
            return (channel, greeting.futureResult, outcome.futureResult)
        } catch {
            let mapped: NoticeDeliveryError
            if case ChannelError.connectTimeout = error {
                mapped = .timedOut(stage: .connect)
            } else if case .tlsFailure = NoticeDeliveryError.mapping(error, stage: .connect) {
                mapped = NoticeDeliveryError.mapping(error, stage: .connect)
            } else if let error = error as? NoticeDeliveryError {
                mapped = error
            } else {
                mapped = .connectionFailed(String(describing: error))
            }
            greeting.fail(mapped)
            outcome.fail(mapped)
            throw mapped
        }
    }

    private func converse(
        session: SMTPSession,
        greeting: EventLoopFuture<SMTPReply>,
        sender: SMTPAddress,
        recipient: SMTPAddress,
        message: String,
        sslContext: NIOSSLContext?,
        serverHostname: String?,
        logger: Logger
    ) async throws {
        let configuration = self.configuration
        try Self.expect(await session.reply(greeting, stage: .greeting), [220], stage: .greeting)

        let heloName = configuration.heloName ?? sender.domain
        let mayFallBackToHELO = configuration.security != .startTLS && configuration.username == nil
        var capabilities = try await Self.hello(session: session, name: heloName, mayFallBackToHELO: mayFallBackToHELO)

        if configuration.security == .startTLS {
            guard capabilities.contains("STARTTLS"), let sslContext else {
                throw NoticeDeliveryError.startTLSNotOffered
            }
            let reply = try await session.send(
                "STARTTLS", stage: .startTLS, upgrade: .startTLS(sslContext, serverHostname: serverHostname))
            try Self.expect(reply, [220], stage: .startTLS)
            logger.debug("SMTP connection upgraded with STARTTLS")
            // RFC 3207 §4.2: forget everything learnt before TLS and ask again.
            capabilities = try await Self.hello(session: session, name: heloName, mayFallBackToHELO: false)
        }

        if let username = configuration.username, let password = configuration.password {
            try await Self.authenticate(
                session: session, capabilities: capabilities, username: username, password: password)
            logger.debug("SMTP authentication accepted")
        }

        try Self.expect(await session.send("MAIL FROM:<\(sender.value)>", stage: .mailFrom), [250], stage: .mailFrom)
        try Self.expect(await session.send("RCPT TO:<\(recipient.value)>", stage: .recipient), [250, 251], stage: .recipient)
        try Self.expect(await session.send("DATA", stage: .data), [354], stage: .data)
        try Self.expect(
            await session.send(raw: SMTPEncoding.smtpDataPayload(message), stage: .messageBody),
            [250], stage: .messageBody)

        // The message is accepted; a failed QUIT changes nothing.
        _ = try? await session.send("QUIT", stage: .quit)
    }

    /// The server's EHLO keywords, upper-cased, each with its parameters.
    struct Capabilities {
        var keywords: [String: [String]] = [:]

        init(ehloReply: SMTPReply) {
            for line in ehloReply.lines.dropFirst() {
                let words = line.split(whereSeparator: { $0 == " " || $0 == "=" }).map { String($0).uppercased() }
                guard let keyword = words.first else { continue }
                keywords[keyword, default: []].append(contentsOf: words.dropFirst())
            }
        }

        init() {}

        func contains(_ keyword: String) -> Bool { keywords[keyword] != nil }

        var authMechanisms: Set<String> { Set(keywords["AUTH"] ?? []) }
    }

    private static func hello(session: SMTPSession, name: String, mayFallBackToHELO: Bool) async throws -> Capabilities {
        let reply = try await session.send("EHLO \(name)", stage: .ehlo)
        if reply.code == 250 {
            return Capabilities(ehloReply: reply)
        }
        // RFC 5321 §3.2: an old server that does not know EHLO. Only allowed
        // when nothing that needs extensions was asked for.
        if mayFallBackToHELO, [500, 502].contains(reply.code) {
            try expect(await session.send("HELO \(name)", stage: .ehlo), [250], stage: .ehlo)
            return Capabilities()
        }
        throw NoticeDeliveryError.unexpectedReply(stage: .ehlo, code: reply.code, text: reply.redactedText)
    }

    private static func authenticate(
        session: SMTPSession,
        capabilities: Capabilities,
        username: String,
        password: String
    ) async throws {
        let mechanisms = capabilities.authMechanisms
        if mechanisms.contains("PLAIN") {
            // RFC 4616: authzid NUL authcid NUL passwd, sent as an initial response.
            let token = Data(("\0" + username + "\0" + password).utf8).base64EncodedString()
            try expect(await session.send("AUTH PLAIN \(token)", stage: .authentication), [235], stage: .authentication)
        } else if mechanisms.contains("LOGIN") {
            try expect(await session.send("AUTH LOGIN", stage: .authentication), [334], stage: .authentication)
            let user = Data(username.utf8).base64EncodedString()
            try expect(await session.send(user, stage: .authentication), [334], stage: .authentication)
            let pass = Data(password.utf8).base64EncodedString()
            try expect(await session.send(pass, stage: .authentication), [235], stage: .authentication)
        } else {
            throw NoticeDeliveryError.noSupportedAuthMechanism
        }
    }

    private static func expect(_ reply: SMTPReply, _ codes: Set<Int>, stage: SMTPStage) throws {
        guard codes.contains(reply.code) else {
            throw NoticeDeliveryError.unexpectedReply(stage: stage, code: reply.code, text: reply.redactedText)
        }
    }
}

/// Sends commands on an SMTP channel and waits for each reply.
struct SMTPSession: Sendable {
    let channel: any Channel
    /// Fails with the reason the connection ended (see `SMTPClientChannelHandler`).
    let outcome: EventLoopFuture<Void>

    func send(_ line: String, stage: SMTPStage, upgrade: SMTPClientRequest.Upgrade = .none) async throws -> SMTPReply {
        try await send(raw: line + "\r\n", stage: stage, upgrade: upgrade)
    }

    func send(raw text: String, stage: SMTPStage, upgrade: SMTPClientRequest.Upgrade = .none) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        var payload = channel.allocator.buffer(capacity: text.utf8.count)
        payload.writeString(text)
        let request = SMTPClientRequest(payload: payload, stage: stage, upgrade: upgrade, replyPromise: promise)
        // If the request never reaches the handler (the channel has already
        // closed, say after a failed TLS handshake), nothing else would
        // complete the promise: fail it with the reason the connection ended,
        // which the handler records before (or as) it goes. Completing a
        // promise twice is harmless in NIO: the second result is ignored.
        let outcome = self.outcome
        channel.writeAndFlush(request).whenFailure { writeError in
            outcome.whenComplete { result in
                switch result {
                case .failure(let reason):
                    promise.fail(NoticeDeliveryError.mapping(reason, stage: stage))
                case .success:
                    promise.fail(NoticeDeliveryError.mapping(writeError, stage: stage))
                }
            }
        }
        return try await reply(promise.futureResult, stage: stage)
    }

    func reply(_ future: EventLoopFuture<SMTPReply>, stage: SMTPStage) async throws -> SMTPReply {
        do {
            return try await future.get()
        } catch {
            throw NoticeDeliveryError.mapping(error, stage: stage)
        }
    }
}
