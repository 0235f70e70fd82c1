import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// One request for information as the hub and the answering agency see it.
struct RequestLine: Encodable, Sendable {
    var href: String
    var agencyName: String
    var requested: String
    var due: String
    var statusKey: String
    var isOverdue: Bool
    var chaseCount: Int
    var question: String
    var knowledgeKey: String?
    var whatIsKnown: String
    var knownRisks: String
    var lastContact: String
    var namedWorker: String
    var notes: String
    var answeredBy: String
    var answered: String

    init(_ item: InformationRequest, agencyName: String, names: [UUID: String], now: Date, language: Language) {
        href = "/requests/\(item.id.uuidString.lowercased())"
        self.agencyName = agencyName
        requested = DateWording.dateTime(item.requestedAt, language)
        due = DateWording.dateTime(item.dueAt, language)
        let status = item.status(at: now)
        statusKey = status.key
        isOverdue = status == .overdue || status == .answeredLate
        chaseCount = item.chaseCount
        question = item.question
        knowledgeKey = item.answer?.knowledge.key
        whatIsKnown = item.answer?.whatIsKnown ?? ""
        knownRisks = item.answer?.knownRisks ?? ""
        lastContact = item.answer?.lastContact.map { DateWording.date($0, language) } ?? ""
        namedWorker = item.answer?.namedWorker ?? ""
        notes = item.answer?.notes ?? ""
        answeredBy = item.answer.map { names[$0.answeredBy] ?? "" } ?? ""
        answered = item.answer.map { DateWording.dateTime($0.answeredAt, language) } ?? ""
    }
}

/// An agency a request can be sent to, ticked when the child's record suggests it.
struct AgencyChoice: Encodable, Sendable {
    var value: String
    var name: String
    var isSuggested: Bool
}

/// What the answering agency may see of the referral: enough to find the child and
/// family in its own records, not the referrer's whole account.
struct RequestSubject: Encodable, Sendable {
    var reference: String
    var childName: String
    var aliases: String
    var dateOfBirth: String
    var address: String
    var postcode: String
    var nhsNumber: String
    var household: [String]

    init(_ referral: Referral, language: Language) {
        let child = referral.form.child
        reference = referral.reference ?? ""
        childName = child.fullName
        aliases = child.aliases
        dateOfBirth = child.dateOfBirth.map { DateWording.date($0, language) } ?? ""
        address = child.address
        postcode = child.postcode
        nhsNumber = child.nhsNumber
        household = referral.form.household.map { member in
            [member.name, member.dateOfBirth.map { DateWording.date($0, language) } ?? ""].filter { !$0.isEmpty }
                .joined(separator: ", ")
        }
    }
}

struct RequestsInboxContext: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        var request: RequestLine
        var reference: String
        var childName: String
    }
    var agencyName: String
    var waiting: [Line]
    var answered: [Line]
    var onDutyToday: [String]
    /// False when nobody ticked for today is here, so everyone who answers is told.
    var rostered: Bool
}

struct RequestPageContext: Encodable, Sendable {
    var id: String
    var subject: RequestSubject
    var request: RequestLine
    var isAnswered: Bool
    var canAnswer: Bool
    var knowledgeChoices: [ChoiceOption]
    var values: [String: String]
    var errors: [FormErrorContext]
}

struct RotaContext: Encodable, Sendable {
    struct Person: Encodable, Sendable {
        var id: String
        var name: String
        var days: [Day]
    }
    struct Day: Encodable, Sendable {
        var weekday: Int
        var labelKey: String
        var isOnDuty: Bool
    }
    struct Away: Encodable, Sendable {
        var name: String
        var from: String
        var until: String
    }
    /// The label keys of the working week, for the table's heading.
    var weekdays: [String]
    var people: [Person]
    var absences: [Away]
    var errors: [FormErrorContext]
}
