import Vapor

/// Serves the files under `Resources/Public` (the style sheet). Vapor's file middleware
/// looks on disk for every request's path; only paths under the public folders can be
/// files, so every page and API call is spared a look at the disk.
struct PublicFilesMiddleware: AsyncMiddleware {
    let files: FileMiddleware
    let folders: [String]

    init(publicDirectory: String) {
        files = FileMiddleware(publicDirectory: publicDirectory)
        let found = (try? FileManager.default.contentsOfDirectory(atPath: publicDirectory)) ?? []
        folders = found.map { "/\($0)/" }
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let path = request.url.path
        guard folders.contains(where: { path.hasPrefix($0) }) else { return try await next.respond(to: request) }
        return try await files.respond(to: request, chainingTo: next)
    }
}
