/// A strict RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes
/// and line breaks; LF and CRLF line endings are both accepted; a UTF-8 byte
/// order mark (as Excel writes) is skipped.
///
/// Written here rather than taken from a package because the library is
/// Foundation-only, and strict so that a broken export fails loudly instead of
/// shifting columns and linking the wrong people.
public enum CSVReader: Sendable {
    /// One parsed row with the physical line it started on.
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    public static func parse(_ text: String) throws(CSVError) -> [Row] {
        try parse(Array(text.utf8))
    }

    public static func parse(_ bytes: [UInt8]) throws(CSVError) -> [Row] {
        try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in try parse(buffer) }
    }

    /// Scans once over the bytes, slicing unquoted fields straight out of the
    /// buffer and copying only quoted fields (which may contain doubled quotes).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(CSVError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var quoted: [UInt8] = []
        let count = bytes.count
        var index = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var line = 1
        func makeString(_ slice: UnsafeBufferPointer<UInt8>, line: Int) throws(CSVError) -> String {
            if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
            guard let value = String(validating: slice, as: UTF8.self) else { throw .invalidUTF8(line: line) }
            return value
        }
        while index < count {
            // Start of a row.
            let rowLine = line
            fields.removeAll(keepingCapacity: true)
            var rowEnded = false
            while !rowEnded {
                if index < count && bytes[index] == 0x22 {
                    quoted.removeAll(keepingCapacity: true)
                    index += 1
                    var closed = false
                    while index < count {
                        let byte = bytes[index]
                        if byte == 0x22 {
                            if index + 1 < count && bytes[index + 1] == 0x22 {
                                quoted.append(0x22)
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if byte == 0x0A { line += 1 }
                        quoted.append(byte)
                        index += 1
                    }
                    guard closed else { throw .unterminatedQuote(line: rowLine) }
                    fields.append(try quoted.withUnsafeBufferPointer { q throws(CSVError) in try makeString(q, line: line) })
                    if index < count && bytes[index] != 0x2C && bytes[index] != 0x0A && bytes[index] != 0x0D {
                        throw .characterAfterClosingQuote(line: line)
                    }
                } else {
                    let start = index
                    while index < count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
                    fields.append(try makeString(UnsafeBufferPointer(rebasing: bytes[start..<index]), line: line))
                }
                if index >= count {
                    rowEnded = true
                } else if bytes[index] == 0x2C {
                    index += 1
                } else {
                    if bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
                    index += 1
                    line += 1
                    rowEnded = true
                }
            }
            // A blank line is not a record.
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowLine, fields: fields)) }
        }
        return rows
    }

    /// Quotes a value for output when it holds a comma, quote or line break.
    public static func escape(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        return "\"" + value.replacingQuotes() + "\""
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var output = ""
        output.reserveCapacity(utf8.count + 2)
        for character in self {
            if character == "\"" { output.append("\"\"") } else { output.append(character) }
        }
        return output
    }
}
