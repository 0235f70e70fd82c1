import Foundation
import Safeguarding

/// Reads the missing-episode forms from a form post or a JSON body with the same field
/// names, so the pages and the API accept exactly the same thing.
enum MissingInput {
    struct Report: Sendable {
        var reportedAt: Date
        var riskGrade: MissingRiskGrade
        var lastSeenAt: Date?
        var lastSeenWhere: String
    }

    struct Located: Sendable {
        var locatedAt: Date
        var foundWhere: String
        var foundWith: String
    }

    static func report(_ fields: inout FieldReader, calendar: WorkingCalendar) -> Report? {
        let reportedAt = fields.moment("reported_at", calendar: calendar)
        let grade = fields.choice("risk_grade", as: MissingRiskGrade.self)
        let lastSeenAt = fields.moment("last_seen_at", required: false, calendar: calendar)
        let lastSeenWhere = fields.text("last_seen_where", required: false, maxLength: 500) ?? ""
        guard let reportedAt, let grade else { return nil }
        return Report(reportedAt: reportedAt, riskGrade: grade, lastSeenAt: lastSeenAt, lastSeenWhere: lastSeenWhere)
    }

    static func located(_ fields: inout FieldReader, calendar: WorkingCalendar) -> Located? {
        let locatedAt = fields.moment("located_at", calendar: calendar)
        let foundWhere = fields.text("found_where", maxLength: 500)
        let foundWith = fields.text("found_with", required: false, maxLength: 500) ?? ""
        guard let locatedAt, let foundWhere else { return nil }
        return Located(locatedAt: locatedAt, foundWhere: foundWhere, foundWith: foundWith)
    }

    /// The return interview; the interviewer is the person recording it unless another is named.
    static func interview(_ fields: inout FieldReader, calendar: WorkingCalendar, recorder: (UUID, String)) -> ReturnInterview? {
        let offeredAt = fields.moment("offered_at", calendar: calendar)
        let outcome = fields.choice("outcome", as: ReturnInterview.Outcome.self)
        let heldAt = fields.moment("held_at", required: false, calendar: calendar)
        let byName = fields.text("by_name", required: false, maxLength: 200)
        let independent = fields.flag("independent") ?? false
        let childSaid = fields.text("child_said", required: false, maxLength: 20_000) ?? ""
        let push = fields.choices("push_factors", as: PushFactor.self, required: false) ?? []
        let pull = fields.choices("pull_factors", as: PullFactor.self, required: false) ?? []
        let indicators = fields.choices("indicators_found", as: ExploitationIndicator.self, required: false) ?? []
        guard let offeredAt, let outcome else { return nil }
        return ReturnInterview(
            offeredAt: offeredAt, outcome: outcome, at: heldAt ?? offeredAt, byUserID: byName == nil ? recorder.0 : nil,
            byName: byName ?? recorder.1, independent: independent, childSaid: childSaid, pushFactors: Set(push),
            pullFactors: Set(pull), indicatorsFound: Set(indicators))
    }

    static func profile(_ fields: inout FieldReader, childID: UUID, by userID: UUID) -> MissingProfile? {
        let description = fields.text("description", required: false, maxLength: 5_000) ?? ""
        let associates = fields.text("associates", required: false, maxLength: 5_000) ?? ""
        let places = fields.text("places_they_go", required: false, maxLength: 5_000) ?? ""
        let phones = fields.text("phones_and_accounts", required: false, maxLength: 5_000) ?? ""
        let profile = MissingProfile(
            childID: childID, description: description, associates: associates, placesTheyGo: places,
            phonesAndAccounts: phones, updatedByUserID: userID)
        if profile.isEmpty { fields.note("description", .invalid("error.missing.profile_empty")) }
        return profile.isEmpty ? nil : profile
    }
}
