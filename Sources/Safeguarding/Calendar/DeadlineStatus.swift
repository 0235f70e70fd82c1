import Foundation

/// Where a piece of work stands against its deadline at a given moment.
///
/// Queues sort on this so that overdue work rises to the top, then work due today,
/// then work due on the next working day. `Comparable` puts the most urgent first:
/// sort ascending to build a queue.
public enum DeadlineStatus: Sendable, Hashable, Comparable {
    /// Past the due time, by this many seconds.
    case overdue(by: TimeInterval)
    /// Due before the end of the current local day; seconds remaining.
    case dueToday(remaining: TimeInterval)
    /// Due on the next working day or otherwise inside the "due soon" window.
    case dueSoon(remaining: TimeInterval)
    case onTrack(remaining: TimeInterval)

    /// Seconds until the due time; negative once overdue.
    public var timeRemaining: TimeInterval {
        switch self {
        case .overdue(let by): -by
        case .dueToday(let remaining), .dueSoon(let remaining), .onTrack(let remaining): remaining
        }
    }

    /// Stable localisation key, e.g. "deadline.status.overdue".
    public var key: String {
        switch self {
        case .overdue: "deadline.status.overdue"
        case .dueToday: "deadline.status.dueToday"
        case .dueSoon: "deadline.status.dueSoon"
        case .onTrack: "deadline.status.onTrack"
        }
    }

    private var urgencyRank: Int {
        switch self {
        case .overdue: 0
        case .dueToday: 1
        case .dueSoon: 2
        case .onTrack: 3
        }
    }

    public static func < (lhs: DeadlineStatus, rhs: DeadlineStatus) -> Bool {
        if lhs.urgencyRank != rhs.urgencyRank { return lhs.urgencyRank < rhs.urgencyRank }
        return lhs.timeRemaining < rhs.timeRemaining
    }
}
