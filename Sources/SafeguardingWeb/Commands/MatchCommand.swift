import ConsoleKit
import Foundation
import PersonMatching
import Vapor

/// `diogelu match --input people.csv --output pairs.csv`: links a whole file of people
/// (a partner's extract, the FEBRL benchmark) and writes `id_1,id_2,score` for every pair
/// judged to be the same person. Records with nothing to match on are refused and listed.
struct MatchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "input", help: "CSV with a header naming record_id and any of the person columns")
        var input: String?
        @Option(name: "output", help: "where to write id_1,id_2,score")
        var output: String?
    }

    var help: String { "Finds the records in a CSV file that are the same person (diogelu match --input F --output F)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let input = signature.input, let output = signature.output else { throw MatchCommandError.usage }
        let summary = try FileLinkage.run(input: URL(fileURLWithPath: input), output: URL(fileURLWithPath: output))
        context.console.print(
            "records: \(summary.records)  candidate pairs: \(summary.candidatePairs)  matches: \(summary.matches)  "
                + String(format: "seconds: %.3f", summary.seconds))
        if !summary.refused.isEmpty {
            context.console.print("refused (nothing to match on): \(summary.refused.count)")
            for refusal in summary.refused.prefix(20) {
                context.console.print("  line \(refusal.line): \(refusal.recordID) – \(refusal.reason.rawValue)")
            }
        }
    }
}

enum MatchCommandError: Error, CustomStringConvertible {
    case usage
    var description: String { "Use: diogelu match --input people.csv --output pairs.csv" }
}
