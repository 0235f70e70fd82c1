import Foundation

/// The rules of Section 47 enquiries.
public enum SectionFortySevenRules {
    /// Starts an enquiry from the strategy discussion (or its meeting) that decided one.
    /// The conference clock runs from the discussion, not the meeting: a meeting that
    /// was itself late must not buy the conference more time.
    public static func start(
        after discussion: StrategyDiscussion, meeting: StrategyMeeting? = nil, workers: [String], at now: Date,
        calendar: WorkingCalendar
    ) throws(ChildProtectionError) -> SectionFortySevenEnquiry {
        guard discussion.outcome == .section47Enquiry || meeting?.outcome == .section47Enquiry else {
            throw .enquiryNotDecided
        }
        let named = workers.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        guard !named.isEmpty else { throw .investigatingWorkerMissing }
        let start = discussion.heldAt ?? discussion.requestedAt
        return SectionFortySevenEnquiry(
            childID: discussion.childID, strategyDiscussionID: discussion.id, startedAt: now,
            initialConferenceDueAt: calendar.deadline(for: .initialChildProtectionConference, from: start).due,
            investigatingWorkers: named)
    }

    /// A manager records oversight or a challenge, in words.
    public static func addOversight(
        _ enquiry: SectionFortySevenEnquiry, by manager: UUID, kind: OversightKind, note: String, at now: Date
    ) throws(ChildProtectionError) -> SectionFortySevenEnquiry {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .oversightNoteMissing }
        var updated = enquiry
        updated.oversight.append(ManagerOversight(managerID: manager, at: now, kind: kind, note: note))
        return updated
    }

    /// Closes the enquiry with its outcome. A manager must have recorded oversight first.
    public static func recordOutcome(
        _ enquiry: SectionFortySevenEnquiry, _ outcome: SectionFortySevenOutcome, reasons: String, at now: Date
    ) throws(ChildProtectionError) -> SectionFortySevenEnquiry {
        guard enquiry.isOpen else { throw .alreadyRecorded }
        guard enquiry.oversight.contains(where: { $0.kind == .oversight }) else { throw .managerOversightMissing }
        var closed = enquiry
        closed.outcome = outcome
        closed.outcomeReasons = reasons
        closed.outcomeRecordedAt = now
        return closed
    }
}
