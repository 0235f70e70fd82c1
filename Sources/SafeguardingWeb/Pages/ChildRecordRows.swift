import Foundation
import Safeguarding

/// The lists on a child's record: who the child is, the chronology and the latest
/// accesses, the last two growing with every referral and every reading. As with
/// `HubQueueRows`, Leaf spent more on their rows than on the rest of the page, so they
/// are written here, every value escaped by `HTMLText`, every word from the catalogue;
/// `child.leaf` holds the rest.
enum ChildRecordRows {
    static func chronology(
        _ lines: [ChildRecordContext.ChronologyLine], language: Language, catalogue: Catalogue
    ) -> String {
        CatalogueTexts.rows(lines, language: language, catalogue: catalogue, about: 220) { line, texts, html in
            html += "<li><span class=\"chronology__when\">\(HTMLText.escape(line.when))"
            if !line.agencyName.isEmpty { html += " – \(HTMLText.escape(line.agencyName))" }
            html += "</span>\n    <p>"
            let title = HTMLText.escape(catalogue.text(
                line.titleKey, language, line.argumentKey.map { [catalogue.text($0, language)] } ?? []))
            html += "<strong>\(title)</strong>"
            if !line.reference.isEmpty {
                let reference = HTMLText.escape(line.reference)
                html += line.href.isEmpty ? " (\(reference))" : " (<a href=\"\(HTMLText.escape(line.href))\">\(reference)</a>)"
            }
            html += "</p>\n"
            if !line.detail.isEmpty { html += "    <p class=\"chronology__detail\">\(HTMLText.escape(line.detail))</p>\n" }
            html += "</li>\n"
        }
    }

    /// Who the child is: each row a label and a value, the value either as recorded or,
    /// for a term such as the child's sex, in the reader's language.
    static func identity(_ rows: [ChildRecordContext.Row], language: Language, catalogue: Catalogue) -> String {
        CatalogueTexts.rows(rows, language: language, catalogue: catalogue, about: 120) { row, texts, html in
            html += "<div class=\"summary-list__row\">\n    <dt>\(texts[row.labelKey])</dt>\n    <dd>"
            html += row.valueKey.map { texts[$0] } ?? HTMLText.escape(row.value)
            html += "</dd>\n  </div>\n"
        }
    }

    static func audit(_ rows: [ChildRecordContext.AuditRow], language: Language, catalogue: Catalogue) -> String {
        CatalogueTexts.rows(rows, language: language, catalogue: catalogue, about: 200) { row, texts, html in
            html += "<tr><td>\(HTMLText.escape(row.when))</td><td>\(HTMLText.escape(row.who))</td>"
            html += "<td>\(HTMLText.escape(row.agencyName))</td><td>\(texts[row.actionKey])</td>"
            html += "<td>\(HTMLText.escape(row.reason))</td></tr>\n"
        }
    }
}

/// Catalogue texts escaped for HTML, each looked up once however many rows repeat it.
struct CatalogueTexts {
    let catalogue: Catalogue
    let language: Language
    private var escaped: [String: String] = [:]

    init(catalogue: Catalogue, language: Language) {
        self.catalogue = catalogue
        self.language = language
    }

    subscript(key: String) -> String {
        mutating get {
            if let text = escaped[key] { return text }
            let text = HTMLText.escape(catalogue.text(key, language))
            escaped[key] = text
            return text
        }
    }
}

extension CatalogueTexts {
    /// HTML for a list of rows, each written by `write` with the reader's catalogue texts
    /// at hand; `about` is a row's usual length, to size the text once.
    static func rows<Row>(
        _ rows: [Row], language: Language, catalogue: Catalogue, about: Int,
        _ write: (Row, inout CatalogueTexts, inout String) -> Void
    ) -> String {
        var texts = CatalogueTexts(catalogue: catalogue, language: language)
        var html = ""
        html.reserveCapacity(rows.count * about)
        for row in rows { write(row, &texts, &html) }
        return html
    }
}
