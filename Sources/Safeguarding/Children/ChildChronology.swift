import Foundation

/// A referral as the chronology starts from it: what came in, from whom, when.
public struct ChronologyReferral: Sendable, Hashable {
    public var id: UUID
    public var reference: String
    public var kind: ReferralKind
    public var referrerAgencyID: UUID
    public var submittedAt: Date

    public init(id: UUID, reference: String, kind: ReferralKind, referrerAgencyID: UUID, submittedAt: Date) {
        self.id = id
        self.reference = reference
        self.kind = kind
        self.referrerAgencyID = referrerAgencyID
        self.submittedAt = submittedAt
    }
}

/// One thing done about a child. The inspection found practitioners reading a referral
/// that came in and nothing of what the hub and its partners did with it; the chronology
/// puts the decision, its reasons, each agency's answer and the child protection work
/// in one list.
public struct ChronologyEvent: Sendable, Hashable {
    public enum What: Sendable, Hashable {
        case referralReceived(ReferralKind)
        case hubDecision(DecisionOutcome)
        case signOff(agreed: Bool)
        case informationShared(AgencyKnowledge)
        case strategyDiscussion(StrategyOutcome?)
        case strategyMeeting(StrategyOutcome?)
        case enquiryStarted
        case enquiryConcluded(SectionFortySevenOutcome)
        case conference(ConferenceKind)
        case registered
        case deregistered
        case coreGroup
        case assessmentCompleted
        case carePlanMade
        case missingReported(MissingRiskGrade)
        case missingLocated
        case returnInterview(ReturnInterview.Outcome)
        case exploitationAssessed(ExploitationRiskLevel)
        case exploitationLevelAgreed(ExploitationRiskLevel)
        case flagRaised(FlagKind)
        case flagEnded(FlagKind)
    }

    /// The kinds the master log is filtered by.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case referrals, information
        case childProtection = "child_protection"
        case missing, exploitation, flags
    }

    public var kind: Kind {
        switch what {
        case .referralReceived, .hubDecision, .signOff: .referrals
        case .informationShared: .information
        case .missingReported, .missingLocated, .returnInterview: .missing
        case .exploitationAssessed, .exploitationLevelAgreed: .exploitation
        case .flagRaised, .flagEnded: .flags
        default: .childProtection
        }
    }

    public var at: Date
    public var what: What
    /// The agency that did it, where one agency did.
    public var agencyID: UUID?
    /// The referral it belongs to, for a link and its reference.
    public var referralID: UUID?
    public var reference: String
    /// The practitioners' own words: a decision's reasons, what an agency knows.
    public var detail: String

    /// Whether the event belongs to the child protection record, which fewer people read.
    public var isChildProtection: Bool { kind == .childProtection }

    /// Whether a reader holding `roles` may see the entry: the child protection record's
    /// steps go to those who read it, a flag's raising and ending to those who see the flag.
    public func isVisible(to roles: Set<Role>, readsChildProtection: Bool) -> Bool {
        switch what {
        case .flagRaised(let flag), .flagEnded(let flag): roles.contains { flag.isVisible(to: $0) }
        default: !isChildProtection || readsChildProtection
        }
    }

    public init(
        at: Date, what: What, agencyID: UUID? = nil, referralID: UUID? = nil, reference: String = "", detail: String = ""
    ) {
        self.at = at
        self.what = what
        self.agencyID = agencyID
        self.referralID = referralID
        self.reference = reference
        self.detail = detail
    }
}

