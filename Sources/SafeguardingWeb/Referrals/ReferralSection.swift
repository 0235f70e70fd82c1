import Foundation
import Safeguarding

/// The pages of the referral form, one thing per page (GOV.UK pattern): who the child
/// is, who they live with, the concern, the family's wishes, and for the police the
/// incident. Each section knows its questions and how to read its answers back.
enum ReferralSection: String, CaseIterable, Sendable {
    case child, household, concern, family, police

    static let householdRows = 6

    static func sections(for kind: ReferralKind) -> [ReferralSection] {
        kind == .policeProtectionNotice ? allCases : allCases.filter { $0 != .police }
    }

    func next(for kind: ReferralKind) -> ReferralSection? {
        let all = Self.sections(for: kind)
        guard let index = all.firstIndex(of: self), index + 1 < all.count else { return nil }
        return all[index + 1]
    }

    var titleKey: String { "referral.section.\(rawValue)" }

    /// The page that asks for a field, from the field's name: `child.…`, `household…`,
    /// `concern.…`, `ppn.…`; everything else is on the family page.
    init(askingFor field: String) {
        switch field.split(separator: ".").first.map(String.init) ?? field {
        case "child": self = .child
        case "household", "no_other_household_members", "parental_responsibility", "significant_others": self = .household
        case "concern": self = .concern
        case "ppn": self = .police
        default: self = .family
        }
    }

    // MARK: Questions

