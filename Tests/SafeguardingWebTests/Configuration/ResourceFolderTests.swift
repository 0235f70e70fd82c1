import Foundation
@testable import SafeguardingWeb
import Testing

/// The binary finds its views, styles and catalogues wherever it is started from, and
/// says in one sentence when they are nowhere (issue 19: a new user's first run stopped
/// with `NSCocoaErrorDomain Code=260` about `en.json`).
@Suite("Finding the Resources folder")
struct ResourceFolderTests {
    /// Sees only the scratch folder, so the checkout this test runs in is not found.
    final class ScratchOnly: FileManager, @unchecked Sendable {
        let scratch: String
        init(_ scratch: String) { self.scratch = scratch }
        override func fileExists(atPath path: String) -> Bool {
            path.hasPrefix(scratch) && super.fileExists(atPath: path)
        }
    }

    func scratch() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diogelu-resources-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return URL(fileURLWithPath: folder).standardizedFileURL.path
    }

    func resources(at folder: String, complete: Bool = true) throws {
        for sub in ["Views", "Public", "Localisation"] {
            try FileManager.default.createDirectory(atPath: folder + "/" + sub, withIntermediateDirectories: true)
        }
        try Data(#"{"a": "A"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/Localisation/en.json"))
        if complete { try Data(#"{"a": "Â"}"#.utf8).write(to: URL(fileURLWithPath: folder + "/Localisation/cy.json")) }
    }

    @Test("a Resources folder copied beside the binary, or in ../share/diogelu, is found from any working directory")
    func besideTheBinary() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/opt/bin", withIntermediateDirectories: true)
        try resources(at: root + "/opt/share/diogelu/Resources")
        let files = ScratchOnly(root)
        var found = try ResourceFolder.locate(
            configured: nil, workingDirectory: root + "/elsewhere", executable: root + "/opt/bin/diogelu", fileManager: files)
        #expect(found.resources == root + "/opt/share/diogelu/Resources/")
        try resources(at: root + "/opt/bin/Resources")
        found = try ResourceFolder.locate(
            configured: nil, workingDirectory: root + "/elsewhere", executable: root + "/opt/bin/diogelu", fileManager: files)
        #expect(found.root == root + "/opt/bin/", "beside the binary comes before ../share")
        try resources(at: root + "/elsewhere/Resources")
        found = try ResourceFolder.locate(
            configured: nil, workingDirectory: root + "/elsewhere", executable: root + "/opt/bin/diogelu", fileManager: files)
        #expect(found.root == root + "/elsewhere/", "the working directory's own comes first")
    }

    @Test("nowhere: one sentence naming where it looked and what to do, with no file system error in it")
    func nowhere() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try resources(at: root + "/bin/Resources", complete: false)
        let error = #expect(throws: ResourcesNotFound.self) {
            try ResourceFolder.locate(configured: nil, workingDirectory: root, executable: root + "/bin/diogelu",
                fileManager: ScratchOnly(root))
        }
        let sentence = error?.description ?? ""
        #expect(sentence.contains(root + "/bin/Resources"), "a folder without the Welsh catalogue is not taken")
        #expect(sentence.contains("DIOGELU_RESOURCES") && !sentence.contains("NSCocoaErrorDomain"))
        #expect(!sentence.contains("\n") && sentence.hasSuffix("."), "one line, one sentence")
    }

    @Test("DIOGELU_RESOURCES, when set, is the only place looked")
    func configured() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try resources(at: root + "/bin/Resources")
        try FileManager.default.createDirectory(atPath: root + "/typo", withIntermediateDirectories: true)
        let error = #expect(throws: ResourcesNotFound.self) {
            try ResourceFolder.locate(configured: root + "/typo", workingDirectory: root, executable: root + "/bin/diogelu",
                fileManager: ScratchOnly(root))
        }
        #expect(error?.configured == true && error?.lookedIn == [root + "/typo"])
        #expect(error?.description.hasPrefix("DIOGELU_RESOURCES names \(root)/typo") == true)
        let found = try ResourceFolder.locate(configured: root + "/bin/Resources", workingDirectory: "/", executable: nil,
            fileManager: ScratchOnly(root))
        #expect(found.root == root + "/bin/")
    }

    @Test("the checkout the binary was built from is the last resort, so a development build runs from any folder")
    func checkout() {
        let candidates = ResourceFolder.candidates(configured: nil, workingDirectory: "/", executable: "/usr/local/bin/diogelu")
        #expect(candidates.first == "/Resources")
        #expect(candidates.contains("/usr/local/share/diogelu/Resources"))
        let last = candidates.last ?? ""
        #expect(FileManager.default.fileExists(atPath: last + "/Localisation/cy.json"), "\(last) is not this checkout's Resources")
    }

    @Test("a broken catalogue stops the server with the file's name")
    func brokenCatalogue() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try resources(at: root)
        try Data(#"{"a": 1}"#.utf8).write(to: URL(fileURLWithPath: root + "/Localisation/cy.json"))
        let error = #expect(throws: CatalogueUnreadable.self) { try Catalogue.load(from: root) }
        #expect(error?.path == root + "/Localisation/cy.json")
        #expect(error?.description.contains("cy.json") == true)
    }
}
