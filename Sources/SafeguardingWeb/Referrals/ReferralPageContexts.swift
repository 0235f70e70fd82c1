import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// One page of the referral form.
struct ReferralSectionContext: Encodable, Sendable {
    struct Step: Encodable, Sendable {
        var href: String
        var titleKey: String
        var isCurrent: Bool
    }
    var id: String
    var kindKey: String
    var section: String
    var titleKey: String
    var fields: [FormField]
    var steps: [Step]
    var errors: [FormErrorContext]
    var qualityScore: Int
}

/// A row of "check your answers", or of a referral's summary.
struct AnswerRow: Encodable, Sendable {
    var labelKey: String
    var value: String
    var valueKeys: [String]
}

/// A section of answers with the link to change them.
struct AnswerSection: Encodable, Sendable {
    var titleKey: String
    var changeHref: String?
    var rows: [AnswerRow]
}

enum ReferralAnswers {
    /// The form's answers, section by section, as "check your answers" shows them.
    static func sections(of referral: Referral, language: Language, editable: Bool) -> [AnswerSection] {
        let id = referral.id.uuidString.lowercased()
        return ReferralSection.sections(for: referral.kind).map { section in
            var rows: [AnswerRow] = []
            var householdRows: [String: [FormField]] = [:]
            for field in section.fields(for: referral.form) {
                if let group = field.group {
                    householdRows[group, default: []].append(field)
                    continue
                }
                rows.append(row(field, language: language))
            }
            var memberRows: [AnswerRow] = []
            for group in householdRows.keys.sorted() {
                let fields = householdRows[group]!
                guard let name = fields.first?.value, !name.isEmpty else { continue }
                let relationship = fields[1].options.first(where: \.isSelected)?.labelKey
                let born = fields[2].value.isEmpty ? "" : CalendarDay(iso8601: fields[2].value).map { DateWording.date($0, language) } ?? ""
                var keys = relationship.map { [$0] } ?? []
                if fields[3].value == "true" { keys.append("referral.answer.holds_pr") }
                if fields[4].value != "true" { keys.append("referral.answer.lives_elsewhere") }
                memberRows.append(AnswerRow(labelKey: "referral.answer.household_member", value: [name, born].filter { !$0.isEmpty }
                    .joined(separator: ", "), valueKeys: keys))
            }
            rows = memberRows + rows
            return AnswerSection(
                titleKey: section.titleKey, changeHref: editable ? "/referrals/\(id)/section/\(section.rawValue)" : nil, rows: rows)
        }
    }

    static func row(_ field: FormField, language: Language) -> AnswerRow {
        switch field.kind {
        case .radios, .select, .checkboxes:
            let chosen = field.options.filter(\.isSelected).map(\.labelKey).filter { !$0.hasSuffix(".") }
            return AnswerRow(labelKey: field.labelKey, value: "", valueKeys: chosen.isEmpty ? ["value.not_answered"] : chosen)
        case .flag:
            // Each question has its own answers: Welsh answers with the question's verb and
            // tense ("Roedd y plentyn yn bresennol: Oedd", never "Ydy"; welsh.md R3).
            return AnswerRow(labelKey: field.labelKey, value: "", valueKeys: [field.labelKey + (field.value == "true" ? ".yes" : ".no")])
        case .date:
            let text = CalendarDay(iso8601: field.value).map { DateWording.date($0, language) } ?? ""
            return AnswerRow(labelKey: field.labelKey, value: text, valueKeys: text.isEmpty ? ["value.not_answered"] : [])
        case .dateTime:
            let text = ReferralSection.parseLocalDateTime(field.value).map { DateWording.dateTime($0, language) } ?? ""
            return AnswerRow(labelKey: field.labelKey, value: text, valueKeys: text.isEmpty ? ["value.not_answered"] : [])
        case .text, .textarea:
            return AnswerRow(labelKey: field.labelKey, value: field.value, valueKeys: field.value.isEmpty ? ["value.not_answered"] : [])
        }
    }
}

/// "Check your answers" with the quality score and what would raise it.
struct ReferralCheckContext: Encodable, Sendable {
    struct Problem: Encodable, Sendable {
        var href: String
        var message: String
    }
    var id: String
    var kindKey: String
    var sections: [AnswerSection]
    var qualityScore: Int
    var improvementKeys: [String]
    var problems: [Problem]
    var errors: [FormErrorContext]
}

