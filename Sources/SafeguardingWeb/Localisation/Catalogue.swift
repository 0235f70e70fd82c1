import Foundation
import Safeguarding

/// The English and Welsh texts of every user-facing string, by key.
///
/// Catalogues are flat JSON files in `Resources/Localisation`, one per language, so a
/// translator can work on them without touching code. A key missing from either is a
/// bug that a test catches; at run time a missing key shows the key itself rather
/// than silently falling back to the other language.
public struct Catalogue: Sendable {
    public let texts: [Language: [String: String]]

    public init(texts: [Language: [String: String]]) {
        self.texts = texts
    }

    public static func load(from directory: String) throws -> Catalogue {
        var texts: [Language: [String: String]] = [:]
        for language in Language.allCases {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("Localisation/\(language.rawValue).json")
            let data = try Data(contentsOf: url)
            texts[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return Catalogue(texts: texts)
    }

    /// The text for `key` in `language`, with `{0}`, `{1}` … replaced by the arguments.
    public func text(_ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        var text = texts[language]?[key] ?? key
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: argument)
        }
        return text
    }

    public func has(_ key: String, _ language: Language) -> Bool {
        texts[language]?[key] != nil
    }
}
