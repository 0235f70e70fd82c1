import Foundation

/// Everything in one child's child protection record, as one value: the strategy
/// discussions and meetings, enquiries, conferences, register entries, core groups,
/// assessments and the plan. The child's page, the team queue and the measures all
/// read the process from here.
public struct ChildProtectionCase: Sendable, Hashable, Codable {
    public var childID: UUID
    public var discussions: [StrategyDiscussion]
    public var meetings: [StrategyMeeting]
    public var enquiries: [SectionFortySevenEnquiry]
    public var conferences: [ChildProtectionConference]
    public var register: [RegisterEntry]
    public var coreGroups: [CoreGroupMeeting]
    public var assessments: [Assessment]
    public var plan: CareAndSupportPlan?

    public init(
        childID: UUID, discussions: [StrategyDiscussion] = [], meetings: [StrategyMeeting] = [],
        enquiries: [SectionFortySevenEnquiry] = [], conferences: [ChildProtectionConference] = [],
        register: [RegisterEntry] = [], coreGroups: [CoreGroupMeeting] = [], assessments: [Assessment] = [],
        plan: CareAndSupportPlan? = nil
    ) {
        self.childID = childID
        self.discussions = discussions
        self.meetings = meetings
        self.enquiries = enquiries
        self.conferences = conferences
        self.register = register
        self.coreGroups = coreGroups
        self.assessments = assessments
        self.plan = plan
    }

    public var currentRegistration: RegisterEntry? { register.first(where: \.isCurrent) }

    /// Marks an agreed action done, wherever it was agreed (a discussion, a meeting or the
    /// plan), so its clock leaves the queue; returns which record changed.
    public mutating func completeAction(_ actionID: UUID, at now: Date) throws(ChildProtectionError) -> ActionHolder {
        func complete(_ actions: inout [AgreedAction]) throws(ChildProtectionError) -> Bool {
            guard let index = actions.firstIndex(where: { $0.id == actionID }) else { return false }
            guard actions[index].isOpen else { throw .alreadyRecorded }
            actions[index].completedAt = now
            return true
        }
        for index in discussions.indices where try complete(&discussions[index].actions) {
            return .discussion(discussions[index])
        }
        for index in meetings.indices where try complete(&meetings[index].actions) { return .meeting(meetings[index]) }
        if var changed = plan, try complete(&changed.actions) {
            plan = changed
            return .plan(changed)
        }
        throw .actionNotFound
    }
    public var isOnRegister: Bool { currentRegistration != nil }

    /// Every clock still running on this child's record, soonest first.
    public var openClocks: [ChildProtectionClock] {
        var clocks: [ChildProtectionClock] = []
        func add(_ kind: ClockKind, _ subject: UUID, _ due: Date) {
            clocks.append(ChildProtectionClock(kind: kind, childID: childID, subjectID: subject, dueAt: due))
        }
        for discussion in discussions {
            if !discussion.isHeld { add(.strategyDiscussion, discussion.id, discussion.dueAt) }
            for action in discussion.actions where action.isOpen { add(.action, discussion.id, action.dueAt) }
        }
        for meeting in meetings {
            if !meeting.isHeld { add(.strategyMeeting, meeting.id, meeting.dueAt) }
            if let due = meeting.minutesDueAt, meeting.minutesCirculatedAt == nil { add(.minutes, meeting.id, due) }
            for action in meeting.actions where action.isOpen { add(.action, meeting.id, action.dueAt) }
        }
        for conference in conferences {
            if !conference.isHeld {
                add(conference.kind == .initial ? .initialConference : .reviewConference, conference.id, conference.dueAt)
            }
            if let due = conference.outlinePlanDueAt, conference.outlinePlanSentAt == nil {
                add(.outlinePlan, conference.id, due)
            }
            if let due = conference.recordDueAt, conference.recordSentAt == nil { add(.conferenceRecord, conference.id, due) }
        }
        for enquiry in enquiries where enquiry.isOpen
        && !conferences.contains(where: { $0.enquiryID == enquiry.id }) {
            add(.initialConference, enquiry.id, enquiry.initialConferenceDueAt)
        }
        if let entry = currentRegistration {
            if let due = entry.seenAloneDueAt { add(.childSeenAlone, entry.id, due) }
            if let due = entry.seenAtHomeDueAt { add(.childSeenAtHome, entry.id, due) }
        }
        // Core groups are due only while the registration they serve stands.
        let current = Set(register.filter(\.isCurrent).map(\.id))
        for meeting in coreGroups where !meeting.isHeld && current.contains(meeting.registerEntryID) {
            add(.coreGroup, meeting.id, meeting.dueAt)
        }
        for assessment in assessments where !assessment.isComplete { add(.assessment, assessment.id, assessment.dueAt) }
        if let plan {
            if let at = plan.reviewRequiredAt { add(.planReview, plan.id, at) }
            // Flagged from the moment it is written: a manager should see it at once.
            if plan.needsManagerReview, let agreement = plan.writtenAgreement {
                add(.writtenAgreementReview, plan.id, agreement.recordedAt)
            }
            for action in plan.actions where action.isOpen { add(.action, plan.id, action.dueAt) }
        }
        return clocks.sorted { $0.dueAt < $1.dueAt }
    }
}

/// The record an agreed action belongs to, changed.
public enum ActionHolder: Sendable, Hashable {
    case discussion(StrategyDiscussion)
    case meeting(StrategyMeeting)
    case plan(CareAndSupportPlan)
}

/// A clock running on a child's record, for the team queue.
public struct ChildProtectionClock: Sendable, Hashable, Codable {
    public var kind: ClockKind
    public var childID: UUID
    /// The discussion, meeting, enquiry, conference, core group, assessment or plan.
    public var subjectID: UUID
    public var dueAt: Date

    public init(kind: ClockKind, childID: UUID, subjectID: UUID, dueAt: Date) {
        self.kind = kind
        self.childID = childID
        self.subjectID = subjectID
        self.dueAt = dueAt
    }
}

public enum ClockKind: String, Sendable, Hashable, Codable, CaseIterable {
    case strategyDiscussion = "strategy_discussion"
    case strategyMeeting = "strategy_meeting"
    case minutes
    case action
    case initialConference = "initial_conference"
    case outlinePlan = "outline_plan"
    case conferenceRecord = "conference_record"
    case coreGroup = "core_group"
    case childSeenAlone = "child_seen_alone"
    case childSeenAtHome = "child_seen_at_home"
    case reviewConference = "review_conference"
    case assessment
    case planReview = "plan_review"
    /// A written agreement used instead of child protection procedures, waiting for a manager.
    case writtenAgreementReview = "written_agreement_review"
}
