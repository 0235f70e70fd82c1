import Foundation
@testable import SafeguardingWeb
import Testing

/// Finds words typed straight into a template instead of coming from the catalogues.
enum TemplateLiterals {
    /// Attributes whose values people read or hear (screen readers read aria-label and title).
    static let spokenAttributes = ["alt", "title", "placeholder", "aria-label"]

    /// The user-facing words left in `template` once every Leaf tag is taken out.
    static func find(in template: String) -> [String] {
        let withoutTags = removingLeafTags(template)
            .replacing(/<!--[\s\S]*?-->/, with: "")
        var found: [String] = []
        // Text between HTML tags.
        let text = withoutTags.replacing(/<[^>]*>/, with: "\n")
        for line in text.split(separator: "\n") {
            let cleaned = line.replacing(/&[a-zA-Z#0-9]+;/, with: "").trimmingCharacters(in: .whitespaces)
            if cleaned.contains(where: \.isLetter) { found.append(cleaned) }
        }
        // Spoken attribute values inside tags.
        for tag in withoutTags.matches(of: /<[^>]*>/) {
            for attribute in spokenAttributes {
                for match in String(tag.output).matches(of: try! Regex("\\s\(attribute)=\"([^\"]*)\"")) {
                    if let value = match.output[1].substring, value.contains(where: \.isLetter) {
                        found.append("\(attribute)=\"\(value)\"")
                    }
                }
            }
        }
        return found
    }

    /// Removes `#name(...)`, `#name:` and `#name` with their arguments (strings and nested
    /// parentheses included), and escaped `\#`.
    static func removingLeafTags(_ template: String) -> String {
        var output = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "\\", template.index(after: index) < template.endIndex,
                template[template.index(after: index)] == "#"
            {
                index = template.index(index, offsetBy: 2)
                continue
            }
            guard character == "#" else {
                output.append(character)
                index = template.index(after: index)
                continue
            }
            var cursor = template.index(after: index)
            while cursor < template.endIndex, template[cursor].isLetter || template[cursor].isNumber { cursor = template.index(after: cursor) }
            if cursor < template.endIndex, template[cursor] == "(" {
                var depth = 0
                var inString = false
                while cursor < template.endIndex {
                    let c = template[cursor]
                    if c == "\"" { inString.toggle() }
                    if !inString {
                        if c == "(" { depth += 1 }
                        if c == ")" { depth -= 1; if depth == 0 { cursor = template.index(after: cursor); break } }
                    }
                    cursor = template.index(after: cursor)
                }
            }
            if cursor < template.endIndex, template[cursor] == ":" { cursor = template.index(after: cursor) }
            index = cursor
        }
        return output
    }
}

@Suite("Templates hold no literal user-facing text")
struct TemplateLiteralTests {
    @Test("no template has words that are not from the catalogues")
    func templatesAreLiteralFree() throws {
        let files = try SourceFiles.list(under: packageRoot + "/Resources/Views", ending: ".leaf")
        #expect(files.count >= 12)
        for file in files {
            let found = TemplateLiterals.find(in: try String(contentsOfFile: file, encoding: .utf8))
            #expect(found.isEmpty, "\(file): \(found)")
        }
    }

    @Test("the check itself catches words in text and in spoken attributes, and ignores tags")
    func detectorCatchesLiterals() {
        #expect(TemplateLiterals.find(in: #"<p>#t("home.title")</p>"#).isEmpty)
        #expect(TemplateLiterals.find(in: ##"<a href="\#main" class="x">#(page.name)</a>#if(a):#else:#endif"##).isEmpty)
        #expect(TemplateLiterals.find(in: "<p>Save changes</p>") == ["Save changes"])
        #expect(TemplateLiterals.find(in: #"<img src="x.png" alt="Crest of Newport">"#) == [#"alt="Crest of Newport""#])
        #expect(TemplateLiterals.find(in: #"<p>#t("a") and more</p>"#) == ["and more"])
    }
}
