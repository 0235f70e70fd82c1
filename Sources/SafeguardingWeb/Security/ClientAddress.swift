import NIOCore
import Vapor

/// The address of the client a request came from, as the sign-in limits count it.
///
/// Behind a load balancer every request arrives from the balancer, so every client would
/// share one address and one limit: a guesser would lock everyone out, or the limit
/// would be useless. The proxies named in `DIOGELU_TRUSTED_PROXIES` are believed when
/// they say, in `X-Forwarded-For`, whom they forwarded for; nobody else is, since any
/// client can write that header.
enum ClientAddress {
    static func of(_ request: Request) -> String? {
        resolve(
            peer: request.remoteAddress?.ipAddress,
            forwardedFor: request.headers[.xForwardedFor],
            trusted: request.application.diogelu.trustedProxies)
    }

    /// Walks the forwarding chain from the nearest hop back, past the trusted proxies, to
    /// the first address no trusted proxy vouches beyond.
    static func resolve(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String? {
        guard let peer, trusted.contains(peer) else { return peer }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for hop in hops.reversed() where !trusted.contains(hop) {
            return isAddress(hop) ? hop : peer
        }
        return hops.first ?? peer
    }

    /// Whether `text` is an IPv4 or IPv6 address.
    static func isAddress(_ text: String) -> Bool {
        (try? SocketAddress(ipAddress: text, port: 0)) != nil
    }
}
