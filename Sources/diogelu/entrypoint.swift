import Foundation
import Logging
import NIOCore
import NIOPosix
import SafeguardingWeb
import Vapor

/// `diogelu serve [--demo]`, `diogelu migrate`, `diogelu demo`, `diogelu audit verify`.
///
/// `serve` stops gracefully on SIGTERM or SIGINT: it answers what it accepted, then closes
/// every database connection, and exits 0.
///
/// `--demo` is Diogelu's own option, taken off the arguments before Vapor reads them:
/// it loads the demonstration partnership once the database is migrated.
@main
enum Entrypoint {
    static func main() async throws {
        // Swift's tasks run on the server's own event loops. A page is a dozen round trips
        // to the database one after another; on Swift's separate threads each answer,
        // arriving on an event loop, woke another thread to carry the handler on, and a
        // profile of the record page under load had the scheduler and futexes of those
        // hand-offs among its largest costs. Work that would hold a loop up (password
        // hashing, SQLite's statements) runs on thread pools of its own.
        _ = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        var arguments = CommandLine.arguments
        let demo = arguments.contains("--demo")
        arguments.removeAll { $0 == "--demo" }
        var environment = try Environment.detect(arguments: arguments)
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            let configuration = try DiogeluConfiguration.fromEnvironment()
            try await configure(app, configuration)
            let command = arguments.dropFirst().first { !$0.hasPrefix("-") } ?? "serve"
            // Vapor's migrate asks before it changes the database; with no terminal to ask
            // (a deployment script, a systemd unit) it would crash reading the answer.
            if command == "migrate", isatty(STDIN_FILENO) == 0, !arguments.contains(where: { ["--yes", "-y"].contains($0) }) {
                throw CommandRefused(
                    "diogelu migrate asks before it changes the database, and there is no terminal to ask: run diogelu migrate --yes")
            }
            if command == "serve" {
                try await prepareDatabase(app)
                if demo { try await loadDemo(app) }
                enableBackgroundWork(app)
            }
            try await app.execute()
            // SIGTERM or SIGINT: stop taking requests and answer those taken before the
            // databases close. Past the grace, a request is still using its connection:
            // leave without closing the databases under it (every answered write is
            // already committed).
            if command == "serve", await !app.stopServing() {
                exit(1)
            }
        } catch {
            // A failed command (a broken audit trail, bad configuration) ends with a
            // message and a non-zero status, not a crash report.
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            try? await app.asyncShutdown()
            exit(1)
        }
        try await app.asyncShutdown()
    }
}

/// A command that cannot run as it was asked, with the sentence that says why.
struct CommandRefused: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
