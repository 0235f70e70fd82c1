import ConsoleKit
import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `diogelu token issue --username NAME --label TEXT [--days N]`: issues an API token
/// from the command line, for the first partner system before any administrator has
/// signed in, and for operational scripts. The token is printed once; the issue is audited.
struct TokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "action", help: "issue")
        var action: String
        @Option(name: "username", help: "the account the token acts for")
        var username: String?
        @Option(name: "label", help: "what the token is for")
        var label: String?
        @Option(name: "days", help: "how many days it is valid (default: no expiry)")
        var days: Int?
    }

    var help: String { "Issues an API token for an account (diogelu token issue --username NAME --label TEXT)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard signature.action == "issue", let username = signature.username, let label = signature.label else {
            throw TokenCommandError.usage
        }
        let app = context.application
        try await prepareDatabase(app)
        guard let account = try await UserRepository(app.db).credentials(username: username)?.account else {
            throw TokenCommandError.noSuchAccount(username)
        }
        let (token, _) = try await Store(app.db).transaction { db in
            try await APITokenIssuer.issue(
                for: account.id, label: label, issuedBy: account.id, validFor: signature.days.map { Double($0) * 86_400 },
                audit: { id in
                    AuditEvent(
                        actorUserID: nil, actorName: "command line", agencyID: nil, roles: [], action: .apiTokenIssued,
                        subjectID: id, detail: "user=\(account.id.uuidString.lowercased())")
                }, on: db)
        }
        context.console.print(token)
    }
}

enum TokenCommandError: Error, CustomStringConvertible {
    case usage
    case noSuchAccount(String)

    var description: String {
        switch self {
        case .usage: "Use: diogelu token issue --username NAME --label TEXT [--days N]"
        case .noSuchAccount(let name): "No account is called '\(name)'."
        }
    }
}
