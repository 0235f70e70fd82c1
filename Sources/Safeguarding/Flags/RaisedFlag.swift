import Foundation

/// A flag an agency raised by hand (a CAWN, MARAC, MAPPA): who raised it, on what
/// source, from when, and until when it stands unless reviewed. Ending it early keeps it
/// in the history with the reason.
public struct RaisedFlag: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var childID: UUID
    public var kind: FlagKind
    public var raisedByAgencyID: UUID
    public var raisedByUserID: UUID
    /// Where the fact comes from: "Gwent Police CAWN ref 2026/117", "MARAC 3 December".
    public var source: String
    /// For a CAWN, the adult named in it.
    public var adultNamed: String
    public var startsOn: CalendarDay
    /// The notice's expiry, or the date by which the flag must be reviewed to stand.
    public var endsOn: CalendarDay
    public var endedOn: CalendarDay?
    public var endedReason: String

    public init(
        id: UUID = UUID(), childID: UUID, kind: FlagKind, raisedByAgencyID: UUID, raisedByUserID: UUID, source: String,
        adultNamed: String = "", startsOn: CalendarDay, endsOn: CalendarDay, endedOn: CalendarDay? = nil, endedReason: String = ""
    ) {
        self.id = id
        self.childID = childID
        self.kind = kind
        self.raisedByAgencyID = raisedByAgencyID
        self.raisedByUserID = raisedByUserID
        self.source = source
        self.adultNamed = adultNamed
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.endedOn = endedOn
        self.endedReason = endedReason
    }

    public func isCurrent(on day: CalendarDay) -> Bool {
        startsOn <= day && day <= endsOn && (endedOn.map { day < $0 } ?? true)
    }

    public enum Problem: Error, Sendable, Hashable {
        case followsFromRecord, sourceNeeded, adultNeeded, endsBeforeStart
    }

    /// A flag the record itself gives cannot be raised by hand; a raised one needs its
    /// source, and a CAWN the adult it names.
    public func problems() -> [Problem] {
        var problems: [Problem] = []
        if kind.followsFromRecord { problems.append(.followsFromRecord) }
        if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(.sourceNeeded) }
        if kind == .childAbductionWarningNotice, adultNamed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append(.adultNeeded)
        }
        if endsOn < startsOn { problems.append(.endsBeforeStart) }
        return problems
    }
}
