import Foundation

/// The rules every field reader applies, written into the document so that it promises
/// no more than the server accepts: a fuzzer found text with control characters, blank
/// required text and `null` for optional fields treated differently from what the
/// schemas said (issue 14, item 11).
extension OpenAPIDocument {
    /// No control characters except tab, new line and carriage return (`FieldReader.text`).
    static let textPattern = #"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"#
    /// The same, with at least one character that is not white space: blank required text is missing.
    static let nonBlankTextPattern =
        #"^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*[^\s\u0000-\u001F\u007F-\u009F][^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]*$"#

    /// Every free-text string (no format, choice list or pattern of its own) gets the text pattern.
    static func withTextRule(_ schema: Any) -> Any {
        switch schema {
        case var object as [String: Any]:
            for (key, value) in object where key != "enum" { object[key] = withTextRule(value) }
            if isFreeText(object) { object["pattern"] = textPattern }
            return object
        case let array as [Any]:
            return array.map(withTextRule)
        default:
            return schema
        }
    }

    /// A request body's object schemas: required text may not be blank, and an optional
    /// field other than a yes-or-no may be `null`, which the readers take as not sent.
    /// (A `null` yes-or-no is refused: it had been stored as "no".)
    static func asRequestBody(_ schema: Any) -> Any {
        switch schema {
        case var object as [String: Any]:
            if var properties = object["properties"] as? [String: Any] {
                let required = Set(object["required"] as? [String] ?? [])
                for (name, value) in properties {
                    guard var field = asRequestBody(value) as? [String: Any] else { continue }
                    if required.contains(name), isFreeText(field) {
                        field = requiredText(field)
                    } else if !required.contains(name), let type = field["type"] as? String, type != "boolean" {
                        field["type"] = [type, "null"]
                    }
                    properties[name] = field
                }
                object["properties"] = properties
            }
            if let items = object["items"] { object["items"] = asRequestBody(items) }
            // A body that is one of several shapes (a link to a member already recorded, or
            // to a new one) keeps the same rules in each.
            if let variants = object["oneOf"] as? [Any] { object["oneOf"] = variants.map(asRequestBody) }
            return object
        default:
            return schema
        }
    }

    /// Text that must be given: not blank, and so at least one character long.
    static func requiredText(_ field: [String: Any]) -> [String: Any] {
        var field = field
        field["pattern"] = nonBlankTextPattern
        field["minLength"] = max(field["minLength"] as? Int ?? 0, 1)
        return field
    }

    private static func isFreeText(_ schema: [String: Any]) -> Bool {
        let type = schema["type"]
        let isString = type as? String == "string" || (type as? [String])?.contains("string") == true
        return isString && schema["format"] == nil && schema["enum"] == nil && schema["pattern"] == nil
    }
}
