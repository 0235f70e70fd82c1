import FluentKit
import SQLKit
import SafeguardingStore
import Testing

@Suite("SQLite connections carry their settings into every transaction")
struct SQLiteConnectionSettingsTests {
    @Test("a busy timeout and synchronous=NORMAL on the connection, first transaction and after")
    func settings() async throws {
        try await withTestDatabase { store in
            guard store.isSQLite else { return }
            // More transactions than the pool has connections, some at once, so that
            // connections are both new and reused.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<24 {
                    group.addTask {
                        try await store.transaction { db in
                            let sql = db as! any SQLDatabase
                            let timeout = try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self)
                            let synchronous = try await sql.raw("PRAGMA synchronous").first()?
                                .decode(column: "synchronous", as: Int.self)
                            #expect(timeout == 10_000)
                            #expect(synchronous == 1)  // NORMAL
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
    }
}
