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
            // A catalogue that cannot be read stops the server with the file's name, not a decoder's dump.
            guard let data = try? Data(contentsOf: url), let read = try? JSONDecoder().decode([String: String].self, from: data)
            else { throw CatalogueUnreadable(path: url.path) }
            texts[language] = read
        }
        return Catalogue(texts: texts)
    }

    /// The text for `key` in `language`, with `{0}`, `{1}` … replaced by the arguments.
    public func text(_ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        let text = texts[language]?[key] ?? key
        guard !arguments.isEmpty else { return text }
        return Self.fill(text, with: arguments)
    }

    /// A count and its noun: `key.one` for 1 and `key.two` for 2 where the catalogue has
    /// them, else `key`. English says "1 hour", and Welsh mutates after dau ("2 ddiwrnod",
    /// "2 funud"; welsh.md R6), which a sentence around "{0} diwrnod" cannot do.
    public func counted(_ key: String, _ count: Int, _ language: Language) -> String {
        let form = count == 1 ? key + ".one" : count == 2 ? key + ".two" : key
        let chosen = texts[language]?[form] != nil ? form : key
        return text(chosen, language, [String(count)])
    }

    /// Puts the arguments into `{0}` … `{9}` in one pass. An argument is never read for
    /// placeholders itself, so a name someone typed with "{1}" in it stays as typed.
    static func fill(_ text: String, with arguments: [String]) -> String {
        let bytes = Array(text.utf8)
        var result = ""
        result.reserveCapacity(bytes.count + arguments.reduce(0) { $0 + $1.utf8.count })
        var index = 0, copiedUpTo = 0
        while index + 2 < bytes.count {
            let digit = Int(bytes[index + 1]) - Int(UInt8(ascii: "0"))
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 2] == UInt8(ascii: "}"), (0..<arguments.count).contains(digit) {
                result += String(decoding: bytes[copiedUpTo..<index], as: UTF8.self)
                result += arguments[digit]
                index += 3
                copiedUpTo = index
            } else {
                index += 1
            }
        }
        result += String(decoding: bytes[copiedUpTo...], as: UTF8.self)
        return result
    }

    public func has(_ key: String, _ language: Language) -> Bool {
        texts[language]?[key] != nil
    }
}

/// A catalogue file missing, unreadable or not a flat JSON object of strings.
public struct CatalogueUnreadable: Error, CustomStringConvertible, Equatable {
    public var path: String

    public var description: String {
        "The catalogue \(path) cannot be read as a JSON object of texts by key: restore it from the release."
    }
}
