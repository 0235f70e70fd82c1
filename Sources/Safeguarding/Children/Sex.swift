/// Sex as agencies record it. `unknown` is an answer (an unborn child, a record
/// that does not say), distinct from a field left blank.
public enum Sex: String, Sendable, Codable, CaseIterable, Hashable {
    case female
    case male
    case indeterminate
    case unknown
}
