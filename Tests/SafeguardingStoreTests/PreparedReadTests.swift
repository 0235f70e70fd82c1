import FluentKit
import Foundation
import SQLKit
import Testing

@testable import SafeguardingStore

/// Three values, one used twice: SQLite binds by order of first appearance, PostgreSQL
/// by number, and both must agree.
private enum EchoRead: PreparedRead {
    static let sql = "SELECT $1 AS first, $2 AS second, $1 AS again, $3 AS flag"
}

/// A read that finds nothing.
private enum NothingRead: PreparedRead {
    static let sql = "SELECT id FROM agencies WHERE id = $1"
}

@Suite("Prepared reads: the same text and values on SQLite and PostgreSQL")
struct PreparedReadTests {
    @Test("values are bound by number, again and again on the same pooled connections")
    func repeatedReads() async throws {
        try await withTestDatabase { store in
            // More calls than PostgreSQL's five planned-afresh executions, from several tasks
            // at once, so that connections both prepare the statement and reuse it.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for task in 0..<8 {
                    group.addTask {
                        for call in 0..<8 {
                            let row = try #require(
                                try await store.database.row(EchoRead.self, "task \(task)", "call \(call)", call % 2 == 0))
                            #expect(try row.decode(column: "first", as: String.self) == "task \(task)")
                            #expect(try row.decode(column: "second", as: String.self) == "call \(call)")
                            #expect(try row.decode(column: "again", as: String.self) == "task \(task)")
                            #expect(try row.decode(column: "flag", as: Bool.self) == (call % 2 == 0))
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await store.database.row(NothingRead.self, UUID()) == nil)
            #expect(try await store.database.rows(NothingRead.self, UUID()).isEmpty)
        }
    }

    @Test("inside a transaction the read sees what the transaction has written")
    func insideTransaction() async throws {
        try await withTestDatabase { store in
            let id = UUID()
            let seen = try await store.transaction { db in
                try await (db as! any SQLDatabase).raw("""
                    INSERT INTO agencies (id, name, welsh_name, kind, is_hub_member, created_at)
                    VALUES (\(bind: id), 'Ysgol Test', 'Ysgol Test', 'school', \(bind: false), \(bind: Date()))
                    """).run()
                return try await db.rows(NothingRead.self, id).count
            }
            #expect(seen == 1)
        }
    }

    @Test("the numbering rule: each number first appears after all the smaller ones")
    func numbering() {
        #expect(PreparedReadText.numbersInOrder("SELECT 1"))
        #expect(PreparedReadText.numbersInOrder("a = $1 AND b = $2 AND c = $1"))
        #expect(PreparedReadText.numbersInOrder((1...12).map { "$\($0)" }.joined(separator: ", ")))
        #expect(!PreparedReadText.numbersInOrder("a = $2 AND b = $1"))
        #expect(!PreparedReadText.numbersInOrder("a = $1 AND b = $3"))
        #expect(!PreparedReadText.numbersInOrder("a = $1, $2, $3, $4, $5, $6, $7, $8, $9, $11"))
    }
}
