import Foundation
import Safeguarding

/// The hub queue's rows as HTML. The queue is the page the hub reloads all day, fifty
/// rows at a time; rendered by Leaf, its rows cost more than everything else on the page
/// together (a key-path lookup, an escape and, for each condition, a type check per
/// value), so they are written here, every value escaped by `HTMLText`, every word from
/// the catalogue. The table around them stays in `hub-queue.leaf`.
enum HubQueueRows {
    static func html(_ lines: [HubQueueContext.Line], language: Language, catalogue: Catalogue) -> String {
        func t(_ key: String, _ arguments: [String] = []) -> String {
            HTMLText.escape(catalogue.text(key, language, arguments))
        }
        var texts = CatalogueTexts(catalogue: catalogue, language: language)
        let overdue = texts["deadline.status.overdue"], dueToday = texts["deadline.status.dueToday"]
        let awaitingSignOff = texts["referral.status.awaiting_sign_off"]
        var html = ""
        html.reserveCapacity(lines.count * 700)
        for line in lines {
            let kind = texts[line.kindKey]
            html += "<tr>\n<td>"
            if line.isOverdue {
                html += "<strong class=\"tag tag--restricted\">\(overdue)</strong> "
            } else if line.statusKey == "deadline.status.dueToday" {
                html += "<strong class=\"tag tag--warning\">\(dueToday)</strong> "
            }
            html += HTMLText.escape(line.deadline)
            if line.awaitingSignOff { html += "<br><span class=\"tag\">\(awaitingSignOff)</span>" }
            html += "</td>\n<td><a href=\"\(HTMLText.escape(line.href))\">\(HTMLText.escape(line.childName))</a>"
            html += "<br><span class=\"hint\">\(HTMLText.escape(line.dateOfBirth))</span></td>\n"
            html += "<td>"
            switch line.priority {
            case .high: html += "<strong class=\"tag tag--restricted\">\(texts[line.priority.key])</strong>"
            case .raised: html += "<strong class=\"tag tag--warning\">\(texts[line.priority.key])</strong>"
            case .routine: html += texts[line.priority.key]
            }
            if let type = line.concernTypeKey { html += "<br><span class=\"hint\">\(texts[type])</span>" }
            html += "</td>\n"
            html += "<td>\(HTMLText.escape(line.reference))<br><span class=\"hint\">\(kind)</span>"
            if line.linkedNotices > 0 { html += "<br><span class=\"tag\">\(HTMLText.escape(catalogue.counted("hub.linked_notices", line.linkedNotices, language)))</span>" }
            html += "</td>\n<td>\(HTMLText.escape(line.agencyName))<br><span class=\"hint\">\(HTMLText.escape(line.received))</span></td>\n"
            html += "<td>\(line.qualityScore)</td>\n</tr>\n"
        }
        return html
    }
}
