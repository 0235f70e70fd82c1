import Foundation

/// Who in an agency answers the hub's requests on each day of the week. Requests go to
/// the agency's shared inbox, which every answerer there can see; the rota says whom a
/// chase goes to first, so that one person's absence never leaves a request unseen.
public struct DutyRota: Sendable, Hashable, Codable {
    public var agencyID: UUID
    public var onDuty: [Weekday: [UUID]]

    public init(agencyID: UUID, onDuty: [Weekday: [UUID]] = [:]) {
        self.agencyID = agencyID
        self.onDuty = onDuty
    }

    /// The people to alert on `day`: those rostered and not away; if none of them is
    /// available, everyone in the agency who answers and is not away; and if everyone
    /// is away, everyone, because a request must reach someone.
    /// Whether anyone ticked for this day is here: if not, everyone who answers is told,
    /// and the pages must say so rather than name them as "on duty".
    public func isRostered(on day: CalendarDay, answerers: [UUID], absences: [Absence]) -> Bool {
        let away = Set(absences.filter { $0.covers(day) }.map(\.userID))
        return (onDuty[day.weekday] ?? []).contains { answerers.contains($0) && !away.contains($0) }
    }

    public func people(on day: CalendarDay, answerers: [UUID], absences: [Absence]) -> [UUID] {
        let away = Set(absences.filter { $0.covers(day) }.map(\.userID))
        let answererSet = Set(answerers)
        let rostered = (onDuty[day.weekday] ?? []).filter { answererSet.contains($0) && !away.contains($0) }
        if !rostered.isEmpty { return rostered }
        let present = answerers.filter { !away.contains($0) }
        return present.isEmpty ? answerers : present
    }
}

/// A period someone is away (leave, sickness, training), first and last day included.
public struct Absence: Sendable, Hashable, Codable {
    public var userID: UUID
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay

    public init(userID: UUID, firstDay: CalendarDay, lastDay: CalendarDay) {
        self.userID = userID
        self.firstDay = firstDay
        self.lastDay = lastDay
    }

    public func covers(_ day: CalendarDay) -> Bool { firstDay <= day && day <= lastDay }
}
