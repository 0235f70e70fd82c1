import Fluent
import Foundation
import Safeguarding
import Vapor

/// Reads the fields of a form post or a JSON body against what a page or endpoint
/// expects, collecting every problem rather than stopping at the first, and refusing
/// fields it was not asked for. Nothing is written unless ``finish()`` passes.
struct FieldReader {
    private enum Source {
        case form(SubmittedForm)
        case json([String: JSONValue])
    }

    private let source: Source
    private var read: Set<String> = []
    private(set) var errors: [FieldError] = []
    /// Fields that carry no data of the record (the CSRF token, a submit button's name).
    private let ignored: Set<String> = [CSRFMiddleware.fieldName, "action"]

    /// A form's empty field is one left blank; an API query's `until=` is a value that is
    /// not a date, and is refused rather than read as absent.
    private var blankIsAbsent = true
    /// A person at a page may type a date day first; an API call sends the ISO form its
    /// document names, and anything else is refused rather than guessed at.
    private var datesAsTyped = true

    init(form: SubmittedForm) { self.source = .form(form) }

    /// The query of a page or an API call.
    static func query(of request: Request) -> FieldReader {
        var reader = FieldReader(form: SubmittedForm(urlEncoded: request.url.query ?? ""))
        reader.blankIsAbsent = !request.isAPI
        reader.datesAsTyped = !request.isAPI
        return reader
    }
    init(json: [String: JSONValue]) { self.source = .json(json) }

    /// Reads a JSON object body, or fails with a problem saying the body is not one.
    static func json(from request: Request) async throws -> FieldReader {
        let buffer = try await RequestBodyLimit.collect(request)
        guard buffer.readableBytes > 0 else { return FieldReader(json: [:]) }
        // A body is read as JSON only when it says it is JSON.
        guard let type = request.headers.contentType,
            type.type == "application", type.subType == "json" || type.subType.hasSuffix("+json")
        else { throw ProblemError.notJSON }
        do {
            let value = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
            guard case .object(let object) = value else { throw ProblemError.malformedBody }
            if let repeated = DuplicateJSONKey.first(in: buffer.readableBytesView) { throw ProblemError.duplicateField(repeated) }
            return FieldReader(json: object)
        } catch let error as ProblemError {
            throw error
        } catch {
            throw ProblemError.malformedBody
        }
    }

