import Foundation

/// Where Diogelu's views, styles and catalogues are: the `Resources` folder.
///
/// The binary is started from the checkout in development, from anywhere once installed,
/// and from any folder by a new user trying it: the folder is found wherever it sensibly
/// is, and when it is nowhere the server says so in one sentence, not with a file
/// system error about `en.json`.
public struct ResourceFolder: Sendable, Equatable {
    /// The folder holding `Resources/`, with a trailing slash: Vapor's working directory.
    public var root: String

    public var resources: String { root + "Resources/" }

    /// What a folder must hold to be Diogelu's resources.
    static let markers = ["Localisation/en.json", "Localisation/cy.json", "Views", "Public"]

    /// The places looked in, in order: the folder `DIOGELU_RESOURCES` names (and then
    /// nowhere else, so a mistyped setting is not papered over), the working directory's
    /// `Resources`, a `Resources` copied beside the executable or in `../share/diogelu`,
    /// and last the checkout the binary was built from.
    public static func candidates(configured: String?, workingDirectory: String, executable: String?) -> [String] {
        if let configured, !configured.isEmpty { return [standardised(configured)] }
        var folders = [standardised(workingDirectory + "/Resources")]
        if let executable {
            let beside = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
            folders.append(standardised(beside.appendingPathComponent("Resources").path))
            folders.append(standardised(beside.appendingPathComponent("../share/diogelu/Resources").path))
        }
        // This file is Sources/SafeguardingWeb/Configuration/ResourceFolder.swift in the checkout.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        folders.append(standardised(checkout.appendingPathComponent("Resources").path))
        var seen: Set<String> = []
        return folders.filter { seen.insert($0).inserted }
    }

    /// The first candidate that holds the catalogues, the views and the styles.
    public static func locate(
        configured: String?, workingDirectory: String, executable: String?, fileManager: FileManager = .default
    ) throws(ResourcesNotFound) -> ResourceFolder {
        let folders = candidates(configured: configured, workingDirectory: workingDirectory, executable: executable)
        for folder in folders where markers.allSatisfy({ fileManager.fileExists(atPath: folder + "/" + $0) }) {
            return ResourceFolder(root: URL(fileURLWithPath: folder).deletingLastPathComponent().path + "/")
        }
        throw ResourcesNotFound(lookedIn: folders, configured: configured.map { !$0.isEmpty } ?? false)
    }

    /// The folder as this process runs: its working directory and its own executable.
    public static func locate(configured: String?) throws(ResourcesNotFound) -> ResourceFolder {
        try locate(
            configured: configured, workingDirectory: FileManager.default.currentDirectoryPath,
            executable: Bundle.main.executablePath ?? CommandLine.arguments.first)
    }

    private static func standardised(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

/// No folder holds Diogelu's resources: the sentence the server stops with.
public struct ResourcesNotFound: Error, CustomStringConvertible, Equatable {
    public var lookedIn: [String]
    public var configured: Bool

    public var description: String {
        configured
            ? "DIOGELU_RESOURCES names \(lookedIn.joined()), which does not hold Diogelu's views, styles and catalogues "
                + "(Views, Public, Localisation/en.json and cy.json): point it at the Resources folder of the release."
            : "Diogelu cannot find its Resources folder (its views, styles and English and Welsh catalogues) in "
                + lookedIn.joined(separator: ", ")
                + ": copy the Resources folder beside the diogelu binary, or set DIOGELU_RESOURCES to where it is."
    }
}
