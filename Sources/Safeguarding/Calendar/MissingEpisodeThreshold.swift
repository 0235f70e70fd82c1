/// When a child's missing episodes call for a multi-agency strategy meeting.
///
/// Unlike the other timescales this is a trigger, not a duration: a strategy
/// meeting is needed as soon as the child is assessed as high risk, or once
/// `episodes` separate episodes have begun within any `withinDays` consecutive
/// calendar days (default 3 in 30). "Within 30 days" counts both the first and
/// last day, so episodes on 1 and 30 June are within 30 days but 1 June and
/// 1 July are not.
public struct MissingEpisodeThreshold: Sendable, Hashable, Codable {
    public var episodes: Int
    public var withinDays: Int
    public var highRiskAlwaysTriggers: Bool

    public init(episodes: Int = 3, withinDays: Int = 30, highRiskAlwaysTriggers: Bool = true) {
        self.episodes = episodes
        self.withinDays = withinDays
        self.highRiskAlwaysTriggers = highRiskAlwaysTriggers
    }

    /// Whether a strategy meeting is required, given the local days on which each
    /// missing episode began (in any order; duplicates count as separate episodes).
    public func requiresStrategyMeeting(isHighRisk: Bool, episodeStartDays: [CalendarDay]) -> Bool {
        if isHighRisk && highRiskAlwaysTriggers { return true }
        guard episodes > 0 else { return true }
        let sorted = episodeStartDays.sorted()
        guard sorted.count >= episodes else { return false }
        for firstIndex in 0...(sorted.count - episodes) {
            let lastIndex = firstIndex + episodes - 1
            if sorted[firstIndex].days(to: sorted[lastIndex]) < withinDays {
                return true
            }
        }
        return false
    }
}
