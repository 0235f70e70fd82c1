import Foundation
import Leaf
import LeafKit
import Safeguarding

/// `#namedError(layout.template, error.name, error.message)`: a message of the error
/// summary led by the label of its field as the form shows it, in the reader's language
/// ("Date held: enter this information"), or the message alone when the form has no
/// label for the field. Beside the field the message stands alone: its label is above it.
struct NamedErrorTag: LeafTag {
    let catalogue: Catalogue
    let labels: FormLabels

    func render(_ ctx: LeafContext) throws -> LeafData {
        guard ctx.parameters.count == 3, let template = ctx.parameters[0].string, let field = ctx.parameters[1].string,
            let message = ctx.parameters[2].string
        else { throw LeafError(.unknownError("#namedError needs the template, the field's name and the message")) }
        let language = ctx.request?.language ?? .english
        guard let key = labels.key(template: template, field: field) ?? Self.referralLabel(field, catalogue) else {
            return .string(message)
        }
        return .string(catalogue.text("error.named", language, [catalogue.text(key, language), message]))
    }

    /// The referral form's questions are drawn by one generic template, so their labels
    /// come from the form's own naming (`referral.field.household.name`).
    static func referralLabel(_ field: String, _ catalogue: Catalogue) -> String? {
        let key = "referral.field." + FormField.labelName(field)
        return catalogue.has(key, .english) ? key : nil
    }
}

/// `#fieldError(formID, "held_at")` or `#fieldError("username")`: the messages for one
/// field, written beside it, read from the page's `errors` (each keyed by the id of the
/// element it links to). Nothing when the field is right. The message carries the id the
/// control's `aria-describedby` can name.
struct FieldErrorTag: UnsafeUnescapedLeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        let parts = ctx.parameters.compactMap(\.string).filter { !$0.isEmpty }
        guard !parts.isEmpty else {
            throw LeafError(.unknownError("#fieldError needs the field's id"))
        }
        let anchor = Self.anchor(parts)
        guard let errors = ctx.data["page"]?.dictionary?["errors"]?.array, !errors.isEmpty else { return .string("") }
        let messages = errors.compactMap { error -> String? in
            guard let fields = error.dictionary, fields["field"]?.string == anchor else { return nil }
            return fields["message"]?.string
        }
        return .string(Self.html(anchor: anchor, messages: messages))
    }

    /// The id of the field the parts name: the form's, then the field's, joined.
    static func anchor(_ parts: [String]) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "-")
    }

    /// The messages about one field, beside it (`anchor` its id), or nothing: the tag's
    /// markup, and that of sections written in Swift.
    static func html(anchor: String, messages: [String]) -> String {
        guard !messages.isEmpty else { return "" }
        let text = messages.map(HTMLText.escape).joined(separator: "<br>")
        return "<p class=\"error-message\" id=\"\(HTMLText.escape(anchor))-error\">\(text)</p>"
    }
}
