import FluentKit
import Foundation

/// Remembers sign-in attempts so that guessing passwords is slowed to a crawl, for
/// one username and for one client, across every web process.
public struct SignInAttemptRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func record(usernameKey: String, clientKey: String, succeeded: Bool, at now: Date) async throws {
        try await SignInAttemptRecord(usernameKey: usernameKey, clientKey: clientKey, succeeded: succeeded, attemptedAt: now)
            .create(on: database)
    }

    public func failures(usernameKey: String, since: Date) async throws -> Int {
        try await SignInAttemptRecord.query(on: database).filter(\.$usernameKey == usernameKey)
            .filter(\.$succeeded == false).filter(\.$attemptedAt >= since).count()
    }

    public func failures(clientKey: String, since: Date) async throws -> Int {
        try await SignInAttemptRecord.query(on: database).filter(\.$clientKey == clientKey)
            .filter(\.$succeeded == false).filter(\.$attemptedAt >= since).count()
    }
}
