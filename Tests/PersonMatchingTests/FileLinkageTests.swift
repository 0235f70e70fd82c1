import Foundation
import Testing
import PersonMatching

@Suite("Whole-file linkage")
struct FileLinkageTests {
    func read(_ text: String) throws -> (records: [PersonRecord], refused: [RecordRefusal]) {
        try FileLinkage.readRecords(csv: Array(text.utf8))
    }

    @Test func columnsMayComeInAnyOrderAndCase() throws {
        let loaded = try read("Surname,DATE_OF_BIRTH,record_id,given_name\nPritchard,2016-03-14,HB-1,Osian\n")
        #expect(loaded.records.first?.recordID == "HB-1")
        #expect(loaded.records.first?.surname == "Pritchard")
        #expect(loaded.records.first?.dateOfBirth == DateOfBirth(year: 2016, month: 3, day: 14))
    }

    @Test func missingOptionalColumnsAreSimplyAbsent() throws {
        let loaded = try read("record_id,given_name\n1,Nia\n")
        #expect(loaded.records.first?.surname == nil)
        #expect(loaded.records.first?.nhsNumber == nil)
    }

    @Test func unknownColumnsAreIgnored() throws {
        let loaded = try read("record_id,favourite_colour,surname\n1,glas,Parry\n")
        #expect(loaded.records.first?.surname == "Parry")
    }

    @Test func emptyCellsBecomeMissingValues() throws {
        let loaded = try read("record_id,given_name,nhs_number\n1, ,\n")
        #expect(loaded.records.first?.givenName == nil)
        #expect(loaded.records.first?.nhsNumber == nil)
    }

    @Test func fileWithoutRecordIDColumnIsRejected() {
        #expect(throws: FileLinkageError.missingRecordIDColumn) { try read("given_name,surname\nNia,Parry\n") }
    }

    @Test func emptyFileIsRejected() {
        #expect(throws: FileLinkageError.emptyInput) { try read("") }
    }

    @Test func rowWithoutRecordIDIsRefusedWithItsLine() throws {
        let loaded = try read("record_id,given_name\n,Nia\n2,Aled\n")
        #expect(loaded.refused == [RecordRefusal(recordID: "", line: 2, reason: .missingRecordID)])
        #expect(loaded.records.map(\.recordID) == ["2"])
    }

    @Test func recordsWithNothingToMatchOnAreRefusedNotMatched() {
        let records = [
            Children.osianHealth, Children.osianSchool,
            PersonRecord(recordID: "X-1", surname: "Pritchard", postcode: "LL55 1SE"),
            PersonRecord(recordID: "X-2", givenName: "Osian", surname: "Pritchard", postcode: "LL55 1SE"),
            PersonRecord(recordID: "X-3", dateOfBirth: Children.twinBirthday, postcode: "LL55 1SE"),
        ]
        let result = FileLinkage.link(records: records)
        #expect(result.summary.refused.map(\.reason) == [.noDateOfBirthAndNoIdentifier, .noDateOfBirthAndNoIdentifier,
                                                         .noNameAndNoIdentifier])
        #expect(result.pairs.allSatisfy { !$0.first.hasPrefix("X") && !$0.second.hasPrefix("X") })
    }

    @Test func duplicateRecordIDIsRefused() {
        let result = FileLinkage.link(records: [Children.osianHealth, Children.osianHealth])
        #expect(result.summary.refused.map(\.reason) == [.duplicateRecordID])
    }

    @Test func refusedRecordIsReportedWithItsFileLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pm-refusal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = "record_id,given_name,address\nA,Nia,\"Fflat 1\nStryd Fawr\"\nB,Aled,Bangor\n"
        let input = directory.appendingPathComponent("people.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let summary = try FileLinkage.run(input: input, output: directory.appendingPathComponent("pairs.csv"))
        #expect(summary.refused.map(\.line) == [2, 4])
        #expect(summary.refused.allSatisfy { $0.reason == .noDateOfBirthAndNoIdentifier })
    }

    @Test func identifierAloneIsEnoughToBeMatched() {
        #expect(RefusalReason.check(PersonRecord(recordID: "1", nhsNumber: "9434765919")) == nil)
    }

    @Test func runWritesMatchedPairsAndSummary() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pm-linkage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var csv = "record_id,source,given_name,surname,date_of_birth,postcode,address\n"
        for record in SmallPartnership.records(children: 120) {
            csv += [record.recordID, record.source ?? "", record.givenName ?? "", record.surname ?? "",
                    record.dateOfBirth?.isoString ?? "", record.postcode ?? "", CSVReader.escape(record.address ?? "")]
                .joined(separator: ",") + "\n"
        }
        let input = directory.appendingPathComponent("people.csv"), output = directory.appendingPathComponent("pairs.csv")
        try csv.write(to: input, atomically: true, encoding: .utf8)
        let summary = try FileLinkage.run(input: input, output: output)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "id_1,id_2,score")
        #expect(summary.records == 240)
        #expect(summary.matches == lines.count - 1)
        #expect(summary.candidatePairs < 240 * 239 / 2)
        // Nearly every child's health and education records are linked, and nothing else.
        let pairs = lines.dropFirst().map { $0.split(separator: ",").prefix(2).map(String.init).sorted() }
        let correct = pairs.filter { $0[0].dropFirst() == $0[1].dropFirst() }.count
        #expect(correct >= 110)
        #expect(pairs.count - correct <= 2)
    }

    @Test func unreadableInputIsReportedWithItsPath() {
        let missing = URL(fileURLWithPath: "/nonexistent/people.csv")
        #expect {
            try FileLinkage.run(input: missing, output: URL(fileURLWithPath: "/tmp/unused.csv"))
        } throws: { error in
            if case FileLinkageError.cannotReadInput(let path, _) = error { return path == missing.path }
            return false
        }
    }
}
