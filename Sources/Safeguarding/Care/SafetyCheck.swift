import Foundation

/// A check that temporary accommodation is safe for a child: who checked, when, and
/// what they found.
public struct SafetyCheck: Sendable, Hashable, Codable, Identifiable {
    public enum Result: String, Sendable, Hashable, Codable, CaseIterable {
        case safe
        case unsafe
    }

    public var id: UUID
    public var placeID: UUID
    public var checkedOn: CalendarDay
    public var checkedByUserID: UUID
    public var checkedByName: String
    public var result: Result
    public var note: String

    public init(id: UUID = UUID(), placeID: UUID, checkedOn: CalendarDay, checkedByUserID: UUID, checkedByName: String,
        result: Result, note: String = "") {
        self.id = id
        self.placeID = placeID
        self.checkedOn = checkedOn
        self.checkedByUserID = checkedByUserID
        self.checkedByName = checkedByName
        self.result = result
        self.note = note
    }
}

public enum PlacementRules {
    /// How long a safety check of a place stands: one from last year says little about
    /// who stays at a B&B this week.
    public static let safetyCheckStandsDays = 90

    /// Whether a placement in temporary accommodation lacks a safety check that found the
    /// place safe, made on or before `day` and no older than `safetyCheckStandsDays`.
    /// Such a placement raises a flag and puts a check due the day the child moves in.
    public static func lacksSafetyCheck(_ placement: Placement, checks: [SafetyCheck], on day: CalendarDay) -> Bool {
        guard placement.type == .temporaryAccommodation, placement.isCurrent(on: day) else { return false }
        let made = checks.filter { $0.placeID == placement.placeID && $0.checkedOn <= day }
        guard let latest = made.map(\.checkedOn).max() else { return true }
        // Two checks on the same day that disagree: the one that found it unsafe stands.
        if made.contains(where: { $0.checkedOn == latest && $0.result == .unsafe }) { return true }
        return latest.days(to: day) > safetyCheckStandsDays
    }
}
