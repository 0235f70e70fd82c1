import Foundation
import PersonMatching

/// Runs file linkage on a benchmark directory (people.csv + true_pairs.csv,
/// optionally families.csv) and scores the output against the truth.
enum LinkageEvaluation {
    struct Outcome {
        var dataset: String
        var records: Int
        var candidatePairs: Int
        var predicted: Int
        var truePositives: Int
        var truePairs: Int
        var familyMerges: Int?
        var seconds: Double
        var peakMegabytes: Double
        var refused: Int

        var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        var recall: Double { truePairs == 0 ? 0 : Double(truePositives) / Double(truePairs) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        var json: String {
            let merges = familyMerges.map(String.init) ?? "null"
            return """
            {"tool": "personmatch", "dataset": "\(dataset)", "records": \(records), "candidate_pairs": \(candidatePairs), \
            "predicted": \(predicted), "true_positives": \(truePositives), "true_pairs": \(truePairs), \
            "precision": \(precision), "recall": \(recall), "f1": \(f1), "seconds": \(seconds), \
            "peak_mb": \(peakMegabytes), "family_merges": \(merges), "refused": \(refused)}
            """
        }
    }

    static func run(directory: URL, acrossSources: Bool) throws -> Outcome {
        let output = FileManager.default.temporaryDirectory
            .appendingPathComponent("personmatch-\(directory.lastPathComponent)-pairs.csv")
        let options = LinkageOptions(mode: acrossSources ? .acrossSourcesOnly : .deduplicate)
        let summary = try FileLinkage.run(input: directory.appendingPathComponent("people.csv"), output: output,
                                          options: options)
        let predicted = try pairs(in: output, skippingHeader: true)
        let truth = try pairs(in: directory.appendingPathComponent("true_pairs.csv"), skippingHeader: true)
        var familyMerges: Int? = nil
        let familiesFile = directory.appendingPathComponent("families.csv")
        if FileManager.default.fileExists(atPath: familiesFile.path) {
            let rows = try CSVReader.parse([UInt8](Data(contentsOf: familiesFile))).dropFirst()
            var membership: [String: (String, String)] = [:]
            for row in rows where row.fields.count >= 3 { membership[row.fields[0]] = (row.fields[1], row.fields[2]) }
            familyMerges = predicted.filter { pair in
                guard let a = membership[pair.a], let b = membership[pair.b] else { return false }
                return a.1 == b.1 && a.0 != b.0
            }.count
        }
        return Outcome(dataset: directory.lastPathComponent, records: summary.records,
                       candidatePairs: summary.candidatePairs, predicted: predicted.count,
                       truePositives: predicted.intersection(truth).count, truePairs: truth.count,
                       familyMerges: familyMerges, seconds: summary.seconds, peakMegabytes: PeakMemory.megabytes(),
                       refused: summary.refused.count)
    }

    private static func pairs(in file: URL, skippingHeader: Bool) throws -> Set<PairKey> {
        let rows = try CSVReader.parse([UInt8](Data(contentsOf: file)))
        var result: Set<PairKey> = []
        for row in rows.dropFirst(skippingHeader ? 1 : 0) where row.fields.count >= 2 {
            result.insert(PairKey(row.fields[0], row.fields[1]))
        }
        return result
    }
}

/// An unordered pair of record ids.
struct PairKey: Hashable {
    let a: String
    let b: String
    init(_ x: String, _ y: String) {
        if x < y { a = x; b = y } else { a = y; b = x }
    }
}
