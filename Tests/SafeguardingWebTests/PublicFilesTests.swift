import Foundation
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("The style sheet is served; nothing else is looked for on disk")
struct PublicFilesTests {
    @Test("the style sheet comes as CSS; a page path is routed, never read from the public folder")
    func styleSheet() async throws {
        try await withTestApp { app, _ in
            let css = try await app.send(.GET, "/styles/diogelu.css")
            #expect(css.status == .ok)
            #expect(css.headers.contentType == .css)
            #expect(css.text.contains(":root {"))
            // Outside the public folder, even with a climb up the path, nothing is read.
            let climbed = try await app.send(.GET, "/styles/../Views/layout.leaf")
            #expect(!climbed.text.contains("#import(\"content\")"))
            let missing = try await app.send(.GET, "/styles/none.css")
            #expect(missing.status == .notFound)
            // A page is still the page, whatever the public folder holds.
            let signIn = try await app.send(.GET, "/sign-in")
            #expect(signIn.status == .ok && signIn.text.contains("<form"))
        }
    }
}
