import Vapor

extension Application {
    /// How long a stopping server waits for the requests it accepted.
    static let gracePeriod = Duration.seconds(10)

    private struct InFlightRequestsKey: StorageKey { typealias Value = InFlightRequests }

    /// The requests being answered; set once in `configure`.
    var inFlightRequests: InFlightRequests {
        get {
            guard let requests = storage[InFlightRequestsKey.self] else { preconditionFailure("configure sets the request count") }
            return requests
        }
        set { storage[InFlightRequestsKey.self] = newValue }
    }

    /// Stops serving before anything else stops: no new connection is accepted, each
    /// request already accepted is answered, and idle connections are closed.
    ///
    /// Vapor's own shutdown closes the databases first and the HTTP server after: on
    /// SIGTERM under load, requests still arriving found no database (Fluent's `req.db`
    /// stops the process when it has none). Returns whether every request was answered
    /// within the grace (``gracePeriod``, which the HTTP server's quiescing also waits);
    /// if not, the caller must not close the databases under them.
    public func stopServing() async -> Bool {
        let deadline = ContinuousClock.now + Self.gracePeriod
        await server.shutdown()
        // The server's quiescing waits for the answers; this confirms it did, and covers a
        // request still finishing when the server gave up waiting.
        while inFlightRequests.current > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        let unfinished = inFlightRequests.current
        if unfinished > 0 {
            logger.error("Stopped serving with requests unfinished", metadata: ["requests": "\(unfinished)"])
        } else {
            logger.notice("Stopped serving: every request answered")
        }
        return unfinished == 0
    }
}
