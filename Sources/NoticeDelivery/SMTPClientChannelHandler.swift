import NIOCore
import NIOSSL

/// One complete SMTP reply: its code and the text of each of its lines.
struct SMTPReply: Sendable, Hashable {
    var code: Int
    var lines: [String]

    /// The text of every line, joined with spaces, addresses redacted.
    var redactedText: String {
        NoticeDeliveryError.redactingAddresses(lines.joined(separator: " "))
    }
}

/// A command line (or the message data) for the server, with the promise
/// that receives the server's reply to it.
struct SMTPClientRequest: Sendable {
    enum Upgrade: Sendable {
        case none
        /// On a 220 reply, put TLS under the SMTP handler before anything else
        /// is read from the connection (STARTTLS).
        case startTLS(NIOSSLContext, serverHostname: String?)
    }

    var payload: ByteBuffer
    var stage: SMTPStage
    var upgrade: Upgrade
    var replyPromise: EventLoopPromise<SMTPReply>
}

/// Splits the server's bytes into lines, joins multi-line replies
/// (`250-...` continued until `250 ...`), and hands each reply to the oldest
/// request still waiting. It also owns the delivery's deadline: when that
/// passes, everything waiting fails with `.timedOut` and the channel closes.
///
/// All of its state lives on the channel's event loop.
final class SMTPClientChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = Never
    typealias OutboundIn = SMTPClientRequest
    typealias OutboundOut = ByteBuffer

    /// RFC 5321 §4.5.3.1.5 allows reply lines of 512 octets; be generous but bounded.
    private static let maximumLineLength = 4_096
    private static let maximumReplyLines = 256

    private struct Waiting {
        var promise: EventLoopPromise<SMTPReply>
        var stage: SMTPStage
        var upgrade: SMTPClientRequest.Upgrade
    }

    private var waiting: CircularBuffer<Waiting>
    private var received: ByteBuffer?
    private var replyCode: Int?
    private var replyLines: [String] = []
    private var failure: NoticeDeliveryError?
    private var stage: SMTPStage = .connect
    private let deadline: NIODeadline
    private var deadlineTask: Scheduled<Void>?
    private let outcome: EventLoopPromise<Void>

    /// - Parameters:
    ///   - greeting: completed with the server's opening reply.
    ///   - deadline: when the whole delivery must have finished.
    ///   - outcome: failed with the reason the connection ended, once it
    ///     has; it outlives the handler, so a command written after the
    ///     channel closed can still report why (for example a TLS failure).
    init(greeting: EventLoopPromise<SMTPReply>, deadline: NIODeadline, outcome: EventLoopPromise<Void>) {
        self.waiting = [Waiting(promise: greeting, stage: .greeting, upgrade: .none)]
        self.deadline = deadline
        self.outcome = outcome
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.deadlineTask = context.eventLoop.assumeIsolated().scheduleTask(deadline: self.deadline) {
            self.fail(.timedOut(stage: self.stage), context: context)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.deadlineTask?.cancel()
        self.deadlineTask = nil
        let reason = self.failure ?? .connectionClosed(stage: self.stage)
        self.failWaiting(reason)
        self.outcome.fail(reason)
    }

    func channelActive(context: ChannelHandlerContext) {
        self.stage = .greeting
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.fail(.connectionClosed(stage: self.stage), context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.fail(NoticeDeliveryError.mapping(error, stage: self.stage), context: context)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = self.unwrapOutboundIn(data)
        if let failure = self.failure {
            request.replyPromise.fail(failure)
            promise?.fail(failure)
            return
        }
        self.stage = request.stage
        self.waiting.append(Waiting(promise: request.replyPromise, stage: request.stage, upgrade: request.upgrade))
        context.write(self.wrapOutboundOut(request.payload), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = self.unwrapInboundIn(data)
        guard self.failure == nil else { return }
        if self.received == nil {
            self.received = bytes
        } else {
            self.received!.writeBuffer(&bytes)
        }

        while self.failure == nil, var buffer = self.received {
            let view = buffer.readableBytesView
            guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.readableBytes > Self.maximumLineLength {
                    self.fail(.protocolViolation("reply line too long"), context: context)
                }
                break
            }
            let length = view.distance(from: view.startIndex, to: newline) + 1
            let lineBytes = buffer.readBytes(length: length) ?? []
            self.received = buffer.readableBytes > 0 ? buffer : nil
            var line = String(decoding: lineBytes.dropLast(), as: UTF8.self)
            if line.hasSuffix("\r") { line.removeLast() }
            self.handleLine(line, context: context)
        }
    }

    private func handleLine(_ line: String, context: ChannelHandlerContext) {
        let utf8 = Array(line.utf8)
        guard utf8.count >= 3, utf8.count <= Self.maximumLineLength,
            utf8[0...2].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let code = Int(String(decoding: utf8[0...2], as: UTF8.self)), (200...599).contains(code)
        else {
            self.fail(.protocolViolation("malformed reply line"), context: context)
            return
        }
        let separator = utf8.count > 3 ? utf8[3] : UInt8(ascii: " ")
        guard separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
            self.fail(.protocolViolation("malformed reply line"), context: context)
            return
        }
        if let expected = self.replyCode, expected != code {
            self.fail(.protocolViolation("reply lines with different codes"), context: context)
            return
        }
        self.replyCode = code
        self.replyLines.append(utf8.count > 4 ? String(decoding: utf8[4...], as: UTF8.self) : "")
        guard separator == UInt8(ascii: " ") else {
            if self.replyLines.count > Self.maximumReplyLines {
                self.fail(.protocolViolation("reply has too many lines"), context: context)
            }
            return
        }

        let reply = SMTPReply(code: code, lines: self.replyLines)
        self.replyCode = nil
        self.replyLines = []
        self.deliver(reply, context: context)
    }

    private func deliver(_ reply: SMTPReply, context: ChannelHandlerContext) {
        guard let next = self.waiting.popFirst() else {
            // An unsolicited reply, typically 421 before the server hangs up.
            self.fail(.unexpectedReply(stage: self.stage, code: reply.code, text: reply.redactedText), context: context)
            return
        }
        if case .startTLS(let sslContext, let serverHostname) = next.upgrade, reply.code == 220 {
            // Anything already received after the 220 came in plain text and
            // could have been injected by an attacker (CVE-2011-0411 in the
            // other direction): refuse rather than read it as if it were
            // protected by TLS.
            guard self.received == nil else {
                let error = NoticeDeliveryError.protocolViolation("data received after the STARTTLS reply")
                next.promise.fail(error)
                self.fail(error, context: context)
                return
            }
            do {
                let tls = try NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname)
                try context.pipeline.syncOperations.addHandler(tls, position: .first)
            } catch {
                let mapped = NoticeDeliveryError.tlsFailure(String(describing: error))
                next.promise.fail(mapped)
                self.fail(mapped, context: context)
                return
            }
        }
        next.promise.succeed(reply)
    }

    private func fail(_ error: NoticeDeliveryError, context: ChannelHandlerContext) {
        guard self.failure == nil else { return }
        self.failure = error
        self.deadlineTask?.cancel()
        self.deadlineTask = nil
        self.failWaiting(error)
        self.outcome.fail(error)
        context.close(promise: nil)
    }

    private func failWaiting(_ error: NoticeDeliveryError) {
        while let next = self.waiting.popFirst() {
            next.promise.fail(error)
        }
    }
}

extension NoticeDeliveryError {
    /// Turns an error from NIO or NIOSSL into a `NoticeDeliveryError`: TLS
    /// errors keep their description (which holds no personal data), any
    /// other I/O error means the connection is gone.
    static func mapping(_ error: any Error, stage: SMTPStage) -> NoticeDeliveryError {
        if let error = error as? NoticeDeliveryError {
            return error
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return .tlsFailure(String(describing: error))
        }
        return .connectionClosed(stage: stage)
    }
}
