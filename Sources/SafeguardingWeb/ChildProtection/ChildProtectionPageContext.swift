import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// What the child protection pages show of one child's record: the summary (the stage,
/// what is due, the steps so far) and each step's page with its forms. When a form is
/// refused, its step's page comes back with its errors and with what was typed in that
/// form (`typed`), so nothing is lost.
struct ChildProtectionPageContext: Encodable, Sendable {
    struct Option: Encodable, Sendable {
        var value: String
        var label: String
        var labelKey: String
    }

    struct Typed: Encodable, Sendable {
        var values: [String: String]
        func callAsFunction(_ name: String) -> String { values[name] ?? "" }
    }

    struct ClockLine: Encodable, Sendable {
        var kindKey: String
        var deadline: String
        var isOverdue: Bool
        var href: String
        var childName: String
    }

    struct InviteeLine: Encodable, Sendable {
        var id: String
        var agencyName: String
        var name: String
        var attendedKey: String
        var suggested: Bool
    }

    struct ActionLine: Encodable, Sendable {
        var id: String
        var isOpen: Bool
        var canComplete: Bool
        var description: String
        var owner: String
        var due: String
        var isOverdue: Bool
    }

    struct InformationLine: Encodable, Sendable {
        var agencyName: String
        var summary: String
    }

    struct StrategyLine: Encodable, Sendable {
        var id: String
        var formID: String
        var isMeeting: Bool
        var due: String
        var isOverdue: Bool
        var immediateRisk: Bool
        var held: String
        var outcomeKey: String?
        var invitees: [InviteeLine]
        var information: [InformationLine]
        var actions: [ActionLine]
        var minutesDue: String
        var minutesSent: String
        var minutesLate: Bool
        var canRecord: Bool
        var canCirculate: Bool
        var canStartEnquiry: Bool
        var heldAt: String
        var heldTime: String
        var information_text: String
        var actionDescription: String
        var actionOwner: String
        var actionDue: String
        var addedName: String
        var workers: String
        var minutesFormID: String
        var enquiryFormID: String
    }

    struct OversightLine: Encodable, Sendable {
        var kindKey: String
        var by: String
        var at: String
        var note: String
    }

    struct EnquiryLine: Encodable, Sendable {
        var id: String
        var formID: String
        var started: String
        var workers: String
        var conferenceDue: String
        var conferenceOverdue: Bool
        var oversight: [OversightLine]
        var outcomeKey: String?
        var reasons: String
        var canConclude: Bool
        var oversightFormID: String
        var note: String
        var typedReasons: String
    }

    struct ConferenceLine: Encodable, Sendable {
        var id: String
        var formID: String
        var kindKey: String
        var due: String
        var isOverdue: Bool
        var held: String
        var heldOnTime: Bool
        var decisionKey: String?
        var categoryKeys: [String]
        var reports: [String]
        var outlinePlanDue: String
        var recordDue: String
        var outlinePlanSent: String
        var recordSent: String
        var unsent: [Option]
        var sentFormID: String
        var canRecord: Bool
        var heldAt: String
        var heldTime: String
    }

    struct VisitLine: Encodable, Sendable {
        var at: String
        var seenAlone: Bool
        var atHome: Bool
        var note: String
    }

    struct RegisterLine: Encodable, Sendable {
        var id: String
        var visits: [VisitLine]
        var seenAloneDue: String
        var seenAtHomeDue: String
        var categoryKeys: [String]
        var from: String
        var until: String
        var isCurrent: Bool
    }

    struct MemberLine: Encodable, Sendable {
        var id: String
        var agencyName: String
        var roleKey: String
        var name: String
        var attendedKey: String
        var report: Bool
    }

    struct CoreGroupLine: Encodable, Sendable {
        var id: String
        var formID: String
        var due: String
        var isOverdue: Bool
        var held: String
        var members: [MemberLine]
        var canRecord: Bool
        var heldAt: String
        var heldTime: String
    }

    struct AssessmentPart: Encodable, Sendable {
        var name: String
        var labelKey: String
        var value: String
        var reason: String
    }

    struct AssessmentLine: Encodable, Sendable {
        var id: String
        var formID: String
        var started: String
        var due: String
        var isOverdue: Bool
        var completed: String
        var childSeenKey: String
        var childSeenAt: String
        var childSeenAlone: Bool
        var parts: [AssessmentPart]
        var childSeenReason: String
        var canEdit: Bool
        var seenAtValue: String
        var seenTimeValue: String
    }

    struct ScoreLine: Encodable, Sendable {
        var score: Int
        var at: String
    }

    struct OutcomeLine: Encodable, Sendable {
        var id: String
        var description: String
        var scores: [ScoreLine]
        var latest: String
        var scoreFormID: String
    }

    /// What was typed into the plan's forms when one was refused.
    struct PlanTyped: Encodable, Sendable {
        var outcomeDescription: String
        var actionDescription: String
        var actionOwner: String
        var actionDue: String
        var agreementSummary: String
        var agreementNote: String
    }

    struct PlanContext: Encodable, Sendable {
        var outcomes: [OutcomeLine]
        var actions: [ActionLine]
        var childContribution: String
        var childInvitedKey: String
        var childInvited: Bool
        var advocacyKey: String
        var reviewRequiredKey: String?
        var lastReviewed: String
        var agreement: String
        var agreementInsteadOfProcedures: Bool
        var agreementNeedsReview: Bool
        var agreementReview: String
    }

    var childID: String
    var childName: String
    var childHref: String
    var isOnRegister: Bool
    var registerCategoryKeys: [String]
    var isReRegistration: Bool
    var canWork: Bool
    var canOversee: Bool
    var errors: [FormErrorContext]
    var failed: String
    var typed: [String: String]
    var clocks: [ClockLine]
    var referrals: [Option]
    var agencies: [Option]
    var roles: [Option]
    var discussionOutcomes: [Option]
    var meetingOutcomes: [Option]
    var enquiryOutcomes: [Option]
    var categories: [Option]
    var oversightKinds: [Option]
    var reviewReasons: [Option]
    var discussions: [StrategyLine]
    var meetings: [StrategyLine]
    var enquiries: [EnquiryLine]
    var conferences: [ConferenceLine]
    var register: [RegisterLine]
    var coreGroups: [CoreGroupLine]
    var assessments: [AssessmentLine]
    var plan: PlanContext?
    var hasPlan: Bool
    var planTyped: PlanTyped
    /// The step whose page this is (its address's last part); empty on the summary.
    var step = ""
    var stepTitleKey = ""
    var summaryHref = ""
    /// The summary's: the stage reached, the steps with something on them, what may be started.
    var stageKey = ""
    /// A discussion or its meeting decided on enquiries that have not started.
    var enquiryToStart = false
    var steps: [StepLine] = []
    var startLinks: [StartLink] = []
}