/// Builds a child's chronology from the records of each step, newest first.
public enum ChildChronology {
    public static func events(
        referrals: [ChronologyReferral], decisions: [UUID: [HubDecision]], requests: [InformationRequest],
        childProtection: ChildProtectionCase?
    ) -> [ChronologyEvent] {
        var events: [ChronologyEvent] = []
        let references = Dictionary(referrals.map { ($0.id, $0.reference) }, uniquingKeysWith: { first, _ in first })
        for referral in referrals {
            events.append(ChronologyEvent(
                at: referral.submittedAt, what: .referralReceived(referral.kind), agencyID: referral.referrerAgencyID,
                referralID: referral.id, reference: referral.reference))
            for decision in decisions[referral.id] ?? [] {
                events.append(ChronologyEvent(
                    at: decision.decidedAt, what: .hubDecision(decision.outcome), referralID: referral.id,
                    reference: referral.reference, detail: decision.reasons))
                if let signOff = decision.signOff {
                    events.append(ChronologyEvent(
                        at: signOff.at, what: .signOff(agreed: signOff.agreed), referralID: referral.id,
                        reference: referral.reference, detail: signOff.reason))
                }
            }
        }
        for request in requests {
            guard let answer = request.answer else { continue }
            let said = [answer.whatIsKnown, answer.knownRisks].filter { !$0.isEmpty }.joined(separator: " ")
            events.append(ChronologyEvent(
                at: answer.answeredAt, what: .informationShared(answer.knowledge), agencyID: request.agencyID,
                referralID: request.referralID, reference: references[request.referralID] ?? "", detail: said))
        }
        if let record = childProtection { events += childProtectionEvents(record) }
        return events.sorted { $0.at > $1.at }
    }

    /// The master log (F17): the chronology with the child's missing episodes,
    /// exploitation assessments, MACE decisions and warnings raised and ended, newest first.
    public static func masterLog(
        _ chronology: [ChronologyEvent], missing: [MissingEpisode],
        assessments: [(assessment: ExploitationAssessment, level: ExploitationRiskLevel)],
        agreed: [AgreedExploitationLevel], flags: [RaisedFlag], calendar: WorkingCalendar
    ) -> [ChronologyEvent] {
        var events = chronology
        for episode in missing {
            events.append(ChronologyEvent(at: episode.reportedAt, what: .missingReported(episode.riskGrade),
                agencyID: episode.reportedByAgencyID, detail: episode.lastSeenWhere))
            if let located = episode.locatedAt {
                events.append(ChronologyEvent(at: located, what: .missingLocated,
                    detail: [episode.foundWhere, episode.foundWith].filter { !$0.isEmpty }.joined(separator: "; ")))
            }
            if let interview = episode.returnInterview {
                events.append(ChronologyEvent(at: interview.at, what: .returnInterview(interview.outcome), detail: interview.childSaid))
            }
        }
        for (assessment, level) in assessments {
            events.append(ChronologyEvent(at: assessment.recordedAt, what: .exploitationAssessed(level),
                agencyID: assessment.agencyID, detail: assessment.summary))
        }
        for decision in agreed {
            events.append(ChronologyEvent(at: calendar.date(on: decision.agreedOn, at: .nineAM),
                what: .exploitationLevelAgreed(decision.level), detail: decision.reason))
        }
        for flag in flags {
            events.append(ChronologyEvent(at: calendar.date(on: flag.startsOn, at: .nineAM), what: .flagRaised(flag.kind),
                agencyID: flag.raisedByAgencyID, detail: flag.source))
            if let ended = flag.endedOn {
                events.append(ChronologyEvent(at: calendar.date(on: ended, at: .nineAM), what: .flagEnded(flag.kind),
                    agencyID: flag.raisedByAgencyID, detail: flag.endedReason))
            }
        }
        return events.sorted { $0.at > $1.at }
    }

    static func childProtectionEvents(_ record: ChildProtectionCase) -> [ChronologyEvent] {
        var events: [ChronologyEvent] = []
        for discussion in record.discussions {
            if let held = discussion.heldAt {
                events.append(ChronologyEvent(at: held, what: .strategyDiscussion(discussion.outcome), referralID: discussion.referralID))
            }
        }
        for meeting in record.meetings {
            if let held = meeting.heldAt { events.append(ChronologyEvent(at: held, what: .strategyMeeting(meeting.outcome))) }
        }
        for enquiry in record.enquiries {
            events.append(ChronologyEvent(at: enquiry.startedAt, what: .enquiryStarted))
            if let outcome = enquiry.outcome, let at = enquiry.outcomeRecordedAt {
                events.append(ChronologyEvent(at: at, what: .enquiryConcluded(outcome), detail: enquiry.outcomeReasons))
            }
        }
        for conference in record.conferences {
            if let held = conference.heldAt { events.append(ChronologyEvent(at: held, what: .conference(conference.kind))) }
        }
        for entry in record.register {
            events.append(ChronologyEvent(at: entry.registeredAt, what: .registered))
            if let until = entry.deregisteredAt { events.append(ChronologyEvent(at: until, what: .deregistered)) }
        }
        for group in record.coreGroups {
            if let held = group.heldAt { events.append(ChronologyEvent(at: held, what: .coreGroup)) }
        }
        for assessment in record.assessments {
            if let done = assessment.completedAt { events.append(ChronologyEvent(at: done, what: .assessmentCompleted)) }
        }
        if let plan = record.plan { events.append(ChronologyEvent(at: plan.createdAt, what: .carePlanMade)) }
        return events
    }

