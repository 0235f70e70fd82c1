import Foundation

/// Whether the profile the police need is ready for a child in care (F18 with the care
/// record). The Philomena protocol asks those who look after a child to keep it before
/// the child goes missing, not to write it while the police wait; and a new placement
/// changes who the child goes to and where, so a profile older than the placement is
/// to be checked again.
public enum MissingProfileReadiness: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not looked after on the day: a profile may be kept, but none is owed.
    case notNeeded = "not_needed"
    case ready
    /// Looked after, and no profile is kept (or one with nothing in it).
    case missing
    /// Kept, but last updated before the current placement began.
    case needsReview = "needs_review"

    /// Whether someone who looks after the child has something to do.
    public var isOwed: Bool { self == .missing || self == .needsReview }

    /// Readiness on `day`, from the child's periods in care and placements and the day the
    /// profile was last updated.
    public static func of(
        _ profile: MissingProfile?, updatedOn: CalendarDay?, periods: [LookedAfterPeriod], placements: [Placement],
        on day: CalendarDay
    ) -> MissingProfileReadiness {
        guard let period = periods.first(where: { $0.isCurrent(on: day) }) else { return .notNeeded }
        guard let profile, !profile.isEmpty, let updatedOn else { return .missing }
        guard period.isCurrent(on: day), let began = placementBegan(periods: periods, placements: placements, on: day),
            updatedOn < began
        else { return .ready }
        return .needsReview
    }

    /// The day the current placement began, when it makes the profile out of date.
    public static func placementBegan(
        periods: [LookedAfterPeriod], placements: [Placement], on day: CalendarDay
    ) -> CalendarDay? {
        guard let period = periods.first(where: { $0.isCurrent(on: day) }) else { return nil }
        return placements.filter { $0.periodID == period.id && $0.isCurrent(on: day) }.map(\.startsOn).max()
    }
}
