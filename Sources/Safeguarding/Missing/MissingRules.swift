import Foundation

/// The rules that turn missing episodes into work: the return interview's 72 hours,
/// and when a missing-child strategy meeting becomes due.
public struct MissingRules: Sendable, Hashable {
    public static let returnInterviewWindow: TimeInterval = 72 * 3_600

    /// Episodes within `repeatWindowDays` that make a meeting due (the third, by default).
    public var repeatEpisodes: Int
    public var repeatWindowDays: Int

    public init(repeatEpisodes: Int = 3, repeatWindowDays: Int = 30) {
        self.repeatEpisodes = repeatEpisodes
        self.repeatWindowDays = repeatWindowDays
    }

    /// A meeting is due when the episode is graded high risk, or when with the child's
    /// earlier episodes it makes `repeatEpisodes` reported within `repeatWindowDays`.
    public func strategyMeetingDue(for episode: MissingEpisode, earlier: [MissingEpisode]) -> Bool {
        if episode.riskGrade == .high { return true }
        let from = episode.reportedAt.addingTimeInterval(-Double(repeatWindowDays) * 86_400)
        let recent = earlier.filter {
            $0.childID == episode.childID && $0.id != episode.id && $0.reportedAt >= from && $0.reportedAt <= episode.reportedAt
        }
        return recent.count + 1 >= repeatEpisodes
    }
}
