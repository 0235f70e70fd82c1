import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging

extension DatabaseLocation {
    /// The Fluent configuration for this location. SQL statements are logged at
    /// trace level only: they can carry personal data as bound values.
    public func configurationFactory() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path):
            return .sqlite(
                .init(storage: .file(path: path), enableForeignKeys: true), maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace)
        case .sqliteInMemory:
            return .sqlite(.init(storage: .memory, enableForeignKeys: true), sqlLogLevel: .trace)
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            // A request waits for a connection rather than fail after the default 10 s: under
            // load (40 audited writes queued on a busy 2-core machine) the wait had run out and
            // the write was refused. What a user submitted is never dropped for want of a connection.
            return .postgres(
                configuration: configuration, maxConnectionsPerEventLoop: 8, connectionPoolTimeout: .seconds(60),
                sqlLogLevel: .trace)
        }
    }
}
