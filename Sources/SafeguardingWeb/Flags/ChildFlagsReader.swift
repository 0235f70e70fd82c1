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

    func flags(for summary: ChildRecordSummary, visibleTo roles: Set<Role>, now: Date = Date()) async throws -> [ChildFlag] {
        flags(for: summary, work: try await ChildWorkRepository(database).work(of: summary.child.id), visibleTo: roles, now: now)
    }

    /// The flags from what the partnership has done about the child, read once for the page.
    func flags(for summary: ChildRecordSummary, work: ChildWork, visibleTo roles: Set<Role>, now: Date = Date()) -> [ChildFlag] {
        let today = calendar.day(of: now)
        var facts = FlaggedFacts()
        if let since = work.childProtection.register.filter(\.isCurrent).map(\.registeredAt).min() {
            facts.registeredSince = calendar.day(of: since)
        }
        if let since = work.missingEpisodes.filter({ $0.locatedAt == nil }).map(\.reportedAt).min() {
            facts.missingSince = calendar.day(of: since)
        }
        if let agreed = work.agreedLevels.last {
            facts.agreedExploitationLevel = agreed.level
            facts.exploitationReviewDue = agreed.reviewDue
        }
        if let period = work.carePeriods.first(where: { $0.isCurrent(on: today) }) {
            facts.lookedAfterSince = period.startsOn
        }
        // An open youth justice case with no start recorded still flags, from today.
        let youthJustice = summary.involvements.filter { $0.involvement == .youthJusticeCase && $0.isCurrent }
        if !youthJustice.isEmpty { facts.youthJusticeSince = youthJustice.compactMap(\.since).min() ?? today }
        return ChildFlags.current(facts: facts, raised: work.raisedFlags, on: today, visibleTo: roles)
    }
}

extension Request {
    private struct ChildFlagsKey: StorageKey { typealias Value = [ChildFlag] }
    private struct ChildWorkKey: StorageKey { typealias Value = (childID: UUID, work: ChildWork) }

    /// What the partnership has done about the child, read once for the request: the
    /// flags at the top of the page and the master log are both made from it.
    func childWork(of childID: UUID) async throws -> ChildWork {
        if let kept = storage[ChildWorkKey.self], kept.childID == childID { return kept.work }
        let work = try await ChildWorkRepository(db).work(of: childID)
        storage[ChildWorkKey.self] = (childID, work)
        return work
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
        let flags = ChildFlagsReader(database: db, calendar: application.workingCalendar)
            .flags(for: summary, work: try await childWork(of: summary.child.id), visibleTo: AccessPolicy().effectiveRoles(of: user.actor))
        childFlags = flags
        return flags
    }
}
