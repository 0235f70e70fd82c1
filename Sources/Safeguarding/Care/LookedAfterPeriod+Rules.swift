import Foundation

extension LookedAfterPeriod {
    /// What stops this period being started, beside the child's other periods: it needs a
    /// reason and a start no later than `today`, and it may not overlap another period.
    public func problems(among others: [LookedAfterPeriod], today: CalendarDay) -> [CareError] {
        var problems: [CareError] = []
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.reasonNeeded) }
        if startsOn > today { problems.append(.startsInFuture) }
        if let end = endsOn, end < startsOn { problems.append(.endsBeforeStart) }
        if others.contains(where: { $0.id != id && overlaps($0) }) { problems.append(.overlapsPeriod) }
        return problems
    }

    /// Whether the two periods share a day. An open period runs on for ever.
    public func overlaps(_ other: LookedAfterPeriod) -> Bool {
        // A period that ended the day it began still held that day.
        func before(_ day: CalendarDay, endOf period: LookedAfterPeriod) -> Bool {
            guard let end = period.endsOn else { return true }
            return day < max(end, period.startsOn.adding(days: 1))
        }
        return before(startsOn, endOf: other) && before(other.startsOn, endOf: self)
    }

    /// The period once it ended on `day`, with the placements made in it that were still
    /// open ended the same day: a child no longer looked after has no placement.
    public func ending(on day: CalendarDay, placements: [Placement], today: CalendarDay) throws(CareError)
        -> (period: LookedAfterPeriod, placements: [Placement])
    {
        guard endsOn == nil else { throw .alreadyEnded }
        guard day >= startsOn else { throw .endsBeforeStart }
        guard day <= today else { throw .endsInFuture }
        var period = self
        period.endsOn = day
        let ended = placements.filter { $0.periodID == id && ($0.endsOn.map { $0 > day } ?? true) }.map { placement in
            var placement = placement
            placement.endsOn = max(day, placement.startsOn)
            return placement
        }
        return (period, ended)
    }
}
