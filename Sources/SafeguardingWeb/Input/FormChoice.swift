import Foundation

/// One option of a radio group, a list of boxes to tick or a select, as a template draws
/// it: its value, its label's catalogue key, and whether the form being shown again had it.
struct FormChoice: Encodable, Sendable {
    var value: String
    var labelKey: String
    var checked: Bool

    /// Every case of a choice, labelled `<prefix>.<raw value>`, ticked where `chosen` has it.
    static func all<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ prefix: String, chosen: Set<String>) -> [FormChoice]
    where T.RawValue == String {
        T.allCases.map { FormChoice(value: $0.rawValue, labelKey: "\(prefix).\($0.rawValue)", checked: chosen.contains($0.rawValue)) }
    }
}

extension Optional where Wrapped == SubmittedForm {
    /// What a refused form had in each field (the first value of each), so nothing typed
    /// is lost when the page is shown again; the form's token is not a value to show.
    var firstValues: [String: String] {
        var values: [String: String] = [:]
        for (name, texts) in self?.values ?? [:] where name != "_csrf" { values[name] = texts.first ?? "" }
        return values
    }

    func chosen(_ name: String) -> Set<String> { Set(self?.values(name) ?? []) }
}
