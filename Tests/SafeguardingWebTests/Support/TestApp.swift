import Fluent
import FluentKit
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// The package's root folder, found from this file, so the catalogues and views load
/// whatever directory `swift test` runs from.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { url.deleteLastPathComponent() }
    return url.path
}()

/// Runs `body` against a fresh Diogelu: a new SQLite file, or a new schema on the
/// PostgreSQL server named by `TEST_DATABASE_URL`, migrated, with a small partnership.
/// Everything is torn down afterwards, whether the test passed or not.
func withTestApp(
    configure adjust: (inout DiogeluConfiguration) -> Void = { _ in },
    _ body: (Application, TestPartnership) async throws -> Void
) async throws {
    try await withFreshApp(configure: adjust, populate: { try await TestPartnership.build(on: $0) }, body)
}

/// The same, loaded with the demonstration partnership (`diogelu serve --demo`) instead.
func withDemoApp(_ body: (Application, [DemoPartnership.DemoAccount]) async throws -> Void) async throws {
    try await withFreshApp(configure: { _ in }, populate: { try await DemoPartnership.load(into: $0) }, body)
}

private func withFreshApp<Population>(
    configure adjust: (inout DiogeluConfiguration) -> Void,
    populate: (Application) async throws -> Population,
    _ body: (Application, Population) async throws -> Void
) async throws {
    let app = try await Application.make(.testing)
    var configuration = DiogeluConfiguration(
        bcryptCost: 4, secret: String(repeating: "test-secret-", count: 4), resourcesDirectory: packageRoot + "/Resources")
    let sqlitePath = NSTemporaryDirectory() + "diogelu-test-\(UUID().uuidString).sqlite"
    var schema: String?
    if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        schema = name
        configuration.database = .postgres(url: url, schema: name)
    } else {
        configuration.database = .sqliteFile(path: sqlitePath)
    }
    adjust(&configuration)
    do {
        try await SafeguardingWeb.configure(app, configuration)
        app.logger.logLevel = .warning
        if let schema {
            try await (app.db as! any SQLDatabase).raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        try await prepareDatabase(app)
        let population = try await populate(app)
        try await body(app, population)
    } catch {
        await tearDown(app, schema: schema, sqlitePath: sqlitePath)
        throw error
    }
    await tearDown(app, schema: schema, sqlitePath: sqlitePath)
}

private func tearDown(_ app: Application, schema: String?, sqlitePath: String) async {
    if let schema {
        try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    try? await app.asyncShutdown()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
}
