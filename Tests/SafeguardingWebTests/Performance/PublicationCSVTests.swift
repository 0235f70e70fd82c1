import Foundation
@testable import SafeguardingWeb
import Testing

@Suite("Measure exports as CSV, safe to open in Excel and to publish")
struct PublicationCSVTests {
    /// The lines after the byte order mark, without their CRLF endings.
    func lines(_ csv: PublicationCSV) -> [String] {
        var text = csv.text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text.components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    func cell(_ cell: PublicationCSV.Cell, forPublication: Bool = false) -> String {
        var csv = PublicationCSV(header: [], forPublication: forPublication)
        csv.append([cell])
        return lines(csv).first ?? "<no line>"
    }

    @Test("the byte order mark comes once, at the very start")
    func byteOrderMark() {
        var csv = PublicationCSV(header: ["Measure", "Value"], forPublication: false)
        csv.append([.text("a"), .count(1)])
        #expect(csv.text.unicodeScalars.first == "\u{FEFF}")
        #expect(csv.text.unicodeScalars.filter { $0 == "\u{FEFF}" }.count == 1)
        #expect(Array(csv.data.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test("every line ends CRLF, the last included, and there are no bare line feeds")
    func crlf() {
        var csv = PublicationCSV(header: ["a", "b"], forPublication: false)
        csv.append([.text("x"), .count(2)])
        csv.append([.text("y"), .count(3)])
        #expect(csv.text == "\u{FEFF}a,b\r\nx,2\r\ny,3\r\n")
        #expect(csv.text.utf8.split(separator: 0x0A).allSatisfy { $0.last == 0x0D })
    }

    @Test("a field with a comma, quote or line break is quoted and its quotes doubled")
    func quoting() {
        #expect(cell(.text("Cardiff, Wales")) == "\"Cardiff, Wales\"")
        #expect(cell(.text("the \"hub\"")) == "\"the \"\"hub\"\"\"")
        #expect(cell(.text("plain")) == "plain")
        var csv = PublicationCSV(header: [], forPublication: false)
        csv.append([.text("two\nlines"), .text("cr\rhere")])
        #expect(csv.text == "\u{FEFF}\"two\nlines\",\"cr\rhere\"\r\n")
    }

    @Test("text that Excel would run as a formula is defused with an apostrophe", arguments: ["=", "+", "-", "@", "\t", "\r"])
    func formulaGuard(start: String) {
        let written = cell(.text(start + "SUM(A1)"))
        let expected = start == "\r" ? "\"'\rSUM(A1)\"" : "'\(start)SUM(A1)"
        #expect(written == expected)
    }

    @Test("a carriage return and line feed at the start is still guarded")
    func crlfStartGuarded() {
        var csv = PublicationCSV(header: [], forPublication: false)
        csv.append([.text("\r\n=1")])
        #expect(csv.text == "\u{FEFF}\"'\r\n=1\"\r\n")
    }

    @Test("the apostrophe goes inside the quotes")
    func guardThenQuote() {
        #expect(cell(.text("=HYPERLINK(\"x\",\"y\")")) == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
    }

    @Test("header cells are guarded too")
    func headerGuarded() {
        let csv = PublicationCSV(header: ["=cmd", "Name"], forPublication: false)
        #expect(lines(csv) == ["'=cmd,Name"])
    }

    @Test("a typed negative number is a number, not a formula")
    func negativeNumbersNotGuarded() {
        #expect(cell(.count(-3)) == "-3")
        #expect(cell(.number(-1.5, places: 1)) == "-1.5")
        #expect(cell(.number(-2.5, places: 2)) == "-2.50")
    }

    @Test("small counts are suppressed only for publication", arguments: [(0, "0"), (1, "[c]"), (4, "[c]"), (5, "5")])
    func countSuppression(count: Int, published: String) {
        #expect(cell(.count(count), forPublication: true) == published)
        #expect(cell(.count(count), forPublication: false) == String(count))
    }

    @Test("a rate is suppressed when either side is small, so the count cannot be worked back")
    func rateSuppression() {
        #expect(cell(.rate(numerator: 3, denominator: 20), forPublication: true) == PublicationCSV.suppressedMarker)
        #expect(cell(.rate(numerator: 15, denominator: 4), forPublication: true) == PublicationCSV.suppressedMarker)
        #expect(cell(.rate(numerator: 5, denominator: 20), forPublication: true) == "25.0")
        #expect(cell(.rate(numerator: 0, denominator: 20), forPublication: true) == "0.0")
        #expect(cell(.rate(numerator: 3, denominator: 20), forPublication: false) == "15.0")
        #expect(cell(.rate(numerator: 15, denominator: 4), forPublication: false) == "375.0")
    }

    @Test("the page and the file agree on what is suppressed")
    func suppressionRule() {
        #expect(PublicationCSV.suppressedMarker == "[c]")
        #expect((0...6).filter(PublicationCSV.isSuppressed) == [1, 2, 3, 4])
        #expect(!PublicationCSV.isSuppressed(-1))
    }

    @Test("a rate is a percentage to one decimal place with a full stop and no sign")
    func rateFormatting() {
        #expect(cell(.rate(numerator: 3, denominator: 8)) == "37.5")
        #expect(cell(.rate(numerator: 1, denominator: 3)) == "33.3")
        #expect(cell(.rate(numerator: 2, denominator: 3)) == "66.7")
        #expect(cell(.rate(numerator: 8, denominator: 8)) == "100.0")
        #expect(cell(.rate(numerator: 0, denominator: 0)) == "")
        #expect(cell(.rate(numerator: Int.max, denominator: Int.max)) == "100.0")
    }

    @Test("a number keeps its places, and no figure is an empty cell")
    func numbers() {
        #expect(cell(.number(2.345, places: 1)) == "2.3")
        #expect(cell(.number(7, places: 0)) == "7")
        #expect(cell(.number(nil, places: 2)) == "")
        #expect(cell(.number(.nan, places: 1)) == "")
        #expect(cell(.number(-0.01, places: 1)) == "0.0")
    }

    @Test("Welsh text survives as UTF-8")
    func welshRoundTrip() {
        let welsh = "Gwasanaethau Plant ŵ ŷ, Ynys Môn"
        var csv = PublicationCSV(header: ["Ardal"], forPublication: true)
        csv.append([.text(welsh)])
        // Foundation's `String(data:encoding:)` drops a byte order mark, so decode by hand.
        let decoded = String(decoding: csv.data, as: UTF8.self)
        #expect(decoded == "\u{FEFF}Ardal\r\n\"\(welsh)\"\r\n")
        #expect(csv.data.count == csv.text.utf8.count)
        // ŵ and ŷ as their two-byte UTF-8 forms, not a code page's guess.
        let bytes = Array(csv.data)
        #expect(bytes.indices.contains { bytes[$0...].starts(with: [0xC5, 0xB5]) })
        #expect(bytes.indices.contains { bytes[$0...].starts(with: [0xC5, 0xB7]) })
    }
}
