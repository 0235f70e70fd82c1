import Foundation

/// The rules of strategy discussions and meetings, as functions that can be called
/// and tested without a server. Every deadline comes from the `WorkingCalendar`, so a
/// hub that agrees tighter timescales changes configuration, not code.
public enum StrategyRules {
    /// Who to invite: one invitee per current agency involvement, marked as suggested.
    /// The worker can add any other agency that holds information.
    public static func suggestedInvitees(from involvements: [AgencyInvolvement]) -> [Invitee] {
        var seen = Set<String>()
        return involvements.filter(\.isCurrent).compactMap { involvement in
            let key = "\(involvement.agencyID)|\(involvement.namedWorker)"
            guard seen.insert(key).inserted else { return nil }
            return Invitee(agencyID: involvement.agencyID, name: involvement.namedWorker, suggested: true)
        }
    }

    /// Opens a strategy discussion for a child, with its clock from the decision to hold one.
    public static func openDiscussion(
        childID: UUID, referralID: UUID?, immediateRisk: Bool, decidedAt: Date, involvements: [AgencyInvolvement],
        calendar: WorkingCalendar
    ) -> StrategyDiscussion {
        let step: SafeguardingStep = immediateRisk ? .strategyDiscussionImmediateRisk : .strategyDiscussion
        return StrategyDiscussion(
            childID: childID, referralID: referralID, immediateRisk: immediateRisk, requestedAt: decidedAt,
            dueAt: calendar.deadline(for: step, from: decidedAt).due,
            invitees: suggestedInvitees(from: involvements))
    }

    /// Records what happened at a discussion. When it decides to convene a meeting,
    /// the meeting is returned too, with its own clock from the discussion.
    public static func recordDiscussion(
        _ discussion: StrategyDiscussion, heldAt: Date, invitees: [Invitee], information: [SharedInformation],
        outcome: StrategyOutcome, actions: [AgreedAction], by worker: UUID, now: Date, calendar: WorkingCalendar
    ) throws(ChildProtectionError) -> (discussion: StrategyDiscussion, meeting: StrategyMeeting?) {
        guard discussion.outcome == nil else { throw .alreadyRecorded }
        try check(heldAt: heldAt, invitees: invitees, actions: actions, now: now)
        var recorded = discussion
        recorded.heldAt = heldAt
        recorded.invitees = invitees
        recorded.information = information
        recorded.outcome = outcome
        recorded.actions = actions
        recorded.recordedBy = worker
        guard outcome == .strategyMeeting else { return (recorded, nil) }
        let meeting = StrategyMeeting(
            childID: discussion.childID, discussionID: discussion.id, requestedAt: heldAt,
            dueAt: calendar.deadline(for: .strategyMeeting, from: heldAt).due,
            // Everyone invited to the discussion is invited to the meeting; more can be added.
            invitees: invitees.map { Invitee(agencyID: $0.agencyID, name: $0.name, suggested: true) })
        return (recorded, meeting)
    }

    /// Records a meeting once held; the minutes' clock starts from when it was held.
    public static func recordMeeting(
        _ meeting: StrategyMeeting, heldAt: Date, invitees: [Invitee], information: [SharedInformation],
        outcome: StrategyOutcome, actions: [AgreedAction], by worker: UUID, now: Date, calendar: WorkingCalendar
    ) throws(ChildProtectionError) -> StrategyMeeting {
        guard meeting.outcome == nil else { throw .alreadyRecorded }
        guard outcome != .strategyMeeting else { throw .meetingCannotConveneAMeeting }
        try check(heldAt: heldAt, invitees: invitees, actions: actions, now: now)
        var recorded = meeting
        recorded.heldAt = heldAt
        recorded.invitees = invitees
        recorded.information = information
        recorded.outcome = outcome
        recorded.actions = actions
        recorded.recordedBy = worker
        recorded.minutesDueAt = calendar.deadline(for: .strategyMeetingMinutes, from: heldAt).due
        return recorded
    }

    /// Records that the minutes went out. They must go to every invitee, not only
    /// those who came: an agency that missed the meeting needs them most.
    public static func circulateMinutes(
        _ meeting: StrategyMeeting, to inviteeIDs: Set<UUID>, at now: Date
    ) throws(ChildProtectionError) -> StrategyMeeting {
        guard meeting.isHeld, meeting.minutesDueAt != nil else { throw .meetingNotHeld }
        guard meeting.minutesCirculatedAt == nil else { throw .alreadyRecorded }
        guard Set(meeting.invitees.map(\.id)).isSubset(of: inviteeIDs) else { throw .minutesNotSentToEveryInvitee }
        var circulated = meeting
        circulated.minutesCirculatedAt = now
        circulated.minutesSentTo = meeting.invitees.map(\.id)
        return circulated
    }

    private static func check(
        heldAt: Date, invitees: [Invitee], actions: [AgreedAction], now: Date
    ) throws(ChildProtectionError) {
        guard heldAt <= now else { throw .heldInTheFuture }
        guard !invitees.isEmpty else { throw .noInvitees }
        guard actions.allSatisfy(\.isComplete) else { throw .actionIncomplete }
    }
}
