/// The local office hours of a hub on a working day, 09:00–17:00 unless configured.
///
/// Working-day deadlines only run while the office is open: a referral that
/// arrives after close of business is treated as arriving when the office next
/// opens. Hubs with extended hours configure their own times here.
public struct WorkingHours: Sendable, Hashable, Codable {
    public let start: TimeOfDay
    public let end: TimeOfDay

    /// Returns `nil` unless `start` is earlier than `end`; overnight shifts are
    /// covered by the emergency duty team, not by working-day timescales.
    public init?(start: TimeOfDay, end: TimeOfDay) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    private init(checkedStart start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    public static let standard = WorkingHours(checkedStart: .nineAM, end: .fivePM)

    /// Whether a local clock time falls within office hours, counting the opening
    /// minute but not the closing minute.
    public func contains(_ time: TimeOfDay) -> Bool {
        start <= time && time < end
    }
}
