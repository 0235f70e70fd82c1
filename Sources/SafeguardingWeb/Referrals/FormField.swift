/// One question on a page of a long form, ready for the generic section template:
/// what kind of input it is, its label and hint keys, what was entered, and its error.
struct FormField: Encodable, Sendable {
    enum Kind: String, Encodable, Sendable {
        case text, textarea, date, dateTime, radios, checkboxes, select, flag
    }
    typealias Option = ChoiceOption

    var kind: Kind
    var name: String
    var labelKey: String
    var hintKey: String?
    var value: String
    var options: [Option]
    var error: String?
    /// Questions on the same row of a repeated group (a household member) share a group.
    var group: String?
    /// The first and last questions of a repeated group, so the page can frame the group.
    var opensGroup = false
    var closesGroup = false

    init(_ kind: Kind, _ name: String, value: String = "", hint: Bool = false, options: [Option] = [], group: String? = nil) {
        self.kind = kind
        self.name = name
        self.labelKey = "referral.field." + FormField.labelName(name)
        // A date or time with no hint of its own still shows the one example every
        // date on every page gives, so the control and its hint never disagree.
        self.hintKey = hint ? "referral.hint." + FormField.labelName(name)
            : kind == .date ? "hint.date" : kind == .dateTime ? "hint.date_time" : nil
        self.value = value
        self.options = options
        self.group = group
    }

    /// Repeated rows share labels: `household.2.name` is labelled as `household.name`.
    static func labelName(_ name: String) -> String {
        name.split(separator: ".").filter { Int($0) == nil }.joined(separator: ".")
    }

    static func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, prefix: String, selected: Set<String>) -> [Option]
    where T.RawValue == String {
        T.allCases.map { Option(value: $0.rawValue, labelKey: "\(prefix).\($0.rawValue)", isSelected: selected.contains($0.rawValue)) }
    }
}

/// One choice in a radio group, a list of checkboxes or a select, as every page offers them.
struct ChoiceOption: Encodable, Sendable {
    var value: String
    var labelKey: String
    var isSelected: Bool

    init(value: String, labelKey: String, isSelected: Bool = false) {
        self.value = value
        self.labelKey = labelKey
        self.isSelected = isSelected
    }
}
