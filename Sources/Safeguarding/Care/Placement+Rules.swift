import Foundation

extension Placement {
    /// Makes the placement within the child's periods of being looked after: the one
    /// standing on the day it starts. A child moving on leaves the placement before, which
    /// ends the day this one starts; a placement recorded as starting after this one
    /// cannot be overtaken, so it is refused rather than guessed at.
    ///
    /// Returns the placement with its period, and the earlier placements it ends.
    public static func making(
        _ type: PlacementType, provider: String, placeID: UUID, childID: UUID, startsOn: CalendarDay,
        periods: [LookedAfterPeriod], placements: [Placement], today: CalendarDay
    ) throws(CareError) -> (placement: Placement, ended: [Placement]) {
        guard !provider.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .providerNeeded }
        guard startsOn <= today else { throw .startsInFuture }
        guard let period = periods.first(where: { $0.isCurrent(on: startsOn) || $0.startsOn == startsOn }) else {
            throw .notLookedAfterOnStart
        }
        let mine = placements.filter { $0.childID == childID }
        if mine.contains(where: { $0.startsOn >= startsOn }) { throw .overlapsLaterPlacement }
        let ended = mine.filter { $0.endsOn.map { $0 > startsOn } ?? true }.map { earlier in
            var earlier = earlier
            earlier.endsOn = startsOn
            return earlier
        }
        let placement = Placement(
            childID: childID, periodID: period.id, type: type, provider: provider, placeID: placeID, startsOn: startsOn,
            endsOn: period.endsOn)
        return (placement, ended)
    }

    /// The placement once it ended on `day`.
    public func ending(on day: CalendarDay, today: CalendarDay) throws(CareError) -> Placement {
        guard endsOn == nil || endsOn! > today else { throw .alreadyEnded }
        guard day >= startsOn else { throw .endsBeforeStart }
        guard day <= today else { throw .endsInFuture }
        var ended = self
        ended.endsOn = day
        return ended
    }
}
