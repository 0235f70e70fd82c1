import Foundation
import Safeguarding

extension ReferralSection {
    /// Reads this page's answers onto the draft. Blank answers are allowed in a draft
    /// (submission asks for what is missing); answers that cannot be right (a date that
    /// does not exist, a date of birth in the future, an identifier that fails its check,
    /// an option that is not offered, text too long) are errors now.
    func apply(_ fields: inout FieldReader, to draft: ReferralForm) -> ReferralForm {
        var form = draft
        let today = CalendarDay(Date(), in: WorkingCalendar.londonTimeZone)
        func answer(_ name: String, _ max: Int = 500) -> String { fields.text(name, required: false, maxLength: max) ?? "" }
        func long(_ name: String) -> String { answer(name, 10_000) }
        switch self {
        case .child:
            form.child.givenName = answer("child.given_name", 100)
            form.child.surname = answer("child.surname", 100)
            form.child.aliases = answer("child.aliases")
            form.child.dateOfBirth = fields.date("child.date_of_birth", required: false, notAfter: today)
            form.child.expectedDateOfDelivery = fields.date("child.expected_date_of_delivery", required: false)
            form.child.sex = fields.choice("child.sex", as: Sex.self, required: false)
            form.child.address = answer("child.address", 1_000)
            form.child.postcode = answer("child.postcode", 10)
            form.child.previousAddresses = long("child.previous_addresses")
            form.child.nhsNumber = answer("child.nhs_number", 20)
            form.child.uniquePupilNumber = answer("child.upn", 20)
            form.child.ethnicity = answer("child.ethnicity")
            form.child.firstLanguage = answer("child.first_language")
            form.child.religion = answer("child.religion")
            form.child.communicationNeeds = long("child.communication_needs")
            form.child.additionalNeeds = long("child.additional_needs")
            form.child.schoolAndAttendance = long("child.school_and_attendance")
            // Caught here, beside the field, rather than only when the form is sent.
            for problem in form.child.identifierProblems { fields.note(problem.field, problem.problem) }
            form.child.writeIdentifiersOut()
        case .household:
            var members: [HouseholdMember] = []
            for row in 0..<Self.householdRows {
                let name = answer("household.\(row).name", 200)
                let relationship = fields.choice("household.\(row).relationship", as: Relationship.self, required: false)
                let born = fields.date("household.\(row).date_of_birth", required: false, notAfter: today)
                let holdsPR = fields.flag("household.\(row).holds_parental_responsibility") ?? false
                let livesWith = fields.flag("household.\(row).lives_with_child") ?? false
                // A row with no name is an unused row of the page, not a member.
                guard !name.isEmpty else { continue }
                // Who they are to the child is the referrer's answer, never the list's first entry.
                if relationship == nil { fields.note("household.\(row).relationship", .missing) }
                members.append(HouseholdMember(
                    name: name, relationship: relationship ?? .other, dateOfBirth: born,
                    holdsParentalResponsibility: holdsPR, livesWithChild: livesWith))
            }
            form.household = members
            form.noOtherHouseholdMembers = fields.flag("no_other_household_members") ?? false
            form.parentalResponsibility = long("parental_responsibility")
            form.significantOthers = long("significant_others")
        case .concern:
            form.concern.categories = fields.choices("concern.categories", as: ConcernCategory.self, required: false) ?? []
            form.concern.description = long("concern.description")
            form.concern.childsOwnWords = long("concern.childs_own_words")
            form.concern.immediateProtection = long("concern.immediate_protection")
            form.concern.actionAlreadyTaken = long("concern.action_already_taken")
            form.concern.sourceOfInformation = long("concern.source_of_information")
            form.concern.adverseChildhoodExperiences =
                fields.choices("concern.adverse_childhood_experiences", as: AdverseChildhoodExperience.self, required: false) ?? []
        case .family:
            form.familyLanguage = fields.choice("family_language", as: FamilyLanguage.self, required: false)
            form.familyInformed = fields.flag("family_informed")
            let status = answer("consent", 20)
            let reason = long("consent_reason")
            do { form.consent = try ReferralConsent(status: status, reason: reason) } catch {
                fields.note("consent", .notOneOf(Array(ReferralConsent.statuses.dropFirst())))
            }
            form.agenciesInvolved = long("agencies_involved")
            form.referrerPhone = answer("referrer_phone", 40)
        case .police:
            var notice = form.policeNotice ?? PoliceNoticeDetails()
            notice.occurrenceNumber = answer("ppn.occurrence_number", 60)
            notice.noticeType = fields.choice("ppn.notice_type", as: PoliceNoticeType.self, required: false)
            notice.domesticAbuseRisk = fields.choice("ppn.domestic_abuse_risk", as: RiskLevel.self, required: false)
            let incident = answer("ppn.incident_at", 20)
            notice.incidentAt = incident.isEmpty ? nil : Self.parseLocalDateTime(incident)
            if !incident.isEmpty, notice.incidentAt == nil { fields.note("ppn.incident_at", .notADate) }
            notice.incidentLocation = long("ppn.incident_location")
            notice.supervisorName = answer("ppn.supervisor_name", 200)
            notice.supervisorReviewed = fields.flag("ppn.supervisor_reviewed") ?? false
            notice.childPresent = fields.flag("ppn.child_present") ?? false
            notice.childWitnessed = fields.flag("ppn.child_witnessed") ?? false
            notice.demeanour = long("ppn.demeanour")
            notice.appearance = long("ppn.appearance")
            notice.homeConditions = long("ppn.home_conditions")
            notice.officerRiskGrade = fields.choice("ppn.officer_risk_grade", as: RiskLevel.self, required: false)
            notice.riskRationale = long("ppn.risk_rationale")
            notice.immediateActions = fields.choices("ppn.immediate_actions", as: ImmediatePoliceAction.self, required: false) ?? []
            notice.maracReferral = fields.flag("ppn.marac_referral") ?? false
            notice.mappaNominal = fields.flag("ppn.mappa_nominal") ?? false
            notice.operationEncompassSent = fields.flag("ppn.operation_encompass_sent") ?? false
            notice.custodyHealthcareView = long("ppn.custody_healthcare_view")
            form.policeNotice = notice
        }
        return form
    }

    static func parseLocalDateTime(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.timeZone = WorkingCalendar.londonTimeZone
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.date(from: text)
    }
}
