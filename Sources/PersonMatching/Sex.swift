import Foundation

/// Recorded sex, kept coarse because sources code it differently and a
/// disagreement is only weak evidence (recording errors are common).
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case female
    case male

    /// Reads the codes partner systems commonly use ("F", "female", "M", "2", ...).
    /// Unknown or "not stated" codes give `nil` so they count as missing, not as a conflict.
    public init?(code: String) {
        switch code.trimmingCharacters(in: .whitespaces).lowercased() {
        case "f", "female", "girl", "2", "benyw": self = .female
        case "m", "male", "boy", "1", "gwryw": self = .male
        default: return nil
        }
    }
}
