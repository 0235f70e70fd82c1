import Foundation

/// Whole-file linkage: read people from a CSV, find pairs that are the same
/// person, write them as `id_1,id_2,score`. This is what the command line
/// tool (`diogelu match`) and the benchmarks call.
public enum FileLinkage: Sendable {
    /// Links the records in `input` and writes matched pairs to `output`.
    /// The score column is the match probability.
    @discardableResult
    public static func run(input: URL, output: URL, options: LinkageOptions = LinkageOptions())
        throws(FileLinkageError) -> LinkageSummary {
        let started = ContinuousClock.now
        let data: Data
        do { data = try Data(contentsOf: input) } catch {
            throw .cannotReadInput(path: input.path, reason: String(describing: error))
        }
        let loaded = try parseRecords(csv: [UInt8](data))
        var result = link(records: loaded.records, options: options)
        // `link` numbers refusals by position; report the file line instead.
        for index in result.summary.refused.indices {
            result.summary.refused[index].line = loaded.lines[result.summary.refused[index].line - 1]
        }
        // Built as bytes: string concatenation per row was a visible share of a run.
        var text: [UInt8] = Array("id_1,id_2,score\n".utf8)
        text.reserveCapacity(result.pairs.count * 40)
        for pair in result.pairs {
            text.append(contentsOf: CSVReader.escape(pair.first).utf8)
            text.append(0x2C)
            text.append(contentsOf: CSVReader.escape(pair.second).utf8)
            text.append(0x2C)
            appendProbability(pair.probability, to: &text)
            text.append(0x0A)
        }
        do { try Data(text).write(to: output) } catch {
            throw .cannotWriteOutput(path: output.path, reason: String(describing: error))
        }
        result.summary.records = loaded.records.count + loaded.refused.count
        result.summary.refused = loaded.refused + result.summary.refused
        result.summary.seconds = (ContinuousClock.now - started).secondsValue
        return result.summary
    }

    /// A pair judged to be the same person.
    public struct LinkedPair: Sendable, Hashable {
        public var first: String
        public var second: String
        public var probability: Double
        public var matchWeight: Double
    }

    /// Links records already in memory: the same pipeline as `run` without files.
    public static func link(records: [PersonRecord], options: LinkageOptions = LinkageOptions())
        -> (pairs: [LinkedPair], summary: LinkageSummary) {
        let started = ContinuousClock.now
        let run = LinkageRun(records: records, options: options)
        let candidates = run.candidatePairs()
        let sample = run.trainingSample(of: candidates)
        let patterns = run.patterns(for: sample)
        let familyRules = run.familyRules(patterns: patterns,
                                          sampledShare: Double(sample.count) / Double(max(1, candidates.count)))
        let learned = run.learnWeights(patterns: patterns, familyRules: familyRules)
        let scorer = MatchScorer(weights: learned.weights, familyRules: familyRules, threshold: options.threshold)
        let pairs = run.matches(among: candidates, scorer: scorer).map { match in
            LinkedPair(first: records[run.recordPositions[Int(match.pair >> 32)]].recordID,
                       second: records[run.recordPositions[Int(match.pair & 0xFFFF_FFFF)]].recordID,
                       probability: match.probability, matchWeight: match.weight)
        }
        let summary = LinkageSummary(records: records.count, candidatePairs: candidates.count, matches: pairs.count,
                                     seconds: (ContinuousClock.now - started).secondsValue, refused: run.refused,
                                     weights: learned.weights, estimationIterations: learned.iterations)
        return (pairs, summary)
    }

    /// Parses a linkage CSV into records. Rows refused for a missing id are
    /// reported with their file line; refusals for thin records happen in `link`.
    public static func readRecords(csv bytes: [UInt8]) throws(FileLinkageError)
        -> (records: [PersonRecord], refused: [RecordRefusal]) {
        let parsed = try parseRecords(csv: bytes)
        return (parsed.records, parsed.refused)
    }

    /// `readRecords` plus the file line each record starts on.
    static func parseRecords(csv bytes: [UInt8]) throws(FileLinkageError)
        -> (records: [PersonRecord], refused: [RecordRefusal], lines: [Int]) {
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.parse(bytes) } catch { throw .malformedCSV(error) }
        guard let header = rows.first else { throw .emptyInput }
        // First column carrying each name; -1 when absent. Looked up once, not per row.
        func position(_ column: LinkageColumn) -> Int {
            header.fields.firstIndex { LinkageColumn(header: $0) == column } ?? -1
        }
        let recordIDAt = position(.recordID)
        guard recordIDAt >= 0 else { throw .missingRecordIDColumn }
        let sourceAt = position(.source), givenAt = position(.givenName), middleAt = position(.middleName),
            surnameAt = position(.surname), birthAt = position(.dateOfBirth), sexAt = position(.sex),
            addressAt = position(.address), postcodeAt = position(.postcode), nhsAt = position(.nhsNumber),
            upnAt = position(.uniquePupilNumber), policeAt = position(.policeID),
            socialCareAt = position(.socialCareID), otherAt = position(.otherID)
        var records: [PersonRecord] = []
        var refused: [RecordRefusal] = []
        var lines: [Int] = []
        records.reserveCapacity(rows.count - 1)
        lines.reserveCapacity(rows.count - 1)
        for row in rows.dropFirst() {
            func value(_ index: Int) -> String? {
                guard index >= 0, index < row.fields.count else { return nil }
                let text = row.fields[index]
                guard let first = text.utf8.first, let last = text.utf8.last else { return nil }
                // Trimming through Foundation is slow; most fields need none.
                if first != 0x20 && last != 0x20 && first != 0x09 && last != 0x09 { return text }
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty ? nil : trimmed
            }
            guard let id = value(recordIDAt) else {
                refused.append(RecordRefusal(recordID: "", line: row.line, reason: .missingRecordID))
                continue
            }
            records.append(PersonRecord(
                recordID: id, source: value(sourceAt), givenName: value(givenAt), middleName: value(middleAt),
                surname: value(surnameAt), dateOfBirth: value(birthAt).flatMap(DateOfBirth.init(parsing:)),
                sex: value(sexAt).flatMap(Sex.init(code:)), address: value(addressAt), postcode: value(postcodeAt),
                nhsNumber: value(nhsAt), uniquePupilNumber: value(upnAt), policeID: value(policeAt),
                socialCareID: value(socialCareAt), otherID: value(otherAt)))
            lines.append(row.line)
        }
        return (records, refused, lines)
    }

    /// Four decimal places, e.g. 0.9731.
    private static func appendProbability(_ value: Double, to text: inout [UInt8]) {
        let scaled = min(10000, max(0, Int((value * 10000).rounded())))
        text.append(scaled == 10000 ? 0x31 : 0x30)
        text.append(0x2E)
        var divisor = 1000
        for _ in 0..<4 {
            text.append(UInt8(0x30 + (scaled % 10000) / divisor % 10))
            divisor /= 10
        }
    }
}
