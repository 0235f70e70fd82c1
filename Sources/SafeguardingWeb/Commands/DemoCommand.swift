import Fluent
import ConsoleKit
import Vapor

/// `diogelu demo`: loads the demonstration partnership (or resets its passwords) and
/// prints the accounts.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Loads the demonstration partnership and prints its accounts." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await prepareDatabase(context.application)
        let accounts = try await DemoPartnership.load(into: context.application)
        context.console.print(DemoPartnership.describe(accounts, twoFactor: context.application.diogelu.twoFactor))
    }
}

/// Loads the demonstration partnership and prints its accounts once (for `serve --demo`).
public func loadDemo(_ app: Application) async throws {
    let accounts = try await DemoPartnership.load(into: app)
    print(DemoPartnership.describe(accounts, twoFactor: app.diogelu.twoFactor))
}
