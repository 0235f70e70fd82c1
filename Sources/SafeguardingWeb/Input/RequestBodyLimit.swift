import Vapor

/// The one limit on what a request may carry, whatever way its body arrives.
///
/// Vapor checks a route's limit (16 KB unless set) only on a body still streaming in; a
/// body that had arrived whole in the server's first read was never checked. So whether
/// a referrer's 20 KB of Welsh was accepted depended on how the network delivered it:
/// refused 2 times in 8. Every route now collects up to this one limit, and every reader
/// checks the size of a body however it came.
enum RequestBodyLimit {
    /// 1 MiB: the largest form, ten fields of 10,000 characters in Welsh, with room.
    static let bytes = 1_048_576

    /// The whole body, or `413 Payload Too Large` past the limit.
    static func collect(_ request: Request) async throws -> ByteBuffer {
        let buffer = try await request.body.collect(max: bytes).get() ?? ByteBuffer()
        guard buffer.readableBytes <= bytes else { throw Abort(.payloadTooLarge) }
        return buffer
    }
}