    /// The agencies working with the child: those recorded on the record, and those the
    /// record's own work shows, which nobody had to type twice. An agency that answered a
    /// request saying it is involved now, or took part in child protection work, is
    /// involved whether or not someone added it to the list.
    public static func agenciesInvolved(
        recorded: [AgencyInvolvement], requests: [InformationRequest], childProtection: ChildProtectionCase?
    ) -> [InvolvedAgency] {
        var involved = recorded.map { InvolvedAgency(involvement: $0, source: .recorded) }
        var current = Set(recorded.filter(\.isCurrent).map(\.agencyID))
        // The latest answer from each agency is what it says now.
        let answers = requests.compactMap { request in request.answer.map { (request.agencyID, $0) } }
            .sorted { $0.1.answeredAt > $1.1.answeredAt }
        var answered: Set<UUID> = []
        for (agencyID, answer) in answers where answered.insert(agencyID).inserted {
            guard answer.knowledge == .currentlyInvolved, current.insert(agencyID).inserted else { continue }
            involved.append(InvolvedAgency(
                agencyID: agencyID, namedWorker: answer.namedWorker,
                since: CalendarDay(answer.answeredAt, in: WorkingCalendar.londonTimeZone), source: .answeredRequest))
        }
        if let record = childProtection {
            var taking: [(UUID, Date, String)] = []
            for discussion in record.discussions {
                guard let held = discussion.heldAt else { continue }
                taking += discussion.invitees.filter { $0.attended != false }.map { ($0.agencyID, held, $0.name) }
            }
            for meeting in record.meetings {
                guard let held = meeting.heldAt else { continue }
                taking += meeting.invitees.filter { $0.attended != false }.map { ($0.agencyID, held, $0.name) }
            }
            for group in record.coreGroups {
                guard let held = group.heldAt else { continue }
                taking += group.members.filter { $0.attended != false }.map { ($0.agencyID, held, $0.name) }
            }
            for (agencyID, at, name) in taking.sorted(by: { $0.1 < $1.1 }) where current.insert(agencyID).inserted {
                involved.append(InvolvedAgency(
                    agencyID: agencyID, namedWorker: name, since: CalendarDay(at, in: WorkingCalendar.londonTimeZone),
                    source: .childProtection))
            }
        }
        return involved
    }
}

/// An agency on the child's "Agencies involved" list, and how the record knows.
public struct InvolvedAgency: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        case recorded
        case answeredRequest = "answered_request"
        case childProtection = "child_protection"
    }
    public var agencyID: UUID
    /// Nil when the work shows the agency is involved but not in what role.
    public var involvement: InvolvementKind?
    public var namedWorker: String
    public var since: CalendarDay?
    public var isCurrent: Bool
    public var source: Source

    public init(involvement: AgencyInvolvement, source: Source) {
        agencyID = involvement.agencyID
        self.involvement = involvement.involvement
        namedWorker = involvement.namedWorker
        since = involvement.since
        isCurrent = involvement.isCurrent
        self.source = source
    }

    public init(agencyID: UUID, namedWorker: String, since: CalendarDay?, source: Source) {
        self.agencyID = agencyID
        involvement = nil
        self.namedWorker = namedWorker
        self.since = since
        isCurrent = true
        self.source = source
    }
}
