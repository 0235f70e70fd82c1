import Foundation

/// The label of every field of every form, read from the templates themselves when the
/// server starts, so that an error in a page's summary can name the field it is about
/// ("Date held: enter this information") with the very words the form shows beside it,
/// and a form added later is covered without anyone keeping a list.
///
/// A control's label is the `#t` key of the `<label for=…>` naming its id; the controls
/// of a `<fieldset>` (radios, checkboxes) share the key of its `<legend>`. Ids written
/// with a prefix from the page (`#(line.formID)-held_at`) are matched as written, since
/// the label names the same text.
struct FormLabels: Sendable {
    /// Template name (as rendered, without `.leaf`) → field name → catalogue key.
    private(set) var byTemplate: [String: [String: String]] = [:]

    init() {}

    /// Reads every `.leaf` file under `directory`.
    init(viewsDirectory directory: String) {
        let root = URL(fileURLWithPath: directory)
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return }
        for case let file as URL in files where file.pathExtension == "leaf" {
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            let name = String(file.path.dropFirst(root.path.count + 1).dropLast(".leaf".count))
            byTemplate[name] = Self.labels(in: text)
        }
    }

    /// The catalogue key labelling `field` on `template`, if the template has one.
    func key(template: String, field: String) -> String? {
        byTemplate[template]?[field]
    }

    /// Field name → label key for one template's text.
    static func labels(in text: String) -> [String: String] {
        var labelOfID: [String: String] = [:]
        for match in text.matches(of: labelPattern) {
            labelOfID[String(match.1)] = String(match.2)
        }
        var result: [String: String] = [:]
        // Controls in a fieldset take its legend: a radio's own label is one answer.
        var legendRanges: [(Range<String.Index>, String)] = []
        for match in text.matches(of: fieldsetPattern) {
            legendRanges.append((match.range, String(match.1)))
        }
        for match in text.matches(of: controlPattern) {
            let tag = match.0
            guard let name = tag.firstMatch(of: nameAttribute).map({ String($0.1) }), result[name] == nil else { continue }
            if let legend = legendRanges.first(where: { $0.0.contains(match.range.lowerBound) }) {
                result[name] = legend.1
            } else if let id = tag.firstMatch(of: idAttribute).map({ String($0.1) }), let key = labelOfID[id] {
                result[name] = key
            }
        }
        return result
    }

    nonisolated(unsafe) private static let labelPattern = /<label[^>]*\bfor="([^"]+)"[^>]*>\s*#t\("([\w.]+)"/
    nonisolated(unsafe) private static let fieldsetPattern = /(?s)<fieldset[^>]*>\s*<legend[^>]*>\s*(?:<[^>]+>\s*)*#t\("([\w.]+)".*?<\/fieldset>/
    nonisolated(unsafe) private static let controlPattern = /<(?:input|select|textarea)\b[^>]*>/
    nonisolated(unsafe) private static let nameAttribute = /\bname="([\w.]+)"/
    nonisolated(unsafe) private static let idAttribute = /\bid="([^"]+)"/
}
