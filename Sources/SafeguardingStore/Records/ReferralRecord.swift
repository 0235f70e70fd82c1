import FluentKit
import Foundation
import Safeguarding

// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class ReferralRecord: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "reference") var reference: String?
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @Field(key: "referrer_user_id") var referrerUserID: UUID
    @Field(key: "referrer_agency_id") var referrerAgencyID: UUID
    @OptionalField(key: "child_id") var childID: UUID?
    /// The child's name as the referrer wrote it, for the queue without reading the form.
    @Field(key: "child_name") var childName: String
    @Field(key: "child_search_name") var childSearchName: String
    @OptionalField(key: "child_date_of_birth") var childDateOfBirth: String?
    @OptionalField(key: "child_nhs_number") var childNHSNumber: String?
    @Field(key: "form") var form: String
    @Field(key: "quality_score") var qualityScore: Int
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "decision_due_at") var decisionDueAt: Date?
    @OptionalField(key: "decided_at") var decidedAt: Date?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "episode_lead_id") var episodeLeadID: UUID?
    /// ``ScreeningPriority``'s raw value, from the form: the queue sorts on it.
    @Field(key: "priority") var priority: Int
    /// What the referral is mainly about (``ReferralForm/concernType``), for the queue and for counting.
    @OptionalField(key: "concern_type") var concernType: String?

    init() {}

    init(_ referral: Referral) throws {
        id = referral.id
        try update(from: referral)
    }

    func update(from referral: Referral) throws {
        reference = referral.reference
        kind = referral.kind.rawValue
        status = referral.status.rawValue
        referrerUserID = referral.referrerUserID
        referrerAgencyID = referral.referrerAgencyID
        childID = referral.childID
        childName = referral.form.child.fullName
        childSearchName = ChildRecord.searchName(surname: referral.form.child.surname, givenName: referral.form.child.givenName)
        childDateOfBirth = referral.form.child.dateOfBirth?.iso
        childNHSNumber = (try? NHSNumber(referral.form.child.nhsNumber))?.digits
        form = String(decoding: try ReferralRecord.encoder.encode(referral.form), as: UTF8.self)
        qualityScore = referral.qualityScore
        createdAt = referral.createdAt
        updatedAt = referral.updatedAt
        submittedAt = referral.submittedAt
        decisionDueAt = referral.decisionDueAt
        decidedAt = referral.decidedAt
        outcome = referral.outcome?.rawValue
        episodeLeadID = referral.episodeLeadID
        priority = referral.form.screeningPriority.rawValue
        concernType = referral.form.concernType
    }

    func referral() throws -> Referral {
        Referral(
            id: id!, reference: reference, status: ReferralStatus(rawValue: status) ?? .draft,
            referrerUserID: referrerUserID, referrerAgencyID: referrerAgencyID, childID: childID,
            form: try ReferralRecord.decoder.decode(ReferralForm.self, from: Data(form.utf8)), qualityScore: qualityScore,
            createdAt: createdAt, updatedAt: updatedAt, submittedAt: submittedAt, decisionDueAt: decisionDueAt,
            decidedAt: decidedAt, outcome: outcome.flatMap(DecisionOutcome.init(rawValue:)), episodeLeadID: episodeLeadID)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
