import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

extension ChildRecordContext {
    /// What the record's own work adds to the record page: the chronology's lines and the
    /// agencies involved, both read from the referrals, the hub's decisions, the partners'
    /// answers and, for those who may read it, the child protection record.
    struct Working {
        var chronology: [ChronologyLine]
        var agencies: [AgencyRow]
        /// Each line with the event it was written from, for the API's entries.
        var events: [(event: ChronologyEvent, line: ChronologyLine)] = []
    }

    /// What the master log is narrowed to: one kind of entry, one agency's.
    struct LogFilter: Sendable {
        var kind: ChronologyEvent.Kind?
        var agencyID: UUID?
    }

    static func working(
        of summary: ChildRecordSummary, for request: Request, filter: LogFilter = LogFilter()
    ) async throws -> Working {
        let language = request.language
        let user = try request.requireUser()
        let policy = AccessPolicy()
        let agencies = try await request.agenciesByID()
        let child = summary.child
        let canScreen = policy.permits(user.actor, .screenReferrals)
        let readsChildProtection = policy.permits(user.actor, .viewChildProtection)
        // The hub and the child protection team read the practitioners' own words; other
        // readers of the record see what was done, not why.
        let readsWorking = canScreen || readsChildProtection
        let referrals = try await ReferralRepository(request.db).chronology(of: child.id).map {
            ChronologyReferral(
                id: $0.id, reference: $0.reference, kind: $0.kind, referrerAgencyID: $0.referrerAgencyID,
                submittedAt: $0.submittedAt)
        }
        let ids = referrals.map(\.id)
        let decisions = try await DecisionRepository(request.db).all(forReferrals: ids)
        let requests = try await InformationRequestRepository(request.db).forReferrals(ids)
        // One read for the child protection record, the missing episodes, the assessments,
        // the agreed levels and the flags, shared with the flags at the top of the page.
        let work = try await request.childWork(of: child.id)
        let childProtection = readsChildProtection ? work.childProtection : nil
        let chronology = ChildChronology.events(
            referrals: referrals, decisions: decisions, requests: requests, childProtection: childProtection)
        let roles = policy.effectiveRoles(of: user.actor)
        let events = ChildChronology.masterLog(
            chronology, missing: work.missingEpisodes,
            assessments: work.assessments.map { ($0, $0.score(dateOfBirth: child.dateOfBirth).level) },
            agreed: work.agreedLevels, flags: work.raisedFlags, calendar: request.application.workingCalendar)
        .filter { $0.isVisible(to: roles, readsChildProtection: readsChildProtection) }
        .filter { event in filter.kind.map { event.kind == $0 } ?? true }
        .filter { event in filter.agencyID.map { event.agencyID == $0 } ?? true }
        let lines = events.map { event in
            let (titleKey, argumentKey) = title(of: event.what)
            return ChronologyLine(
                when: DateWording.date(event.at, language),
                agencyName: event.agencyID.flatMap { agencies[$0]?.name(in: language) } ?? "",
                titleKey: titleKey, argumentKey: argumentKey, reference: event.reference,
                href: canScreen ? event.referralID.map { "/referrals/\($0.uuidString.lowercased())" } ?? "" : "",
                detail: readsWorking ? event.detail : "")
        }
        let involved = ChildChronology.agenciesInvolved(
            recorded: summary.involvements, requests: requests, childProtection: childProtection)
        let rows = involved.map { agency in
            AgencyRow(
                agencyName: agencies[agency.agencyID]?.name(in: language) ?? "",
                involvementKey: agency.involvement.map { "involvement.\($0.rawValue)" } ?? "involvement.\(agency.source.rawValue)",
                namedWorker: agency.namedWorker,
                since: agency.since.map { DateWording.date($0, language) } ?? "",
                statusKey: agency.isCurrent ? "involvement.current" : "involvement.ended")
        }
        return Working(chronology: lines, agencies: rows, events: Array(zip(events, lines)).map { ($0.0, $0.1) })
    }

    /// The catalogue key of an event's title and, where the title names a term, the term's key.
    static func title(of what: ChronologyEvent.What) -> (String, String?) {
        switch what {
        case .referralReceived(let kind): ("chronology.received", "referral.kind.\(kind.rawValue)")
        case .hubDecision(let outcome): ("chronology.decision", "decision.outcome.\(outcome.rawValue)")
        case .signOff(let agreed): (agreed ? "chronology.sign_off.agreed" : "chronology.sign_off.returned", nil)
        case .informationShared(let knowledge): ("chronology.information", knowledge.key)
        case .strategyDiscussion(let outcome):
            ("chronology.strategy_discussion", outcome.map { "cp.strategy_outcome.\($0.rawValue)" } ?? "chronology.no_outcome")
        case .strategyMeeting(let outcome):
            ("chronology.strategy_meeting", outcome.map { "cp.strategy_outcome.\($0.rawValue)" } ?? "chronology.no_outcome")
        case .enquiryStarted: ("chronology.enquiry_started", nil)
        case .enquiryConcluded(let outcome): ("chronology.enquiry_concluded", "cp.enquiry_outcome.\(outcome.rawValue)")
        case .conference(let kind): ("chronology.conference", "cp.conference.\(kind.rawValue)")
        case .registered: ("chronology.registered", nil)
        case .deregistered: ("chronology.deregistered", nil)
        case .coreGroup: ("chronology.core_group", nil)
        case .assessmentCompleted: ("chronology.assessment_completed", nil)
        case .carePlanMade: ("chronology.care_plan_made", nil)
        case .missingReported(let grade): ("chronology.missing_reported", "missing.grade.\(grade.rawValue)")
        case .missingLocated: ("chronology.missing_located", nil)
        case .returnInterview(let outcome): ("chronology.return_interview", "missing.interview.outcome.\(outcome.rawValue)")
        case .exploitationAssessed(let level): ("chronology.exploitation_assessed", "exploitation.level.\(level.rawValue)")
        case .exploitationLevelAgreed(let level): ("chronology.exploitation_agreed", "exploitation.level.\(level.rawValue)")
        case .flagRaised(let kind): ("chronology.flag_raised", "flag.\(kind.rawValue)")
        case .flagEnded(let kind): ("chronology.flag_ended", "flag.\(kind.rawValue)")
        }
    }
}
