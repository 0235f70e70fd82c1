import Foundation

/// The rules of conferences and the register.
public enum ConferenceRules {
    /// The initial conference, due 15 working days from the enquiry's strategy discussion.
    public static func scheduleInitial(for enquiry: SectionFortySevenEnquiry) -> ChildProtectionConference {
        ChildProtectionConference(
            childID: enquiry.childID, kind: .initial, enquiryID: enquiry.id, dueAt: enquiry.initialConferenceDueAt)
    }

    /// The next review: 3 months after the ICPC, then 6 months after each review.
    public static func scheduleReview(after conference: ChildProtectionConference, calendar: WorkingCalendar)
        -> ChildProtectionConference?
    {
        guard let held = conference.heldAt else { return nil }
        let step: SafeguardingStep = conference.kind == .initial ? .firstReviewConference : .laterReviewConference
        return ChildProtectionConference(
            childID: conference.childID, kind: .review, dueAt: calendar.deadline(for: step, from: held).due)
    }

    /// Records the conference's decision and, through `register`, what it does to the
    /// register. A registration needs a category; a review that does not re-register
    /// a registered child removes them.
    public static func recordDecision(
        _ conference: ChildProtectionConference, heldAt: Date, register: Bool, categories: [AbuseCategory],
        reportsFrom: [UUID], by worker: UUID, now: Date, calendar: WorkingCalendar
    ) throws(ChildProtectionError) -> ChildProtectionConference {
        guard !conference.isHeld else { throw .alreadyRecorded }
        guard heldAt <= now else { throw .heldInTheFuture }
        if register, categories.isEmpty { throw .categoryMissing }
        if !register, !categories.isEmpty { throw .categoryWithoutRegistration }
        var held = conference
        held.heldAt = heldAt
        held.register = register
        held.categories = Array(Set(categories)).sorted { $0.rawValue < $1.rawValue }
        held.reportsFrom = reportsFrom
        held.recordedBy = worker
        held.outlinePlanDueAt = calendar.deadline(for: .outlineChildProtectionPlan, from: heldAt).due
        held.recordDueAt = calendar.deadline(for: .conferenceRecord, from: heldAt).due
        return held
    }

    /// Records that the outline plan or the full record went out, once the conference is held.
    public static func documentSent(
        _ conference: ChildProtectionConference, _ document: ConferenceDocument, at now: Date
    ) throws(ChildProtectionError) -> ChildProtectionConference {
        guard conference.isHeld else { throw .meetingNotHeld }
        var sent = conference
        switch document {
        case .outlinePlan:
            guard conference.outlinePlanSentAt == nil else { throw .alreadyRecorded }
            sent.outlinePlanSentAt = now
        case .record:
            guard conference.recordSentAt == nil else { throw .alreadyRecorded }
            sent.recordSentAt = now
        }
        return sent
    }

    /// What the conference's decision does to the child's register entries: a new
    /// entry, a changed category, a removal, or nothing.
    public static func applyToRegister(
        _ conference: ChildProtectionConference, entries: [RegisterEntry]
    ) throws(ChildProtectionError) -> RegisterEntry? {
        guard let held = conference.heldAt, let register = conference.register else { return nil }
        let current = entries.first(where: \.isCurrent)
        switch (register, current) {
        case (true, nil):
            return RegisterEntry(
                childID: conference.childID, categories: conference.categories, registeredAt: held,
                registeredByConference: conference.id)
        case (true, var entry?):
            guard conference.kind == .review else { throw .alreadyRegistered }
            entry.categories = conference.categories
            return entry
        case (false, var entry?):
            entry.deregisteredAt = held
            entry.deregisteredByConference = conference.id
            return entry
        case (false, nil):
            return nil
        }
    }

    /// A child registered before: re-registrations are one of the partnership's measures.
    public static func isReRegistration(_ entries: [RegisterEntry]) -> Bool {
        entries.filter { !$0.isCurrent }.count > 0 && entries.contains(where: \.isCurrent)
    }
}
