/// How to reach and authenticate with an SMTP server.
public struct SMTPConfiguration: Sendable, Hashable, CustomStringConvertible {
    public enum Security: String, Sendable, Hashable, CaseIterable {
        /// Plain text throughout. Credentials are then allowed only for a
        /// server on the loopback interface.
        case none
        /// Connect in plain text and upgrade with STARTTLS before anything
        /// else; delivery fails if the server does not offer it.
        case startTLS = "starttls"
        /// TLS from the first byte ("implicit TLS", usually port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var fromAddress: String
    public var fromName: String
    public var security: Security
    /// The longest a whole delivery may take, from connecting to QUIT.
    public var timeout: Duration
    /// The name the client gives in EHLO; by default the sender's domain.
    public var heloName: String?

    public init(
        host: String,
        port: Int? = nil,
        username: String? = nil,
        password: String? = nil,
        fromAddress: String,
        fromName: String = "Diogelu",
        security: Security = .startTLS,
        timeout: Duration = .seconds(30),
        heloName: String? = nil
    ) {
        self.host = host
        self.port = port ?? Self.defaultPort(for: security)
        self.username = username
        self.password = password
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.security = security
        self.timeout = timeout
        self.heloName = heloName
    }

    /// 25 for plain SMTP, 587 for submission with STARTTLS, 465 for implicit TLS.
    public static func defaultPort(for security: Security) -> Int {
        switch security {
        case .none: return 25
        case .startTLS: return 587
        case .tls: return 465
        }
    }

    /// Never shows the password.
    public var description: String {
        "SMTPConfiguration(host: \(host), port: \(port), security: \(security.rawValue), "
            + "authenticated: \(username != nil), from: \(fromAddress))"
    }

    /// Reads the configuration from environment variables:
    ///
    /// - `DIOGELU_SMTP_HOST` (required to enable SMTP at all)
    /// - `DIOGELU_SMTP_PORT` (1–65535; by default from the security mode)
    /// - `DIOGELU_SMTP_USERNAME`, `DIOGELU_SMTP_PASSWORD` (both or neither)
    /// - `DIOGELU_SMTP_FROM`: `notices@example.org` or `Name <notices@example.org>`
    /// - `DIOGELU_SMTP_SECURITY`: `none`, `starttls` (default) or `tls`
    ///
    /// - Returns: `nil` when `DIOGELU_SMTP_HOST` is unset or empty.
    /// - Throws: `NoticeDeliveryError.invalidConfiguration` naming every
    ///   variable that is wrong, all at once.
    public static func fromEnvironment(_ env: [String: String]) throws -> SMTPConfiguration? {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingASCIIWhitespace(), !raw.isEmpty else { return nil }
            return raw
        }
        guard let host = value("DIOGELU_SMTP_HOST") else { return nil }
        var problems: [String] = []

        if !Self.isPlausibleHost(host) {
            problems.append("DIOGELU_SMTP_HOST must be a host name or IP address")
        }

        var security = Security.startTLS
        if let raw = value("DIOGELU_SMTP_SECURITY") {
            if let parsed = Security(rawValue: raw.lowercased()) {
                security = parsed
            } else {
                problems.append("DIOGELU_SMTP_SECURITY must be one of none, starttls, tls")
            }
        }

        var port = defaultPort(for: security)
        if let raw = value("DIOGELU_SMTP_PORT") {
            if let parsed = Int(raw), (1...65_535).contains(parsed) {
                port = parsed
            } else {
                problems.append("DIOGELU_SMTP_PORT must be a number from 1 to 65535")
            }
        }

        // The password is kept exactly as given: spaces may be part of it.
        let username = value("DIOGELU_SMTP_USERNAME")
        let password = env["DIOGELU_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        switch (username, password) {
        case (.some, .none):
            problems.append("DIOGELU_SMTP_PASSWORD must be set when DIOGELU_SMTP_USERNAME is")
        case (.none, .some):
            problems.append("DIOGELU_SMTP_USERNAME must be set when DIOGELU_SMTP_PASSWORD is")
        case (.some(let user), .some(let pass)):
            if user.contains("\0") || pass.contains("\0") {
                problems.append("DIOGELU_SMTP_USERNAME and DIOGELU_SMTP_PASSWORD must not contain NUL")
            }
            if security == .none && !isLoopback(host) {
                problems.append(
                    "DIOGELU_SMTP_SECURITY=none would send DIOGELU_SMTP_PASSWORD unencrypted; use starttls or tls")
            }
        case (.none, .none):
            break
        }

        var fromAddress = ""
        var fromName = "Diogelu"
        if let raw = value("DIOGELU_SMTP_FROM") {
            if let parsed = parseMailbox(raw) {
                fromAddress = parsed.address
                if let name = parsed.name { fromName = name }
            } else {
                problems.append("DIOGELU_SMTP_FROM must be an address such as notices@example.org or Name <notices@example.org>")
            }
        } else {
            problems.append("DIOGELU_SMTP_FROM must be set when DIOGELU_SMTP_HOST is")
        }

        guard problems.isEmpty else {
            throw NoticeDeliveryError.invalidConfiguration(problems)
        }
        return SMTPConfiguration(
            host: host,
            port: port,
            username: username,
            password: password,
            fromAddress: fromAddress,
            fromName: fromName,
            security: security
        )
    }

    /// Parses `address` or `Display Name <address>`.
    static func parseMailbox(_ raw: String) -> (name: String?, address: String)? {
        if raw.hasSuffix(">"), let open = raw.lastIndex(of: "<") {
            let address = String(raw[raw.index(after: open)..<raw.index(before: raw.endIndex)])
            var name = raw[..<open].trimmingASCIIWhitespace()
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = String(name.dropFirst().dropLast())
            }
            guard SMTPAddress(address) != nil else { return nil }
            return (name.isEmpty ? nil : name, address)
        }
        guard SMTPAddress(raw) != nil else { return nil }
        return (nil, raw)
    }

    static func isPlausibleHost(_ host: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:_".utf8)
        return host.utf8.count <= 253 && host.utf8.allSatisfy { allowed.contains($0) }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

extension StringProtocol {
    // fileprivate so the helper cannot clash with one elsewhere in the module.
    fileprivate func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
