/// What is wrong with one field of a form or an API request. The web layer turns
/// each case into a sentence in the reader's language, saying how to put it right.
public enum FieldProblem: Sendable, Hashable, Codable {
    case missing
    /// A field the form or request does not have: refused rather than silently dropped,
    /// so a misspelt field name never loses what someone wrote.
    case unknownField
    case wrongType(expected: ValueType)
    case tooLong(maximum: Int)
    case tooShort(minimum: Int)
    case notADate
    case dateInFuture
    case notAnIdentifier
    case notOneOf([String])
    case invalid(String)

    /// The catalogue key of the message for this problem.
    public var messageKey: String {
        switch self {
        case .missing: "error.field.missing"
        case .unknownField: "error.field.unknown"
        case .wrongType: "error.field.wrong_type"
        case .tooLong: "error.field.too_long"
        case .tooShort: "error.field.too_short"
        case .notADate: "error.field.not_a_date"
        case .dateInFuture: "error.field.date_in_future"
        case .notAnIdentifier: "error.field.not_an_identifier"
        case .notOneOf: "error.field.not_one_of"
        case .invalid(let key): key
        }
    }

    /// A value to put into the message ("no longer than 200 characters").
    public var messageArgument: String? {
        switch self {
        case .tooLong(let n): String(n)
        case .tooShort(let n): String(n)
        case .notOneOf(let options): options.joined(separator: ", ")
        default: nil
        }
    }

    /// The catalogue key of a word to put into the message where the word itself
    /// must be in the reader's language ("expected: whole number", "disgwylir: cyfanrif").
    public var messageArgumentKey: String? {
        switch self {
        case .wrongType(let type): "error.field.type.\(type.rawValue)"
        default: nil
        }
    }
}

/// The kind of value a field takes, named in a "wrong type" message.
public enum ValueType: String, Sendable, Hashable, Codable, CaseIterable {
    case array, object, string, integer, number, boolean
    case arrayOfStrings = "array_of_strings"
}

/// One field and what is wrong with it.
public struct FieldError: Sendable, Hashable, Codable {
    public var field: String
    public var problem: FieldProblem

    public init(_ field: String, _ problem: FieldProblem) {
        self.field = field
        self.problem = problem
    }
}

/// A request or form that cannot be accepted, with every field that is wrong, so that
/// a person can correct them all at once rather than one per attempt.
public struct ValidationFailure: Error, Sendable, Hashable {
    public var errors: [FieldError]

    public init(_ errors: [FieldError]) {
        self.errors = errors
    }

    public func problem(for field: String) -> FieldProblem? {
        errors.first { $0.field == field }?.problem
    }
}
