/// A day of the week, numbered Monday = 1 to Sunday = 7 as in ISO 8601.
///
/// Foundation numbers Sunday as 1; the ISO numbering is used here because the
/// working week, and every substitute-day rule, starts on a Monday.
public enum Weekday: Int, Sendable, Hashable, Codable, CaseIterable {
    case monday = 1
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday
}
