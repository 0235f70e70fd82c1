import Foundation
import Safeguarding

/// The flags as the top of a page shows them: one line each, the most urgent first, in
/// the reader's language. Written here rather than in every template so that no page
/// about a child can forget them.
enum FlagsBanner {
    static func html(_ flags: [ChildFlag], language: Language, catalogue: Catalogue) -> String {
        guard !flags.isEmpty else { return "" }
        var html = "<section class=\"flags\" aria-labelledby=\"flags-heading\">"
        html += "<h2 id=\"flags-heading\" class=\"flags__heading\">\(HTMLText.escape(catalogue.text("flags.heading", language)))</h2><ul>"
        for flag in flags {
            html += "<li class=\"flag flag--\(flag.kind.rawValue)\"><strong>\(HTMLText.escape(text(of: flag, language, catalogue)))</strong>"
            var dates: [String] = []
            if let since = flag.since {
                dates.append(catalogue.text("flags.since", language, [DateWording.date(since, language)]))
            }
            if let until = flag.until {
                let key = flag.kind == .exploitationRisk ? "flags.review_due" : "flags.until"
                dates.append(catalogue.text(key, language, [DateWording.date(until, language)]))
            }
            if !dates.isEmpty { html += " <span class=\"flag__dates\">\(HTMLText.escape(dates.joined(separator: "; ")))</span>" }
            html += "</li>"
        }
        return html + "</ul></section>"
    }

    /// What the flag says: its kind, with the agreed level or the adult a notice names.
    static func text(of flag: ChildFlag, _ language: Language, _ catalogue: Catalogue) -> String {
        switch flag.kind {
        case .exploitationRisk:
            let level = catalogue.text("exploitation.level.\(flag.exploitationLevel?.rawValue ?? "low")", language)
            return catalogue.text("flag.exploitation_risk.level", language, [level])
        case .childAbductionWarningNotice where !flag.adultNamed.isEmpty:
            return catalogue.text("flag.child_abduction_warning_notice.adult", language, [flag.adultNamed])
        default:
            return catalogue.text("flag.\(flag.kind.rawValue)", language)
        }
    }
}
