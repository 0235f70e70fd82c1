import Foundation

extension SafetyCheck {
    /// What stops the check being recorded: it is of a place, made no later than today,
    /// and one that found the place unsafe says what was found, for whoever places the
    /// next child there.
    public func problems(placeKind: NetworkNodeKind, today: CalendarDay) -> [NetworkError] {
        var problems: [NetworkError] = []
        if placeKind != .place { problems.append(.notAPlace) }
        if checkedOn > today { problems.append(.checkedInFuture) }
        if result == .unsafe, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.findingNeeded) }
        return problems
    }
}