    /// NUL and the other control characters other than new lines and tabs (the document's `textPattern`).
    static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }
    }

    /// A text's length as the API document's `minLength` and `maxLength` count it, in
    /// Unicode code points: counted as characters, "👍🏻" was one long and the server
    /// accepted text the document said was too long.
    static func length(_ text: String) -> Int { text.unicodeScalars.count }

    mutating func note(_ field: String, _ problem: FieldProblem) {
        errors.append(FieldError(field, problem))
    }

    private mutating func raw(_ name: String) -> (present: Bool, text: String?, wrongType: String?) {
        read.insert(name)
        switch source {
        case .form(let form):
            guard let value = form.values[name]?.last else { return (false, nil, nil) }
            return (true, value, nil)
        case .json(let object):
            guard let value = object[name] else { return (false, nil, nil) }
            switch value {
            case .null: return (true, nil, nil)
            case .string(let text): return (true, text, nil)
            default: return (true, nil, value.typeName)
            }
        }
    }

    /// A JSON value taken as it is (a nested document read by its own reader).
    mutating func document(_ name: String) -> JSONValue? {
        read.insert(name)
        guard case .json(let object) = source, let value = object[name], value != .null else { return nil }
        return value
    }

    /// Text, trimmed. Blank counts as absent: "No information available" is an answer, a blank is not.
    mutating func text(_ name: String, required: Bool = true, maxLength: Int = 200) -> String? {
        let value = raw(name)
        if let type = value.wrongType {
            _ = type
            note(name, .wrongType(expected: .string))
            return nil
        }
        let trimmed = value.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if trimmed.isEmpty, value.present, !blankIsAbsent {
            note(name, .invalid("error.field.blank_parameter"))
            return nil
        }
        if trimmed.isEmpty {
            if required { note(name, .missing) }
            return nil
        }
        // NUL and the other control characters are no part of what a person writes, and
        // some systems a record is sent on to cut text at a NUL; new lines and tabs stay.
        if Self.hasControlCharacters(trimmed) {
            note(name, .invalid("error.field.control_characters"))
            return nil
        }
        if Self.length(trimmed) > maxLength {
            note(name, .tooLong(maximum: maxLength))
            return nil
        }
        return trimmed
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type, required: Bool = true) -> T?
    where T.RawValue == String {
        guard let text = text(name, required: required, maxLength: 100) else { return nil }
        guard let value = T(rawValue: text) else {
            note(name, .notOneOf(T.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }

    mutating func identifier(_ name: String, required: Bool = true) -> UUID? {
        guard let text = text(name, required: required, maxLength: 36) else { return nil }
        guard let id = UUID(uuidString: text) else {
            note(name, .notAnIdentifier)
            return nil
        }
        return id
    }

    /// A date in `YYYY-MM-DD` form; a form may also send it day first as typed where a
    /// browser has no date control ("27/03/2026", the form every hint shows), or as three
    /// fields (`name-day`, `name-month`, `name-year`), as public-service forms ask for them.
    mutating func date(_ name: String, required: Bool = true, notAfter latest: CalendarDay? = nil) -> CalendarDay? {
        var text = self.text(name, required: false, maxLength: 10)
        if text == nil, case .form = source {
            let d = self.text("\(name)-day", required: false, maxLength: 2)
            let m = self.text("\(name)-month", required: false, maxLength: 2)
            let y = self.text("\(name)-year", required: false, maxLength: 4)
            if d != nil || m != nil || y != nil {
                guard let d, let m, let y, let day = Int(d), let month = Int(m), let year = Int(y) else {
                    note(name, .notADate)
                    return nil
                }
                text = String(format: "%04d-%02d-%02d", year, month, day)
            }
        }
        guard let text else {
            if required, !errors.contains(where: { $0.field == name }) { note(name, .missing) }
            return nil
        }
        let typed: CalendarDay? = if case .form = source, datesAsTyped { CalendarDay(typed: text) } else { CalendarDay(iso8601: text) }
        guard let date = typed else {
            note(name, .notADate)
            return nil
        }
        if let latest, date > latest {
            note(name, .dateInFuture)
            return nil
        }
        return date
    }

    /// A whole number within `range`: a JSON number, or the digits of a form field.
    mutating func integer(_ name: String, required: Bool = true, in range: ClosedRange<Int>) -> Int? {
        read.insert(name)
        let value: Int?
        switch source {
        case .form(let form):
            let text = form.values[name]?.last?.trimmingCharacters(in: .whitespaces) ?? ""
            if text.isEmpty, form.values[name] != nil, !blankIsAbsent {
                note(name, .invalid("error.field.blank_parameter"))
                return nil
            }
            if text.isEmpty {
                if required { note(name, .missing) }
                return nil
            }
            value = Int(text)
        case .json(let object):
            switch object[name] {
            case nil, .null?:
                if required { note(name, .missing) }
                return nil
            case .number(let number)?:
                value = number.rounded() == number && abs(number) < 1e15 ? Int(number) : nil
            default:
                note(name, .wrongType(expected: .integer))
                return nil
            }
        }
        guard let value, range.contains(value) else {
            note(name, .invalid("error.field.out_of_range"))
            return nil
        }
        return value
    }

    mutating func flag(_ name: String) -> Bool? {
        read.insert(name)
        switch source {
        case .form(let form):
            guard let value = form.values[name]?.last else { return nil }
            switch value.lowercased() {
            case "true", "on", "yes", "1": return true
            case "false", "off", "no", "0", "": return false
            default:
                note(name, .wrongType(expected: .boolean))
                return nil
            }
        case .json(let object):
            // null is not a yes or a no: taken as absent, it had been stored as false
            // (a health board was taken out of the hub that way).
            switch object[name] {
            case nil: return nil
            case .bool(let value)?: return value
            default:
                note(name, .wrongType(expected: .boolean))
                return nil
            }
        }
    }

    /// Several choices: repeated form fields (checkboxes) or a JSON array of strings.
    mutating func choices<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type, required: Bool = true)
        -> [T]?
    where T.RawValue == String {
        read.insert(name)
        let texts: [String]?
        switch source {
        case .form(let form):
            texts = form.values[name]?.filter { !$0.isEmpty }
        case .json(let object):
            switch object[name] {
            case nil, .null?: texts = nil
            case .array(let items)?:
                var strings: [String] = []
                for item in items {
                    guard case .string(let s) = item else {
                        note(name, .wrongType(expected: .arrayOfStrings))
                        return nil
                    }
                    strings.append(s)
                }
                texts = strings
            default:
                note(name, .wrongType(expected: .arrayOfStrings))
                return nil
            }
        }
        guard let texts, !texts.isEmpty else {
            if required { note(name, .missing) }
            return required ? nil : []
        }
        var values: [T] = []
        for text in texts {
            guard let value = T(rawValue: text) else {
                note(name, .notOneOf(T.allCases.map(\.rawValue)))
                return nil
            }
            values.append(value)
        }
        return values
    }

    /// Several record identifiers: repeated form fields (checkboxes) or a JSON array of strings.
    mutating func identifiers(_ name: String, required: Bool = true) -> [UUID]? {
        read.insert(name)
        var texts: [String] = []
        switch source {
        case .form(let form):
            texts = form.values[name]?.filter { !$0.isEmpty } ?? []
        case .json(let object):
            switch object[name] {
            case nil, .null?: break
            case .array(let items)?:
                for item in items {
                    guard case .string(let text) = item else {
                        note(name, .wrongType(expected: .arrayOfStrings))
                        return nil
                    }
                    texts.append(text)
                }
            default:
                note(name, .wrongType(expected: .arrayOfStrings))
                return nil
            }
        }
        guard !texts.isEmpty else {
            if required { note(name, .missing) }
            return required ? nil : []
        }
        let ids = texts.compactMap { UUID(uuidString: $0) }
        guard ids.count == texts.count else {
            note(name, .notAnIdentifier)
            return nil
        }
        return ids
    }

    /// A moment in time: a browser's date-and-time field ("2026-11-23T10:30", read as
    /// time in Wales) or, in JSON, ISO 8601 with its offset.
    mutating func moment(_ name: String, required: Bool = true, calendar: WorkingCalendar) -> Date? {
        let value = raw(name)
        if let wrongType = value.wrongType {
            note(name, .wrongType(expected: .string))
            _ = wrongType
            return nil
        }
        guard let text = value.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            if required { note(name, .missing) }
            return nil
        }
        if let instant = ISO8601DateFormatter().date(from: text) ?? Self.fractionalSeconds.date(from: text) { return instant }
        let parts = text.split(separator: "T", maxSplits: 1).map(String.init)
        let clock = parts.count == 2 ? parts[1].split(separator: ":").compactMap { Int($0) } : []
        guard parts.count == 2, let day = CalendarDay(iso8601: parts[0]), clock.count >= 2,
            let time = TimeOfDay(hour: clock[0], minute: clock[1])
        else {
            note(name, .notADate)
            return nil
        }
        return calendar.date(on: day, at: time)
    }

    /// RFC 3339 allows a fraction of a second, which a partner's clock may well send.
    nonisolated(unsafe) private static let fractionalSeconds: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    /// Fails with every problem found, including fields that were sent but not asked for.
    func finish() throws {
        let sent: Set<String>
        switch source {
        case .form(let form): sent = Set(form.values.keys)
        case .json(let object): sent = Set(object.keys)
        }
        let unknown = sent.subtracting(read).subtracting(ignored).filter { name in
            // The three parts of a date field are read under the date's own name.
            !["-day", "-month", "-year"].contains { name.hasSuffix($0) && read.contains(String(name.dropLast($0.count))) }
        }
        let all = errors + unknown.sorted().map { FieldError($0, .unknownField) }
        if !all.isEmpty { throw ValidationFailure(all) }
    }
}
