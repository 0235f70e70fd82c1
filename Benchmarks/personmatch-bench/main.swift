import Foundation
import PersonMatching

let arguments = Arguments(CommandLine.arguments)
let usage = """
    personmatch-bench link --input people.csv --output pairs.csv [--across-sources]
    personmatch-bench synthetic --out DIR [--families 4000] [--seed 2024]
    personmatch-bench evaluate --data DIR [--across-sources]
    personmatch-bench febrl --data ROOT          (evaluates each ROOT/<set> in its own process)
    personmatch-bench explain --input people.csv --ids ID1,ID2 [--across-sources]
    personmatch-bench index [--people 1000000] [--queries 10000] [--seed 7]
    """

do {
    switch arguments.command {
    case "link":
        guard let input = arguments.value("input"), let output = arguments.value("output") else {
            print(usage)
            exit(64)
        }
        let options = LinkageOptions(mode: arguments.flag("across-sources") ? .acrossSourcesOnly : .deduplicate)
        let summary = try FileLinkage.run(input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output),
                                          options: options)
        print("records=\(summary.records) candidate_pairs=\(summary.candidatePairs) matches=\(summary.matches) "
              + "seconds=\(String(format: "%.3f", summary.seconds)) refused=\(summary.refused.count)")
        for refusal in summary.refused.prefix(20) {
            print("refused line=\(refusal.line) id=\(refusal.recordID) reason=\(refusal.reason.key)")
        }
    case "synthetic":
        let directory = URL(fileURLWithPath: arguments.value("out") ?? "bench-data/welsh")
        let written = try SyntheticExport.write(families: arguments.int("families", default: 4000),
                                                seed: UInt64(arguments.int("seed", default: 2024)), to: directory)
        print("synthetic records=\(written.records) true_pairs=\(written.truePairs) dir=\(directory.path)")
    case "evaluate":
        guard let data = arguments.value("data") else {
            print(usage)
            exit(64)
        }
        let outcome = try LinkageEvaluation.run(directory: URL(fileURLWithPath: data),
                                                acrossSources: arguments.flag("across-sources"))
        print(outcome.json)
    case "febrl":
        let root = URL(fileURLWithPath: arguments.value("data") ?? "bench-data")
        for set in ["febrl1", "febrl2", "febrl3", "febrl4", "welsh"] {
            let directory = root.appendingPathComponent(set)
            guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("people.csv").path) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            process.arguments = ["evaluate", "--data", directory.path] + (set == "febrl4" ? ["--across-sources"] : [])
            try process.run()
            process.waitUntilExit()
        }
    case "explain":
        // Learns weights from a file as linkage does, then explains one pair.
        guard let input = arguments.value("input"), let ids = arguments.value("ids")?.split(separator: ",") else {
            print(usage)
            exit(64)
        }
        let records = try FileLinkage.readRecords(csv: [UInt8](Data(contentsOf: URL(fileURLWithPath: input)))).records
        let options = LinkageOptions(mode: arguments.flag("across-sources") ? .acrossSourcesOnly : .deduplicate)
        let weights = FileLinkage.link(records: records, options: options).summary.weights
        let matcher = PersonMatcher(scorer: MatchScorer(weights: weights))
        let byID = Dictionary(records.map { ($0.recordID, $0) }, uniquingKeysWith: { first, _ in first })
        guard ids.count == 2, let first = byID[String(ids[0])], let second = byID[String(ids[1])] else {
            print("unknown ids")
            exit(65)
        }
        let assessment = matcher.assess(first, second)
        print("weight=\(assessment.matchWeight) probability=\(assessment.probability) match=\(assessment.isMatch)")
        for field in ComparisonField.allCases {
            let level = assessment.comparison.level(of: field)
            if level != 0 { print("  \(field) level=\(level) bits=\(weights.bayesFactorLog2(field, level: level))") }
        }
        print("  prior=\(weights.matchPrior) reasons=\(assessment.reasons.map(\.key))")
    case "index":
        try IndexBenchmark.run(people: arguments.int("people", default: 1_000_000),
                               queries: arguments.int("queries", default: 10_000),
                               seed: UInt64(arguments.int("seed", default: 7)))
    default:
        print(usage)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
