import ConsoleKit
import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `diogelu bench seed --children N --referrals M` builds a synthetic partnership in the
/// configured database and writes the credentials the load needs to a file;
/// `diogelu bench load --url URL --credentials FILE` measures a running server over real
/// HTTP (see scripts/bench.sh, which runs both on SQLite and PostgreSQL);
/// `diogelu bench validate --assessments N` seeds exploitation assessments and times
/// the validation report over them.
struct BenchCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "seed, load, validate, measures or framework")
        var action: String
        @Option(name: "children", help: "children to create (seed)")
        var children: Int?
        @Option(name: "referrals", help: "referrals to create (seed)")
        var referrals: Int?
        @Option(name: "credentials", help: "the credentials file written by seed and read by load")
        var credentials: String?
        @Option(name: "url", help: "the server to load (load)")
        var url: String?
        @Option(name: "clients", help: "concurrent clients (load; default 32)")
        var clients: Int?
        @Option(name: "seconds", help: "seconds per measurement (load; default 20)")
        var seconds: Int?
        @Option(name: "server-pid", help: "the server's process id, to report its CPU use (load)")
        var serverPID: Int?
        @Option(name: "only", help: "measure only these, comma-separated: submission, queue, child, log, mace, network (load; default all)")
        var only: String?
        @Option(name: "assessments", help: "exploitation assessments to seed before timing the validation (validate; default 100000)")
        var assessments: Int?
        @Option(name: "cases", help: "children with child protection records to seed before timing the measures (measures; default 200000)")
        var cases: Int?
    }

    var help: String {
        "Builds a national-scale synthetic partnership (seed), measures a running server (load) or times the validation report (validate)."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let file = signature.credentials ?? "bench-credentials.json"
        switch signature.action {
        case "seed":
            let app = context.application
            try await prepareDatabase(app)
            let started = Date()
            let credentials = try await BenchSeed.seed(
                app: app, children: signature.children ?? 1_000_000, referrals: signature.referrals ?? 2_000_000,
                log: { context.console.print($0) })
            try JSONEncoder().encode(credentials).write(to: URL(fileURLWithPath: file))
            context.console.print("seeded in \(Int(Date().timeIntervalSince(started))) s; credentials in \(file)")
        case "load":
            let credentials = try JSONDecoder().decode(BenchCredentials.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            let report = try await LoadDriver(
                base: signature.url ?? "http://127.0.0.1:8080", credentials: credentials, clients: signature.clients ?? 32,
                seconds: Double(signature.seconds ?? 20), serverPID: signature.serverPID,
                only: signature.only.map { Set($0.split(separator: ",").map(String.init)) }
            ).run(log: { context.console.print($0) })
            context.console.print(report)
        case "validate":
            let app = context.application
            try await prepareDatabase(app)
            let timing = try await BenchValidation.run(
                app: app, assessments: signature.assessments ?? 100_000, log: { context.console.print($0) })
            context.console.print(
                "validation of \(ValidationFigures.count(timing.assessments)) assessments: \(BenchValidation.seconds(timing.total)) s "
                    + "(read, link and report with \(ExploitationValidationRun.defaultReplicates) resamples: \(BenchValidation.seconds(timing.computed)) s; "
                    + "HTML and summary: \(BenchValidation.seconds(timing.rendered)) s; the read alone: \(BenchValidation.seconds(timing.read)) s)")
        case "measures":
            let app = context.application
            try await prepareDatabase(app)
            let timing = try await BenchMeasures.run(app: app, cases: signature.cases ?? 200_000, log: { context.console.print($0) })
            context.console.print(
                "child protection measures over \(ValidationFigures.count(timing.cases)) children's records "
                    + "(\(ValidationFigures.count(timing.heldInYear)) strategy meetings held in the year), \(timing.year.count) rounds: "
                    + "a year \(BenchMeasures.summary(timing.year)); a quarter \(BenchMeasures.summary(timing.quarter))")
        case "framework":
            let app = context.application
            try await prepareDatabase(app)
            let timing = try await BenchFramework.run(app: app)
            context.console.print(
                "performance framework, \(MeasureID.allCases.count) measures over \(ValidationFigures.count(timing.events)) events in the year, "
                    + "\(timing.year.count) rounds: the year beside the year before \(BenchMeasures.summary(timing.year)); "
                    + "one measure by agency, the quarter beside the quarter before \(BenchMeasures.summary(timing.quarter)); "
                    + "slowest for the year: " + timing.byMeasure.prefix(4).map { "\($0.0.rawValue) \(BenchMeasures.summary([$0.1]).replacingOccurrences(of: "median ", with: "").components(separatedBy: ",")[0])" }.joined(separator: ", "))
        default:
            throw BenchError.usage
        }
    }
}

enum BenchError: Error, CustomStringConvertible {
    case usage
    var description: String { "Use: diogelu bench seed [--children N --referrals M] | diogelu bench load --url URL | diogelu bench validate [--assessments N] | diogelu bench measures [--cases N] | diogelu bench framework" }
}

/// What the load needs to act as a referrer (API token) and as a hub practitioner
/// (browser session), and which children exist.
struct BenchCredentials: Codable, Sendable {
    var referrerToken: String
    var hubCookie: String
    var childIDs: [UUID]
    /// The open MACE meeting whose page is measured (absent from older credentials files).
    var maceMeetingID: UUID?
    /// The child whose network page is measured.
    var networkChildID: UUID?
}
