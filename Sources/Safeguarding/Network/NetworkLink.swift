import Foundation

/// One link between two members of a child's network, as an agency recorded it: when,
/// and how far it can be relied on. An ended link stays in the history and drops out
/// of the network from the day it ended.
public struct NetworkLink: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var from: UUID
    public var to: UUID
    public var kind: NetworkLinkKind
    public var sourceAgencyID: UUID
    public var recordedOn: CalendarDay
    public var reliability: InformationReliability
    public var endedOn: CalendarDay?

    public init(
        id: UUID = UUID(), from: UUID, to: UUID, kind: NetworkLinkKind, sourceAgencyID: UUID, recordedOn: CalendarDay,
        reliability: InformationReliability, endedOn: CalendarDay? = nil
    ) {
        self.id = id
        self.from = from
        self.to = to
        self.kind = kind
        self.sourceAgencyID = sourceAgencyID
        self.recordedOn = recordedOn
        self.reliability = reliability
        self.endedOn = endedOn
    }

    public func isCurrent(on day: CalendarDay) -> Bool { recordedOn <= day && (endedOn.map { day < $0 } ?? true) }

    public func other(than node: UUID) -> UUID? { from == node ? to : to == node ? from : nil }
}
