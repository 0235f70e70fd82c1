import Foundation

/// A flag as a page shows it: the kind, what it says (the agreed level, the adult a
/// CAWN names), since when and until when, and whether it follows from the record.
public struct ChildFlag: Sendable, Hashable, Codable {
    public var kind: FlagKind
    public var exploitationLevel: ExploitationRiskLevel?
    public var adultNamed: String
    public var since: CalendarDay?
    public var until: CalendarDay?
    public var raisedFlagID: UUID?

    public init(
        kind: FlagKind, exploitationLevel: ExploitationRiskLevel? = nil, adultNamed: String = "", since: CalendarDay? = nil,
        until: CalendarDay? = nil, raisedFlagID: UUID? = nil
    ) {
        self.kind = kind
        self.exploitationLevel = exploitationLevel
        self.adultNamed = adultNamed
        self.since = since
        self.until = until
        self.raisedFlagID = raisedFlagID
    }
}

/// The facts of a child's record that flags follow from.
public struct FlaggedFacts: Sendable, Hashable {
    public var registeredSince: CalendarDay?
    public var missingSince: CalendarDay?
    public var agreedExploitationLevel: ExploitationRiskLevel?
    public var exploitationReviewDue: CalendarDay?
    public var youthJusticeSince: CalendarDay?
    public var lookedAfterSince: CalendarDay?

    public init(
        registeredSince: CalendarDay? = nil, missingSince: CalendarDay? = nil, agreedExploitationLevel: ExploitationRiskLevel? = nil,
        exploitationReviewDue: CalendarDay? = nil, youthJusticeSince: CalendarDay? = nil, lookedAfterSince: CalendarDay? = nil
    ) {
        self.registeredSince = registeredSince
        self.missingSince = missingSince
        self.agreedExploitationLevel = agreedExploitationLevel
        self.exploitationReviewDue = exploitationReviewDue
        self.youthJusticeSince = youthJusticeSince
        self.lookedAfterSince = lookedAfterSince
    }
}

public enum ChildFlags {
    /// The flags standing on `day` that `roles` may see, the most urgent first (in the
    /// order of `FlagKind`'s cases after "missing now", which leads).
    public static func current(
        facts: FlaggedFacts, raised: [RaisedFlag], on day: CalendarDay, visibleTo roles: Set<Role>
    ) -> [ChildFlag] {
        var flags: [ChildFlag] = []
        if let since = facts.missingSince { flags.append(ChildFlag(kind: .missingNow, since: since)) }
        for flag in raised where flag.isCurrent(on: day) && !flag.kind.followsFromRecord {
            flags.append(ChildFlag(kind: flag.kind, adultNamed: flag.adultNamed, since: flag.startsOn, until: flag.endsOn,
                raisedFlagID: flag.id))
        }
        if let level = facts.agreedExploitationLevel, level > .notAtRisk {
            flags.append(ChildFlag(kind: .exploitationRisk, exploitationLevel: level, until: facts.exploitationReviewDue))
        }
        if let since = facts.registeredSince { flags.append(ChildFlag(kind: .onChildProtectionRegister, since: since)) }
        if let since = facts.lookedAfterSince { flags.append(ChildFlag(kind: .lookedAfter, since: since)) }
        if let since = facts.youthJusticeSince { flags.append(ChildFlag(kind: .openYouthJusticeCase, since: since)) }
        let order = [FlagKind.missingNow] + FlagKind.allCases.filter { $0 != .missingNow }
        return flags.filter { flag in roles.contains { flag.kind.isVisible(to: $0) } }
            .sorted {
                let (left, right) = (order.firstIndex(of: $0.kind)!, order.firstIndex(of: $1.kind)!)
                return left != right ? left < right : ($0.since?.iso ?? "") < ($1.since?.iso ?? "")
            }
    }
}
