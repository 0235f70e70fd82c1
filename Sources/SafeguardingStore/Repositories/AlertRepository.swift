import FluentKit
import Foundation

/// An alert to the hub's managers.
public struct Alert: Sendable, Hashable, Codable {
    public var id: UUID
    public var kind: AlertKind
    public var childID: UUID?
    public var raisedBy: UUID
    public var reason: String
    public var raisedAt: Date
    public var acknowledgedAt: Date?
}

/// The kinds of alert raised to hub managers.
public enum AlertKind: String, Sendable, Hashable, Codable {
    case breakGlass = "break_glass"
    /// A hub manager named someone to read a restricted record.
    case accessGranted = "access_granted"
    /// Someone was given a role that reads children's records or runs the partnership.
    case privilegedRole = "privileged_role"
    /// An administrator reset the password of an account that reads children's records.
    case passwordReset = "password_reset"
    /// An administrator reset someone's two-factor sign-in: their password alone opens
    /// the way to setting it up again, so the hub managers hear of it.
    case twoFactorReset = "two_factor_reset"
}

/// Raises and lists alerts for the hub's managers.
public struct AlertRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func raise(_ kind: AlertKind, childID: UUID?, raisedBy: UUID, reason: String, now: Date) async throws {
        let alert = AlertRecord()
        alert.id = UUID()
        alert.kind = kind.rawValue
        alert.childID = childID
        alert.raisedBy = raisedBy
        alert.reason = reason
        alert.raisedAt = now
        try await alert.create(on: database)
    }

    public func recent(limit: Int = 50) async throws -> [Alert] {
        try await AlertRecord.query(on: database).sort(\.$raisedAt, .descending).limit(limit).all().map { record in
            Alert(
                id: record.id!, kind: AlertKind(rawValue: record.kind) ?? .breakGlass, childID: record.childID,
                raisedBy: record.raisedBy, reason: record.reason, raisedAt: record.raisedAt,
                acknowledgedAt: record.acknowledgedAt)
        }
    }
}
