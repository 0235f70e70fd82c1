import Foundation
import NoticeDelivery
import Safeguarding
import SafeguardingStore

/// Everything Diogelu reads from its environment, parsed once at start-up. A missing
/// or malformed variable fails start-up with the whole list of problems, not the first.
public struct DiogeluConfiguration: Sendable {
    public var database: DatabaseLocation
    public var host: String
    public var port: Int
    /// Marks cookies `Secure`. Browsers accept secure cookies from http://127.0.0.1 and
    /// http://localhost, so this stays on for a laptop; turn it off only behind a proxy
    /// that serves another plain-HTTP host name, which should never happen in production.
    public var secureCookies: Bool
    public var bcryptCost: Int
    public var sessionLifetime: TimeInterval
    /// Key for the hashes of usernames and addresses kept for rate limiting.
    public var secret: String
    public var signInFailuresPerAccount: Int
    public var signInFailuresPerClient: Int
    public var signInWindow: TimeInterval
    public var breakGlassDuration: TimeInterval
    public var resourcesDirectory: String?
    /// Where notices are sent by email; without it they are logged (metadata only).
    public var smtp: SMTPConfiguration?
    /// How often the outbox is emptied.
    public var noticeInterval: TimeInterval = 15
    /// The addresses of the proxies in front of Diogelu, whose `X-Forwarded-For` is
    /// believed (see ``ClientAddress``); empty when clients connect directly.
    public var trustedProxies: Set<String> = []
    /// Who must sign in with a second factor (`DIOGELU_TWO_FACTOR`: `required`, the
    /// default, or `optional` for trying the system out without a phone to hand).
    public var twoFactor = TwoFactorRequirement()
    /// When repeat missing makes a missing-child strategy meeting due: partnerships set
    /// their own (the third episode in 30 days unless they say otherwise).
    public var missingRules = MissingRules()

    public init(
        database: DatabaseLocation = .sqliteFile(path: "diogelu.sqlite"), host: String = "127.0.0.1", port: Int = 8080,
        secureCookies: Bool = true, bcryptCost: Int = 12, sessionLifetime: TimeInterval = 8 * 3600,
        secret: String = DiogeluConfiguration.randomSecret(), signInFailuresPerAccount: Int = 5,
        signInFailuresPerClient: Int = 20, signInWindow: TimeInterval = 15 * 60, breakGlassDuration: TimeInterval = 4 * 3600,
        resourcesDirectory: String? = nil
    ) {
        self.database = database
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.secret = secret
        self.signInFailuresPerAccount = signInFailuresPerAccount
        self.signInFailuresPerClient = signInFailuresPerClient
        self.signInWindow = signInWindow
        self.breakGlassDuration = breakGlassDuration
        self.resourcesDirectory = resourcesDirectory
    }

    public static func randomSecret() -> String {
        (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    /// Reads `DATABASE_URL`, `DIOGELU_DATABASE_PATH`, `HOST`, `PORT`, `DIOGELU_SECURE_COOKIES`,
    /// `DIOGELU_BCRYPT_COST`, `DIOGELU_SESSION_HOURS`, `DIOGELU_SECRET`, `DIOGELU_TRUSTED_PROXIES`, `DIOGELU_TWO_FACTOR`,
    /// `DIOGELU_RESOURCES`, `DIOGELU_MISSING_REPEAT_EPISODES`, `DIOGELU_MISSING_REPEAT_DAYS`.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> DiogeluConfiguration
    {
        var problems: [String] = []
        var configuration = DiogeluConfiguration()
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                configuration.database = .postgres(url: url)
            } else {
                problems.append("DATABASE_URL must start with postgres:// (leave it unset for SQLite)")
            }
        } else if let path = environment["DIOGELU_DATABASE_PATH"], !path.isEmpty {
            configuration.database = .sqliteFile(path: path)
        }
        if let host = environment["HOST"], !host.isEmpty { configuration.host = host }
        if let text = environment["PORT"] {
            if let port = Int(text), (1...65535).contains(port) { configuration.port = port }
            else { problems.append("PORT must be a number from 1 to 65535") }
        }
        if let text = environment["DIOGELU_SECURE_COOKIES"] {
            switch text.lowercased() {
            case "true", "1", "yes": configuration.secureCookies = true
            case "false", "0", "no": configuration.secureCookies = false
            default: problems.append("DIOGELU_SECURE_COOKIES must be true or false")
            }
        }
        if let text = environment["DIOGELU_BCRYPT_COST"] {
            if let cost = Int(text), (4...31).contains(cost) { configuration.bcryptCost = cost }
            else { problems.append("DIOGELU_BCRYPT_COST must be a number from 4 to 31") }
        }
        if let text = environment["DIOGELU_SESSION_HOURS"] {
            if let hours = Double(text), hours > 0, hours <= 24 { configuration.sessionLifetime = hours * 3600 }
            else { problems.append("DIOGELU_SESSION_HOURS must be a number of hours from 0 to 24") }
        }
        if let secret = environment["DIOGELU_SECRET"] {
            if secret.count >= 32 { configuration.secret = secret }
            else { problems.append("DIOGELU_SECRET must be at least 32 characters") }
        }
        if let text = environment["DIOGELU_TRUSTED_PROXIES"], !text.isEmpty {
            let addresses = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let bad = addresses.filter { !ClientAddress.isAddress($0) }
            if bad.isEmpty { configuration.trustedProxies = Set(addresses) }
            else { problems.append("DIOGELU_TRUSTED_PROXIES must be IP addresses separated by commas (not: \(bad.joined(separator: ", ")))") }
        }
        if let text = environment["DIOGELU_TWO_FACTOR"], !text.isEmpty {
            if let mode = TwoFactorRequirement.Mode(rawValue: text.lowercased()) { configuration.twoFactor = TwoFactorRequirement(mode: mode) }
            else { problems.append("DIOGELU_TWO_FACTOR must be required or optional") }
        }
        if let text = environment["DIOGELU_MISSING_REPEAT_EPISODES"], !text.isEmpty {
            if let count = Int(text), (2...20).contains(count) { configuration.missingRules.repeatEpisodes = count }
            else { problems.append("DIOGELU_MISSING_REPEAT_EPISODES must be a number from 2 to 20") }
        }
        if let text = environment["DIOGELU_MISSING_REPEAT_DAYS"], !text.isEmpty {
            if let days = Int(text), (1...365).contains(days) { configuration.missingRules.repeatWindowDays = days }
            else { problems.append("DIOGELU_MISSING_REPEAT_DAYS must be a number of days from 1 to 365") }
        }
        if let resources = environment["DIOGELU_RESOURCES"], !resources.isEmpty {
            configuration.resourcesDirectory = resources
        }
        do {
            configuration.smtp = try SMTPConfiguration.fromEnvironment(environment)
        } catch NoticeDeliveryError.invalidConfiguration(let smtpProblems) {
            problems += smtpProblems
        }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        return configuration
    }
}

/// Start-up refused: every variable that is wrong, each with what it should be.
public struct ConfigurationError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "Diogelu cannot start:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