    func fields(for form: ReferralForm) -> [FormField] {
        switch self {
        case .child:
            let child = form.child
            return [
                FormField(.text, "child.given_name", value: child.givenName),
                FormField(.text, "child.surname", value: child.surname),
                FormField(.text, "child.aliases", value: child.aliases, hint: true),
                FormField(.date, "child.date_of_birth", value: child.dateOfBirth?.iso ?? "", hint: true),
                FormField(.date, "child.expected_date_of_delivery", value: child.expectedDateOfDelivery?.iso ?? "", hint: true),
                FormField(.radios, "child.sex", options: FormField.options(Sex.self, prefix: "sex", selected: [child.sex?.rawValue ?? ""])),
                FormField(.textarea, "child.address", value: child.address),
                FormField(.text, "child.postcode", value: child.postcode),
                FormField(.textarea, "child.previous_addresses", value: child.previousAddresses),
                FormField(.text, "child.nhs_number", value: child.nhsNumber, hint: true),
                FormField(.text, "child.upn", value: child.uniquePupilNumber, hint: true),
                FormField(.text, "child.ethnicity", value: child.ethnicity),
                FormField(.text, "child.first_language", value: child.firstLanguage),
                FormField(.text, "child.religion", value: child.religion),
                FormField(.textarea, "child.communication_needs", value: child.communicationNeeds, hint: true),
                FormField(.textarea, "child.additional_needs", value: child.additionalNeeds),
                FormField(.textarea, "child.school_and_attendance", value: child.schoolAndAttendance, hint: true),
            ]
        case .household:
            var fields: [FormField] = []
            for row in 0..<Self.householdRows {
                let member = row < form.household.count ? form.household[row] : nil
                let group = "household.\(row)"
                var rowFields: [FormField] = [
                    FormField(.text, "household.\(row).name", value: member?.name ?? "", group: group),
                    FormField(.select, "household.\(row).relationship", options: [
                        .init(value: "", labelKey: "value.choose", isSelected: member == nil)
                    ] + FormField.options(Relationship.self, prefix: "relationship", selected: [member?.relationship.rawValue ?? ""]),
                        group: group),
                    FormField(.date, "household.\(row).date_of_birth", value: member?.dateOfBirth?.iso ?? "", group: group),
                    FormField(.flag, "household.\(row).holds_parental_responsibility",
                        value: member?.holdsParentalResponsibility == true ? "true" : "", group: group),
                    FormField(.flag, "household.\(row).lives_with_child",
                        value: member?.livesWithChild == true ? "true" : "", group: group),
                ]
                rowFields[0].opensGroup = true
                rowFields[rowFields.count - 1].closesGroup = true
                fields += rowFields
            }
            return fields + [
                FormField(.flag, "no_other_household_members", value: form.noOtherHouseholdMembers ? "true" : ""),
                FormField(.textarea, "parental_responsibility", value: form.parentalResponsibility, hint: true),
                FormField(.textarea, "significant_others", value: form.significantOthers, hint: true),
            ]
        case .concern:
            let concern = form.concern
            return [
                FormField(.checkboxes, "concern.categories", options: FormField.options(
                    ConcernCategory.self, prefix: "concern.category", selected: Set(concern.categories.map(\.rawValue)))),
                FormField(.textarea, "concern.description", value: concern.description, hint: true),
                FormField(.textarea, "concern.childs_own_words", value: concern.childsOwnWords, hint: true),
                FormField(.textarea, "concern.immediate_protection", value: concern.immediateProtection, hint: true),
                FormField(.textarea, "concern.action_already_taken", value: concern.actionAlreadyTaken),
                FormField(.textarea, "concern.source_of_information", value: concern.sourceOfInformation, hint: true),
                FormField(.checkboxes, "concern.adverse_childhood_experiences", options: FormField.options(
                    AdverseChildhoodExperience.self, prefix: "ace",
                    selected: Set(concern.adverseChildhoodExperiences.map(\.rawValue)))),
            ]
        case .family:
            var consentReason = ""
            if case .notSought(let reason) = form.consent { consentReason = reason }
            return [
                FormField(.radios, "family_language", hint: true, options: FormField.options(
                    FamilyLanguage.self, prefix: "family_language", selected: [form.familyLanguage?.rawValue ?? ""])),
                FormField(.radios, "family_informed", options: [
                    .init(value: "true", labelKey: "value.yes", isSelected: form.familyInformed == true),
                    .init(value: "false", labelKey: "value.no", isSelected: form.familyInformed == false),
                ]),
                FormField(.radios, "consent", options: ReferralConsent.statuses.dropFirst().map {
                    .init(value: $0, labelKey: "consent.\($0)", isSelected: form.consent.status == $0)
                }),
                FormField(.textarea, "consent_reason", value: consentReason, hint: true),
                FormField(.textarea, "agencies_involved", value: form.agenciesInvolved, hint: true),
                FormField(.text, "referrer_phone", value: form.referrerPhone),
            ]
        case .police:
            let notice = form.policeNotice ?? PoliceNoticeDetails()
            return [
                FormField(.text, "ppn.occurrence_number", value: notice.occurrenceNumber),
                FormField(.select, "ppn.notice_type", options: [
                    .init(value: "", labelKey: "value.choose", isSelected: notice.noticeType == nil)
                ] + FormField.options(PoliceNoticeType.self, prefix: "ppn.type", selected: [notice.noticeType?.rawValue ?? ""])),
                FormField(.select, "ppn.domestic_abuse_risk", hint: true, options: [
                    .init(value: "", labelKey: "value.not_applicable", isSelected: notice.domesticAbuseRisk == nil)
                ] + FormField.options(RiskLevel.self, prefix: "risk", selected: [notice.domesticAbuseRisk?.rawValue ?? "-"])),
                FormField(.dateTime, "ppn.incident_at", value: notice.incidentAt.map(Self.localDateTime) ?? ""),
                FormField(.textarea, "ppn.incident_location", value: notice.incidentLocation),
                FormField(.text, "ppn.supervisor_name", value: notice.supervisorName),
                FormField(.flag, "ppn.supervisor_reviewed", value: notice.supervisorReviewed ? "true" : ""),
                FormField(.flag, "ppn.child_present", value: notice.childPresent ? "true" : ""),
                FormField(.flag, "ppn.child_witnessed", value: notice.childWitnessed ? "true" : ""),
                FormField(.textarea, "ppn.demeanour", value: notice.demeanour, hint: true),
                FormField(.textarea, "ppn.appearance", value: notice.appearance),
                FormField(.textarea, "ppn.home_conditions", value: notice.homeConditions),
                FormField(.radios, "ppn.officer_risk_grade", options: FormField.options(
                    RiskLevel.self, prefix: "risk", selected: [notice.officerRiskGrade?.rawValue ?? "-"])),
                FormField(.textarea, "ppn.risk_rationale", value: notice.riskRationale),
                FormField(.checkboxes, "ppn.immediate_actions", options: FormField.options(
                    ImmediatePoliceAction.self, prefix: "ppn.action", selected: Set(notice.immediateActions.map(\.rawValue)))),
                FormField(.flag, "ppn.marac_referral", value: notice.maracReferral ? "true" : ""),
                FormField(.flag, "ppn.mappa_nominal", value: notice.mappaNominal ? "true" : ""),
                FormField(.flag, "ppn.operation_encompass_sent", value: notice.operationEncompassSent ? "true" : ""),
                FormField(.textarea, "ppn.custody_healthcare_view", value: notice.custodyHealthcareView, hint: true),
            ]
        }
    }

    static func localDateTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = WorkingCalendar.londonTimeZone
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }
}
