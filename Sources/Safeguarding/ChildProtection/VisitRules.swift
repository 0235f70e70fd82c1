import Foundation

/// The visiting clocks of a registered child.
public enum VisitRules {
    /// Starts both clocks from the registration.
    public static func startClocks(_ entry: RegisterEntry, calendar: WorkingCalendar) -> RegisterEntry {
        var started = entry
        started.seenAloneDueAt = calendar.deadline(for: .childSeenAlone, from: entry.registeredAt).due
        started.seenAtHomeDueAt = calendar.deadline(for: .childSeenAtHome, from: entry.registeredAt).due
        return started
    }

    /// Records a visit; seeing the child alone, or at home, restarts that clock from the visit.
    public static func record(
        _ visit: ChildVisit, on entry: RegisterEntry, now: Date, calendar: WorkingCalendar
    ) throws(ChildProtectionError) -> RegisterEntry {
        guard entry.isCurrent else { throw .notRegistered }
        guard visit.at <= now else { throw .heldInTheFuture }
        var visited = entry
        visited.visits.append(visit)
        let latestAlone = visited.visits.filter(\.seenAlone).map(\.at).max()
        let latestHome = visited.visits.filter(\.atHome).map(\.at).max()
        if let latestAlone { visited.seenAloneDueAt = calendar.deadline(for: .childSeenAlone, from: latestAlone).due }
        if let latestHome { visited.seenAtHomeDueAt = calendar.deadline(for: .childSeenAtHome, from: latestHome).due }
        return visited
    }
}
