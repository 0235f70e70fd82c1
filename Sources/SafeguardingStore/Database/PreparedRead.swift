import FluentKit
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// A read made on nearly every page: the session behind a cookie, the hub queue, a
/// child's record.
///
/// On PostgreSQL it is prepared once on each pooled connection and run by name from then
/// on, so the server neither parses nor plans it again. Measured at national scale,
/// planning these reads had cost the database more than running them. On SQLite the same
/// text runs as any other query.
///
/// The text numbers its values `$1`, `$2`... in the order they first appear: PostgreSQL
/// takes them by number, SQLite by order of first appearance. A value may appear again
/// later under its number.
public protocol PreparedRead: SendableMetatype {
    static var sql: String { get }
}

/// A value given to a prepared read: text, a UUID, an instant, a whole number or a flag.
public typealias PreparedValue = any PostgresDynamicTypeEncodable & Encodable & Sendable

extension Database {
    /// The rows `Read` answers for `values`, bound to `$1`, `$2`... in order.
    public func rows<Read: PreparedRead>(_ read: Read.Type, _ values: PreparedValue...) async throws -> [any SQLRow] {
        try await prepared(read, values)
    }

    /// The first row `Read` answers, if any.
    public func row<Read: PreparedRead>(_ read: Read.Type, _ values: PreparedValue...) async throws -> (any SQLRow)? {
        try await prepared(read, values).first
    }

    private func prepared<Read: PreparedRead>(_ read: Read.Type, _ values: [PreparedValue]) async throws -> [any SQLRow] {
        assert(PreparedReadText.numbersInOrder(Read.sql), "\(Read.self) must number its values in order of appearance")
        if let postgres = self as? any PostgresDatabase {
            var bindings = PostgresBindings(capacity: values.count)
            for value in values { bindings.append(value) }
            let statement = NamedStatement<Read>(bindings: bindings)
            let rows = try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    var rows: [PostgresRow] = []
                    for try await row in try await connection.execute(statement, logger: connection.logger) {
                        rows.append(row)
                    }
                    return rows
                }
            }.get()
            return rows.map { PostgresPreparedRow(row: $0) }
        }
        let collected = NIOLockedValueBox<[any SQLRow]>([])
        try await (self as! any SQLDatabase).execute(sql: NumberedText(text: Read.sql, values: values)) { row in
            collected.withLockedValue { $0.append(row) }
        }
        return collected.withLockedValue { $0 }
    }
}

/// Checks the numbering rule of ``PreparedRead``.
enum PreparedReadText {
    /// Whether `$n` first appears only after `$1`...`$(n-1)` have.
    static func numbersInOrder(_ sql: String) -> Bool {
        var highest = 0
        var scanner = sql.utf8.makeIterator()
        var digits: Int? = nil
        func close() -> Bool {
            defer { digits = nil }
            guard let number = digits else { return true }
            if number == highest + 1 { highest = number; return true }
            return number <= highest
        }
        while let byte = scanner.next() {
            if byte == UInt8(ascii: "$") {
                guard close() else { return false }
                digits = 0
            } else if digits != nil, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits = digits! * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                guard close() else { return false }
            }
        }
        return close()
    }
}

/// The PostgreSQL statement behind a prepared read, named after it.
private struct NamedStatement<Read: PreparedRead>: PostgresPreparedStatement {
    typealias Row = PostgresRow
    static var name: String { "diogelu_\(Read.self)" }
    static var sql: String { Read.sql }
    let bindings: PostgresBindings
    func makeBindings() -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}

/// A row of a prepared read on PostgreSQL, decoded straight from its cells.
///
/// PostgresKit's rows decode any `Decodable` through a general path (a coding path, a
/// lookup table built for each row, checks for Fluent's enums) that was a tenth of the
/// hub queue page's time at fifty rows of a dozen columns. The values Diogelu reads are
/// all PostgreSQL's own types, decoded by the cell; anything else goes the general way.
private struct PostgresPreparedRow: SQLRow {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow

    init(row: PostgresRow) {
        self.row = row
        cells = row.makeRandomAccess()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { cells.contains(column) }

    func decodeNil(column: String) throws -> Bool { !cells.contains(column) || cells[column].bytes == nil }

    func decode<T: Decodable>(column: String, as type: T.Type) throws -> T {
        guard cells.contains(column) else { return try row.sql().decode(column: column, as: T.self) }
        let cell = cells[column]
        // The types read most, named so that no conformance has to be looked up for them.
        switch T.self {
        case is String.Type: return try cell.decode(String.self) as! T
        case is String?.Type: return try cell.decode(String?.self) as! T
        case is UUID.Type: return try cell.decode(UUID.self) as! T
        case is UUID?.Type: return try cell.decode(UUID?.self) as! T
        case is Int.Type: return try cell.decode(Int.self) as! T
        case is Int64.Type: return try cell.decode(Int64.self) as! T
        case is Bool.Type: return try cell.decode(Bool.self) as! T
        case is Date.Type: return try cell.decode(Date.self) as! T
        case is Date?.Type: return try cell.decode(Date?.self) as! T
        default:
            guard let native = T.self as? any PostgresDecodable.Type else {
                return try row.sql().decode(column: column, as: T.self)
            }
            return try Self.decode(native, from: cell) as! T
        }
    }

    private static func decode<Value: PostgresDecodable>(_ type: Value.Type, from cell: PostgresCell) throws -> Value {
        try cell.decode(Value.self)
    }
}

/// A prepared read's text with its values, for SQLite: written as it is, because SQLite
/// reads `$1` as a parameter too.
private struct NumberedText: SQLExpression {
    let text: String
    let values: [PreparedValue]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(text)
        serializer.binds.append(contentsOf: values.map { $0 as any Encodable & Sendable })
    }
}
