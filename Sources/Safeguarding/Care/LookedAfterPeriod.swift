import Foundation

/// A period in which the child was looked after, with its legal basis.
public struct LookedAfterPeriod: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var legalStatus: LegalStatus
    public var startsOn: CalendarDay
    public var endsOn: CalendarDay?
    public var reason: String

    public init(id: UUID = UUID(), childID: UUID, legalStatus: LegalStatus, startsOn: CalendarDay, endsOn: CalendarDay? = nil,
        reason: String) {
        self.id = id
        self.childID = childID
        self.legalStatus = legalStatus
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.reason = reason
    }

    public func isCurrent(on day: CalendarDay) -> Bool { startsOn <= day && (endsOn.map { day < $0 } ?? true) }
}

/// Where the child lived during a period of being looked after; the address is a place
/// of the child's network, so those who know it can see who else is linked to it.
public struct Placement: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var periodID: UUID
    public var type: PlacementType
    public var provider: String
    public var placeID: UUID
    public var startsOn: CalendarDay
    public var endsOn: CalendarDay?

    public init(id: UUID = UUID(), childID: UUID, periodID: UUID, type: PlacementType, provider: String, placeID: UUID,
        startsOn: CalendarDay, endsOn: CalendarDay? = nil) {
        self.id = id
        self.childID = childID
        self.periodID = periodID
        self.type = type
        self.provider = provider
        self.placeID = placeID
        self.startsOn = startsOn
        self.endsOn = endsOn
    }

    public func isCurrent(on day: CalendarDay) -> Bool { startsOn <= day && (endsOn.map { day < $0 } ?? true) }
}
