import Foundation
import Safeguarding

/// One page of a child's child protection record, reached from the summary of what is
/// due (`/children/:childID/child-protection/<step>`). Each step of the process has its
/// own page so that a worker sees one step and its forms, not the whole process at once.
enum ChildProtectionStepPage: String, CaseIterable, Sendable, Encodable {
    case strategyDiscussion = "strategy-discussion"
    case strategyMeeting = "strategy-meeting"
    case enquiry = "section-47-enquiry"
    case conference
    case register
    case coreGroup = "core-group"
    case assessment
    case plan = "care-and-support-plan"
    case visits

    /// The step's name, as its page's heading and its line in the summary.
    var titleKey: String {
        switch self {
        case .strategyDiscussion: "cp.discussion.title"
        case .strategyMeeting: "cp.meeting.title"
        case .enquiry: "cp.enquiries"
        case .conference: "cp.conferences"
        case .register: "cp.register"
        case .coreGroup: "cp.core_groups"
        case .assessment: "cp.assessments"
        case .plan: "cp.plan"
        case .visits: "cp.visits"
        }
    }

    /// The browser's title: the step and the child's name.
    var pageTitleKey: String { "cp.step.title.\(rawValue)" }

    var template: String { "child-protection-\(rawValue)" }

    func href(child childID: String) -> String { "/children/\(childID)/child-protection/\(rawValue)" }

    /// The page a clock of the team queue is shown on, when its kind says; an agreed
    /// action or a first conference still waiting on its enquiry may be on more than one.
    static func page(of kind: ClockKind) -> ChildProtectionStepPage? {
        switch kind {
        case .strategyDiscussion: .strategyDiscussion
        case .strategyMeeting, .minutes: .strategyMeeting
        case .action, .initialConference: nil
        case .reviewConference, .outlinePlan, .conferenceRecord: .conference
        case .coreGroup: .coreGroup
        case .childSeenAlone, .childSeenAtHome: .visits
        case .assessment: .assessment
        case .planReview, .writtenAgreementReview: .plan
        }
    }

    /// The page holding each record of the child's case, by the record's id, so a clock
    /// or a refused form leads to the page its record is on.
    static func pages(of record: ChildProtectionCase) -> [UUID: ChildProtectionStepPage] {
        var pages: [UUID: ChildProtectionStepPage] = [:]
        for discussion in record.discussions {
            pages[discussion.id] = .strategyDiscussion
            for action in discussion.actions { pages[action.id] = .strategyDiscussion }
        }
        for meeting in record.meetings {
            pages[meeting.id] = .strategyMeeting
            for action in meeting.actions { pages[action.id] = .strategyMeeting }
        }
        for enquiry in record.enquiries { pages[enquiry.id] = .enquiry }
        for conference in record.conferences { pages[conference.id] = .conference }
        for entry in record.register { pages[entry.id] = .visits }
        for meeting in record.coreGroups { pages[meeting.id] = .coreGroup }
        for assessment in record.assessments { pages[assessment.id] = .assessment }
        if let plan = record.plan {
            pages[plan.id] = .plan
            for outcome in plan.outcomes { pages[outcome.id] = .plan }
            for action in plan.actions { pages[action.id] = .plan }
        }
        return pages
    }
}
