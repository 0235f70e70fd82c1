import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The warnings shown at the top of every page about a child (F19), gathered from where
/// the record holds each fact and cut to what the reader's roles may see. Asked only
/// after the reader's access to the child is granted, by every page and API answer about
/// the child, so it reads little: the register only when the child has a register history.
struct ChildFlagsReader {
    let database: any Database
    let calendar: WorkingCalendar

    /// What the flags were read from that the child's master log reads too: kept for the
    /// request, so a page with both reads each once.
    struct Reads: Sendable {
        var childID: UUID
        var raised: [RaisedFlag]
        /// Every level agreed for the child, oldest first.
        var agreed: [AgreedExploitationLevel]
    }

    func flags(for summary: ChildRecordSummary, visibleTo roles: Set<Role>, now: Date = Date()) async throws -> [ChildFlag] {
        try await flagsAndReads(for: summary, visibleTo: roles, now: now).flags
    }

    func flagsAndReads(for summary: ChildRecordSummary, visibleTo roles: Set<Role>, now: Date = Date()) async throws
        -> (flags: [ChildFlag], reads: Reads)
    {
        let childID = summary.child.id
        var facts = FlaggedFacts()
        if summary.hasRegisterHistory, let since = try await ChildProtectionRepository(database).registeredSince(childID) {
            facts.registeredSince = calendar.day(of: since)
        }
        if let since = try await MissingRepository(database).missingSince([childID])[childID] {
            facts.missingSince = calendar.day(of: since)
        }
        let agreedLevels = try await ExploitationRepository(database).agreedLevels(of: childID)
        if let agreed = agreedLevels.last {
            facts.agreedExploitationLevel = agreed.level
            facts.exploitationReviewDue = agreed.reviewDue
        }
        if let period = try await CareRepository(database).currentPeriod(of: childID, on: calendar.day(of: now)) {
            facts.lookedAfterSince = period.startsOn
        }
        // An open youth justice case with no start recorded still flags, from today.
        let youthJustice = summary.involvements.filter { $0.involvement == .youthJusticeCase && $0.isCurrent }
        if !youthJustice.isEmpty { facts.youthJusticeSince = youthJustice.compactMap(\.since).min() ?? calendar.day(of: now) }
        let raised = try await RaisedFlagRepository(database).flags(of: childID)
        return (ChildFlags.current(facts: facts, raised: raised, on: calendar.day(of: now), visibleTo: roles),
            Reads(childID: childID, raised: raised, agreed: agreedLevels))
    }
}

extension Request {
    private struct ChildFlagsKey: StorageKey { typealias Value = [ChildFlag] }
    private struct ChildFlagReadsKey: StorageKey { typealias Value = ChildFlagsReader.Reads }

    /// The raised flags and agreed levels this request already read for the child, if any.
    func flagReads(of childID: UUID) -> ChildFlagsReader.Reads? {
        storage[ChildFlagReadsKey.self].flatMap { $0.childID == childID ? $0 : nil }
    }

    /// The flags the page being built shows in its frame; set by a page about a child once
    /// its reader's access is granted, and written into every page's top by the layout.
    var childFlags: [ChildFlag]? {
        get { storage[ChildFlagsKey.self] }
        set { storage[ChildFlagsKey.self] = newValue }
    }

    /// The flags of a child a page is about without opening the record (a referral being
    /// screened, a request being answered): shown only when the reader may open the record.
    func showFlags(ofChild childID: UUID?) async throws {
        guard let childID, let user = signedInUser,
            let (summary, facts) = try await ChildRepository(db).summaryAndAccess(of: childID, userID: user.account.id, now: Date()),
            case .granted = AccessPolicy().access(for: user.actor, to: facts)
        else { return }
        try await showFlags(of: summary)
    }

    /// Reads the child's flags for this reader and keeps them for the page's frame.
    @discardableResult
    func showFlags(of summary: ChildRecordSummary) async throws -> [ChildFlag] {
        guard let user = signedInUser else { return [] }
        let (flags, reads) = try await ChildFlagsReader(database: db, calendar: application.workingCalendar)
            .flagsAndReads(for: summary, visibleTo: AccessPolicy().effectiveRoles(of: user.actor))
        childFlags = flags
        storage[ChildFlagReadsKey.self] = reads
        return flags
    }
}
