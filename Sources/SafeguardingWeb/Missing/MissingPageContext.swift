import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// The missing-episodes page of a child: whether the child is missing now (with the
/// profile the police need), every episode with its return interview's clock, and the
/// forms for the next step each awaits.
struct MissingPageContext: Encodable, Sendable {
    struct Episode: Encodable, Sendable {
        var id: String
        var reported: String
        var gradeKey: String
        var lastSeen: String
        var located: String
        var foundWhere: String
        var foundWith: String
        var isMissingNow: Bool
        /// Back, and no interview offered yet: the form for it is shown.
        var awaitsInterview: Bool
        var interviewDue: String
        var interviewOverdue: Bool
        /// "offered in time", "offered late" or "not offered"; empty until decided.
        var interviewTimelinessKey: String
        var interviewOutcomeKey: String
        var interviewBy: String
        var interviewIndependent: Bool
        var interviewAt: String
        var childSaid: String
        var pushKeys: [String]
        var pullKeys: [String]
        var indicatorKeys: [String]
        var strategyMeetingDue: Bool
    }

    var childID: String
    var childName: String
    var childHref: String
    var missingSince: String
    var profile: MissingProfile?
    var profileUpdated: String
    /// For a child in care: whether the profile is ready, in words; empty when none is owed.
    var profileReadiness: String
    var profileOwed: Bool
    var episodes: [Episode]
    var openEpisodeID: String
    var interviewEpisodeID: String
    var mayReport: Bool
    var mayWork: Bool
    var grades: [FormChoice]
    var outcomes: [FormChoice]
    var pushFactors: [FormChoice]
    var pullFactors: [FormChoice]
    var indicators: [FormChoice]
    var errors: [FormErrorContext]
    /// What a refused form had in it, so nothing typed is lost.
    var values: [String: String]
    var now: String

    static func make(
        _ request: Request, _ opened: MissingDesk.Opened, failure: ValidationFailure?, form: String, submitted: SubmittedForm?
    ) -> MissingPageContext {
        let language = request.language, now = Date(), policy = AccessPolicy()
        let actor = request.signedInUser!.actor
        func when(_ date: Date?) -> String { date.map { DateWording.dateTime($0, language) } ?? "" }
        let episodes = opened.episodes.map { episode -> Episode in
            let interview = episode.returnInterview
            let timeliness: String = switch episode.returnInterviewOfferedInTime(now: now) {
            case true?: "missing.interview.in_time"
            case false?: interview == nil ? "missing.interview.not_offered" : "missing.interview.late"
            case nil: ""
            }
            return Episode(
                id: episode.id.uuidString.lowercased(), reported: when(episode.reportedAt),
                gradeKey: "missing.grade.\(episode.riskGrade.rawValue)",
                lastSeen: [when(episode.lastSeenAt), episode.lastSeenWhere].filter { !$0.isEmpty }.joined(separator: ", "),
                located: when(episode.locatedAt), foundWhere: episode.foundWhere, foundWith: episode.foundWith,
                isMissingNow: episode.isMissingNow, awaitsInterview: episode.locatedAt != nil && interview == nil,
                interviewDue: when(episode.returnInterviewDueAt),
                interviewOverdue: interview == nil && (episode.returnInterviewDueAt.map { $0 < now } ?? false),
                interviewTimelinessKey: timeliness,
                interviewOutcomeKey: interview.map { "missing.interview.outcome.\($0.outcome.rawValue)" } ?? "",
                interviewBy: interview?.byName ?? "", interviewIndependent: interview?.independent ?? false,
                interviewAt: when(interview?.at), childSaid: interview?.childSaid ?? "",
                pushKeys: (interview?.pushFactors ?? []).map { "missing.push.\($0.rawValue)" }.sorted(),
                pullKeys: (interview?.pullFactors ?? []).map { "missing.pull.\($0.rawValue)" }.sorted(),
                indicatorKeys: (interview?.indicatorsFound ?? []).map { "exploitation.indicator.\($0.rawValue)" }.sorted(),
                strategyMeetingDue: episode.strategyMeetingDue)
        }
        let values = submitted.firstValues
        func options<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ prefix: String, _ name: String) -> [FormChoice]
        where T.RawValue == String { FormChoice.all(type, prefix, chosen: submitted.chosen(name)) }
        let open = opened.episodes.first(where: \.isMissingNow)
        let awaiting = opened.episodes.first { $0.locatedAt != nil && $0.returnInterview == nil }
        let id = opened.summary.child.id.uuidString.lowercased()
        return MissingPageContext(
            childID: id, childName: opened.summary.child.fullName, childHref: "/children/\(id)",
            missingSince: when(open?.reportedAt), profile: opened.profile, profileUpdated: when(opened.profile?.updatedAt),
            profileReadiness: opened.standing.wording(request.application.catalogue, language),
            profileOwed: opened.standing.readiness.isOwed,
            episodes: episodes, openEpisodeID: open?.id.uuidString.lowercased() ?? "",
            interviewEpisodeID: awaiting?.id.uuidString.lowercased() ?? "",
            mayReport: policy.permits(actor, .reportMissing) && open == nil,
            mayWork: policy.permits(actor, .workMissingEpisodes),
            grades: options(MissingRiskGrade.self, "missing.grade", "risk_grade"),
            outcomes: options(ReturnInterview.Outcome.self, "missing.interview.outcome", "outcome"),
            pushFactors: options(PushFactor.self, "missing.push", "push_factors"),
            pullFactors: options(PullFactor.self, "missing.pull", "pull_factors"),
            indicators: options(ExploitationIndicator.self, "exploitation.indicator", "indicators_found"),
            errors: request.formErrors(failure, form: form), values: values, now: DateWording.inputValue(now))
    }
}