/// The answers of a referral page's forms as they were sent, shown again with the refusal.
struct TypedAnswers: Encodable, Sendable {
    var reasons = ""
    var agenciesDisagree = false
    var agreed = ""
    var signOffReason = ""
    var addition = ""

    init() {}

    init(_ form: SubmittedForm) {
        reasons = form.values("reasons").last ?? ""
        agenciesDisagree = form.values("agencies_disagree").last == "true"
        agreed = form.values("agreed").last ?? ""
        signOffReason = form.values("sign_off_reason").last ?? ""
        addition = form.values("text").last ?? ""
    }
}

/// A referral's own page: confirmation and outcome for its referrer, screening for the hub.
struct ReferralPageContext: Encodable, Sendable {
    struct Earlier: Encodable, Sendable {
        var href: String
        var reference: String
        var received: String
        var outcomeKey: String
    }
    struct DecisionLine: Encodable, Sendable {
        var outcomeKey: String
        var reasons: String
        var decidedBy: String
        var decidedAt: String
        var signOffReasonKeys: [String]
        var signOff: String?
        var signOffAgreed: Bool
    }
    struct Addition: Encodable, Sendable {
        var by: String
        var at: String
        var text: String
    }
    /// One of the hub's actions, listed at the top of the referral.
    struct ActionLink: Encodable, Sendable {
        var href: String
        var labelKey: String
    }
    var id: String
    var reference: String
    var kindKey: String
    var statusKey: String
    var childName: String
    var childHref: String?
    var submitted: String
    var deadline: String
    var isOverdue: Bool
    var qualityScore: Int
    var feedbackKey: String?
    var isHub: Bool
    var isReReferral: Bool
    var isThirdReferral: Bool
    var sections: [AnswerSection]
    var earlier: [Earlier]
    var decisions: [DecisionLine]
    var additions: [Addition]
    var canDecide: Bool
    var canSignOff: Bool
    var outcomes: [ChoiceOption]
    var justSubmitted: Bool
    var errors: [FormErrorContext]
    /// What was typed into the page's forms when one came back refused, so nothing the
    /// hub wrote is lost: the decision's reasons, the sign-off and the addition.
    var typed: TypedAnswers
    var candidates: [CandidateLine]
    var showMatching: Bool
    /// A record the reader may not open may be the child: said, with nothing of it.
    var restrictedMayMatch: Bool
    var episode: [Earlier]
    var isDuplicateNotice: Bool
    /// Requests for information to partner agencies, with their answers (F7).
    var requests: [RequestLine] = []
    var requestAgencies: [AgencyChoice] = []
    var canRequest = false
    /// Whether any agency is ticked for the hub: the hint says why, or that none could be.
    var anySuggested = false
    var actions: [ActionLink] = []
}

/// A record that may be the referred child, on the screening page.
struct CandidateLine: Encodable, Sendable {
    var childID: String
    var href: String
    var name: String
    var dateOfBirth: String
    var postcode: String
    var isRestricted: Bool
    var likelihood: String
    /// What speaks for the same child, and, apart, what speaks against: a different
    /// surname is said beside the figure, never lost in a list of agreements.
    var reasonKeys: [String]
    var againstKeys: [String]

    /// The matcher's probability as a whole percentage a person can weigh. It never
    /// says 100% or 0%: no comparison of records is certain, and a child who changed
    /// surname may share an NHS number with a record and still need a look.
    static func percent(_ probability: Double) -> Int {
        min(99, max(1, Int((probability * 100).rounded(.down))))
    }
}

/// The hub queue.
struct HubQueueContext: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var href: String
        var reference: String
        var kindKey: String
        var childName: String
        var dateOfBirth: String
        var agencyName: String
        var received: String
        var deadline: String
        var statusKey: String
        var isOverdue: Bool
        var awaitingSignOff: Bool
        var qualityScore: Int
        var linkedNotices: Int
        var priority: ScreeningPriority = .routine
        /// The catalogue key of what the referral is about; nil when the form named nothing.
        var concernTypeKey: String? = nil
    }
    /// The rows, rendered by `HubQueueRows`; empty when nothing is waiting.
    var rowsHTML: String
    var waitingCount: Int
    var overdueCount: Int
    var nextHref: String?
    var previousHref: String?
}

/// A referrer's own referrals.
struct MyReferralsContext: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var href: String
        var reference: String
        var kindKey: String
        var childName: String
        var statusKey: String
        var feedbackKey: String?
        var updated: String
    }
    var lines: [Line]
    var canSendPoliceNotice: Bool
}
