import Foundation
import Safeguarding

/// Reads a referral form sent as JSON onto the current draft: the fields sent replace
/// those of the draft, the rest stay as they were, so a partner system can fill a draft
/// section by section. Fields the form does not have are refused by their full path
/// (such as child.favourite_colour), and values of the wrong kind, or text with control
/// characters, are named the same way.
enum ReferralFormJSON {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    static func tree<T: Encodable>(_ value: T) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: encoder.encode(value))) ?? .null
    }

    /// A form with every field present, to know which field names exist. Built once:
    /// every referral the API reads is checked against it.
    static let exemplar: JSONValue = {
        let someDay = CalendarDay(year: 2015, month: 1, day: 1)
        return tree(ReferralForm(
            kind: .policeProtectionNotice,
            child: ReferredChild(dateOfBirth: someDay, expectedDateOfDelivery: someDay, sex: .unknown),
            household: [HouseholdMember(name: "", relationship: .other, dateOfBirth: someDay)],
            familyLanguage: .english, familyInformed: true,
            policeNotice: PoliceNoticeDetails(noticeType: .childConcern, domesticAbuseRisk: .standard, incidentAt: Date(), officerRiskGrade: .standard)))
    }()

    /// A new form of each kind, as a tree: a referral made through the API in one call
    /// starts from one, and it is the same every time.
    private static let freshForms: [ReferralKind: JSONValue] = Dictionary(
        uniqueKeysWithValues: ReferralKind.allCases.map { ($0, tree(ReferralForm(kind: $0))) })

    /// Reads the fields sent onto a new form of `kind`.
    static func newForm(_ submitted: JSONValue, kind: ReferralKind) throws -> ReferralForm {
        try apply(submitted, ontoTree: freshForms[kind] ?? tree(ReferralForm(kind: kind)))
    }

    /// What a new object starts from when the draft has none yet at that place.
    static func fresh(at path: [String]) -> JSONValue {
        switch path.last {
        case "police_notice": tree(PoliceNoticeDetails())
        case "household": tree(HouseholdMember(name: "", relationship: .other))
        default: .object([:])
        }
    }

    static func apply(_ submitted: JSONValue, onto draft: ReferralForm) throws -> ReferralForm {
        try apply(submitted, ontoTree: tree(draft))
    }

    private static func apply(_ submitted: JSONValue, ontoTree draft: JSONValue) throws -> ReferralForm {
        var problems: [FieldError] = []
        refusedFields(submitted, allowed: exemplar, path: [], into: &problems)
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let merged = overlay(submitted, onto: draft, path: [])
        do {
            var form = try decoder.decode(ReferralForm.self, from: encoder.encode(merged))
            form.child.writeIdentifiersOut()
            return form
        } catch let error as DecodingError {
            throw ValidationFailure([fieldError(error)])
        }
    }

    private static func refusedFields(_ value: JSONValue, allowed: JSONValue, path: [String], into problems: inout [FieldError]) {
        switch (value, allowed) {
        case (.object(let fields), .object(let known)):
            for (name, field) in fields.sorted(by: { $0.key < $1.key }) {
                guard let allowedField = known[name] else {
                    problems.append(FieldError((path + [name]).joined(separator: "."), .unknownField))
                    continue
                }
                refusedFields(field, allowed: allowedField, path: path + [name], into: &problems)
            }
        case (.array(let items), .array(let known)):
            guard let element = known.first else { return }
            for (index, item) in items.enumerated() {
                refusedFields(item, allowed: element, path: path + [String(index)], into: &problems)
            }
        case (.string(let text), _):
            // The same rule as every other field: a control character in a referral had
            // been stored, and answered back in text the document says cannot hold one.
            if FieldReader.hasControlCharacters(text) {
                problems.append(FieldError(path.joined(separator: "."), .invalid("error.field.control_characters")))
            }
        default:
            return
        }
    }

    private static func overlay(_ value: JSONValue, onto base: JSONValue, path: [String]) -> JSONValue {
        switch (value, base) {
        case (.object(let fields), .object(var merged)):
            for (name, field) in fields {
                merged[name] = overlay(field, onto: merged[name] ?? fresh(at: path + [name]), path: path + [name])
            }
            return .object(merged)
        case (.object, _):
            return overlay(value, onto: fresh(at: path), path: path)
        case (.array(let items), _):
            return .array(items.map { overlay($0, onto: fresh(at: path), path: path) })
        default:
            return value
        }
    }

    /// What a Swift type the decoder wanted is called in a message a person reads.
    private static func valueType(of type: Any.Type) -> ValueType {
        switch type {
        case is String.Type: .string
        case is Int.Type: .integer
        case is Double.Type: .number
        case is Bool.Type: .boolean
        case is [String].Type: .arrayOfStrings
        default:
            String(describing: type).hasPrefix("Array") ? .array : .object
        }
    }

    private static func fieldError(_ error: DecodingError) -> FieldError {
        func name(_ path: [any CodingKey]) -> String {
            path.map { key in key.intValue.map(String.init) ?? snake(key.stringValue) }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let context):
            return FieldError(name(context.codingPath), .wrongType(expected: valueType(of: type)))
        case .valueNotFound(_, let context):
            return FieldError(name(context.codingPath), .missing)
        case .keyNotFound(let key, let context):
            return FieldError(name(context.codingPath + [key]), .missing)
        case .dataCorrupted(let context):
            return FieldError(name(context.codingPath), .invalid("error.field.invalid_value"))
        @unknown default:
            return FieldError("form", .invalid("error.field.invalid_value"))
        }
    }

    private static func snake(_ text: String) -> String {
        text.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
