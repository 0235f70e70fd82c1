import Foundation

/// The missing-children measures (F18): how many episodes and children, how many went
/// missing again, and whether every child who came back was offered a return interview
/// within 72 hours and had one; the episodes that missed it are named, not only counted.
public struct MissingMeasures: Sendable, Hashable {
    public var episodes: Int
    public var children: Int
    /// Children with more than one episode reported in the period.
    public var repeatChildren: Int
    /// Episodes whose child has returned and whose 72 hours have run out (or were met).
    public var interviewsDue: Int
    public var offeredInTime: Int
    public var heldInTime: Int
    public var strategyMeetingsDue: Int
    /// The episodes where the interview was not offered within the 72 hours.
    public var missed: [UUID]

    public var offeredInTimeRate: Double? { interviewsDue == 0 ? nil : Double(offeredInTime) / Double(interviewsDue) }
    public var heldInTimeRate: Double? { interviewsDue == 0 ? nil : Double(heldInTime) / Double(interviewsDue) }

    /// Counts the episodes reported in `period`. An episode counts towards the interview
    /// measures once it is decided: offered, or its 72 hours over.
    public static func compute(from episodes: [MissingEpisode], during period: Range<Date>, now: Date) -> MissingMeasures {
        let counted = episodes.filter { period.contains($0.reportedAt) }
        var perChild: [UUID: Int] = [:]
        for episode in counted { perChild[episode.childID, default: 0] += 1 }
        var measures = MissingMeasures(
            episodes: counted.count, children: perChild.count, repeatChildren: perChild.values.filter { $0 > 1 }.count,
            interviewsDue: 0, offeredInTime: 0, heldInTime: 0,
            strategyMeetingsDue: counted.filter(\.strategyMeetingDue).count, missed: [])
        for episode in counted {
            guard let inTime = episode.returnInterviewOfferedInTime(now: now), let due = episode.returnInterviewDueAt else {
                continue
            }
            measures.interviewsDue += 1
            if inTime { measures.offeredInTime += 1 } else { measures.missed.append(episode.id) }
            if let interview = episode.returnInterview, interview.outcome == .held, interview.at <= due {
                measures.heldInTime += 1
            }
        }
        return measures
    }
}
