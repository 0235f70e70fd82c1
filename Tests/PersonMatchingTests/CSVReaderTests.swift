import Testing
import PersonMatching

@Suite("CSV reading")
struct CSVReaderTests {
    @Test func quotedFieldMayContainCommas() throws {
        let rows = try CSVReader.parse("record_id,address\n1,\"12 Heol y Bont, Bangor\"\n")
        #expect(rows[1].fields == ["1", "12 Heol y Bont, Bangor"])
    }

    @Test func doubledQuotesBecomeOneQuote() throws {
        let rows = try CSVReader.parse("a\n\"Tŷ \"\"Gwyn\"\"\"\n")
        #expect(rows[1].fields == ["Tŷ \"Gwyn\""])
    }

    @Test func quotedFieldMayContainLineBreaks() throws {
        let rows = try CSVReader.parse("id,address\n1,\"Fflat 2\nStryd Fawr\"\n2,Bangor\n")
        #expect(rows.count == 3)
        #expect(rows[1].fields[1] == "Fflat 2\nStryd Fawr")
        #expect(rows[2].line == 4)
    }

    @Test func windowsLineEndingsAndByteOrderMarkAreAccepted() throws {
        let rows = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("record_id,surname\r\n1,Jones\r\n".utf8))
        #expect(rows[0].fields == ["record_id", "surname"])
        #expect(rows[1].fields == ["1", "Jones"])
    }

    @Test func emptyTrailingFieldIsKept() throws {
        let rows = try CSVReader.parse("a,b,c\n1,,\n")
        #expect(rows[1].fields == ["1", "", ""])
    }

    @Test func blankLinesAreSkipped() throws {
        #expect(try CSVReader.parse("a\n\n1\n\n").count == 2)
    }

    @Test func unterminatedQuoteIsAnError() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) { try CSVReader.parse("a\n\"open,1\n") }
    }

    @Test func textAfterClosingQuoteIsAnError() {
        #expect(throws: CSVError.characterAfterClosingQuote(line: 2)) { try CSVReader.parse("a\n\"Jones\"x\n") }
    }

    @Test func escapeQuotesOnlyWhenNeeded() {
        #expect(CSVReader.escape("Jones") == "Jones")
        #expect(CSVReader.escape("Tŷ \"Gwyn\", Bangor") == "\"Tŷ \"\"Gwyn\"\", Bangor\"")
    }
}
