import Fluent
import ConsoleKit
import Safeguarding
import SafeguardingStore
import Vapor

/// `diogelu audit verify`: checks the whole hash chain and names the first broken entry.
struct AuditCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "verify")
        var action: String
    }

    var help: String { "Checks the audit trail (diogelu audit verify)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "verify" else { throw AuditCommandError.unknownAction(signature.action) }
        let app = context.application
        try await prepareDatabase(app)
        switch try await AuditTrail.verify(on: app.db) {
        case .intact(entries: let entries):
            context.console.print("Audit trail intact: \(entries) entries verified.")
        case .broken(atSequence: let sequence, problem: let problem, entriesChecked: let checked):
            context.console.error(
                "Audit trail BROKEN at entry \(sequence) (\(problem.rawValue)); \(checked) entries before it verified.")
            throw AuditCommandError.broken(sequence: sequence)
        }
    }
}

enum AuditCommandError: Error, CustomStringConvertible {
    case unknownAction(String)
    case broken(sequence: Int64)

    var description: String {
        switch self {
        case .unknownAction(let action): "Unknown audit action '\(action)': use 'diogelu audit verify'."
        case .broken(let sequence): "The audit trail is broken at entry \(sequence)."
        }
    }
}
