import Foundation

extension ReferralForm {
    /// The oldest a child can be: Diogelu is for children, and an 18-year-old is an adult.
    public static let adulthoodAge = 18

    /// What must be put right before the form can be submitted to the hub: essentials
    /// that are missing, identifiers that fail their checks, dates that cannot be right.
    /// Field names are the form's own, so each problem can be shown beside its field.
    public func submissionProblems(agency: ReferringAgency, today: CalendarDay) -> [FieldError] {
        var problems: [FieldError] = []
        func require(_ text: String, _ field: String) {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append(FieldError(field, .missing)) }
        }
        require(child.givenName, "child.given_name")
        require(child.surname, "child.surname")
        switch (child.dateOfBirth, child.expectedDateOfDelivery) {
        case (nil, nil):
            problems.append(FieldError("child.date_of_birth", .missing))
        case (let born?, _):
            if born > today {
                problems.append(FieldError("child.date_of_birth", .dateInFuture))
            } else if born.age(on: today) >= Self.adulthoodAge {
                problems.append(FieldError("child.date_of_birth", .invalid("error.referral.not_a_child")))
            }
        case (nil, let expected?):
            if expected < today { problems.append(FieldError("child.expected_date_of_delivery", .invalid("error.referral.due_date_passed"))) }
        }
        require(child.address, "child.address")
        problems += child.identifierProblems
        for (index, member) in household.enumerated() {
            if member.name.trimmingCharacters(in: .whitespaces).isEmpty {
                problems.append(FieldError("household.\(index).name", .missing))
            }
            if let born = member.dateOfBirth, born > today {
                problems.append(FieldError("household.\(index).date_of_birth", .dateInFuture))
            }
        }
        if !household.contains(where: \.isParentOrCarer) {
            problems.append(FieldError("household", .invalid("error.referral.parents_needed")))
        }
        // Health referrals that leave out the siblings are the gap the inspection found.
        if agency == .health, !household.contains(where: \.isSibling), !noOtherHouseholdMembers {
            problems.append(FieldError("household", .invalid("error.referral.siblings_needed")))
        }
        if concern.categories.isEmpty { problems.append(FieldError("concern.categories", .missing)) }
        require(concern.description, "concern.description")
        require(concern.immediateProtection, "concern.immediate_protection")
        if familyLanguage == nil { problems.append(FieldError("family_language", .missing)) }
        if familyInformed == nil { problems.append(FieldError("family_informed", .missing)) }
        switch consent {
        case .notRecorded: problems.append(FieldError("consent", .missing))
        case .notSought(let reason) where reason.trimmingCharacters(in: .whitespaces).isEmpty:
            problems.append(FieldError("consent_reason", .missing))
        default: break
        }
        if kind == .policeProtectionNotice {
            let notice = policeNotice ?? PoliceNoticeDetails()
            require(notice.occurrenceNumber, "ppn.occurrence_number")
            require(notice.incidentLocation, "ppn.incident_location")
            require(notice.riskRationale, "ppn.risk_rationale")
            if notice.incidentAt == nil { problems.append(FieldError("ppn.incident_at", .missing)) }
            if let at = notice.incidentAt, CalendarDay(at, in: WorkingCalendar.londonTimeZone) > today {
                problems.append(FieldError("ppn.incident_at", .dateInFuture))
            }
            if notice.noticeType == nil { problems.append(FieldError("ppn.notice_type", .missing)) }
            if notice.noticeType == .domesticAbuse, notice.domesticAbuseRisk == nil {
                problems.append(FieldError("ppn.domestic_abuse_risk", .missing))
            }
            if notice.immediateActions.isEmpty { problems.append(FieldError("ppn.immediate_actions", .missing)) }
            if notice.officerRiskGrade == nil { problems.append(FieldError("ppn.officer_risk_grade", .missing)) }
        }
        return problems
    }

    /// The form reduced to what the quality rules look at.
    public func qualityInput(agency: ReferringAgency) -> ReferralQualityInput {
        let others = household.filter { !$0.isParentOrCarer }
        return ReferralQualityInput(
            referringAgency: agency,
            childNamed: !child.givenName.isEmpty && !child.surname.isEmpty,
            childDateOfBirthGiven: child.dateOfBirth != nil || child.expectedDateOfDelivery != nil,
            childAddressGiven: !child.address.isEmpty,
            parentsOrCarersNamed: household.filter(\.isParentOrCarer).count,
            householdMembersListed: others.count,
            householdMembersWithDateOfBirth: others.filter { $0.dateOfBirth != nil }.count,
            noOtherHouseholdMembers: noOtherHouseholdMembers,
            parentalResponsibilityRecorded: household.contains(where: \.holdsParentalResponsibility)
                || !parentalResponsibility.isEmpty,
            concern: concern.description,
            childsOwnWords: concern.childsOwnWords,
            familyPreferredLanguage: familyLanguage?.rawValue ?? "",
            consent: consent,
            agenciesAlreadyInvolved: agenciesInvolved,
            actionAlreadyTaken: concern.actionAlreadyTaken,
            immediateProtection: concern.immediateProtection,
            schoolOrSetting: child.schoolAndAttendance,
            communicationNeeds: child.communicationNeeds)
    }
}

extension ReferringAgency {
    /// The quality rules' view of the kind of agency a referrer works for.
    public init(_ kind: AgencyKind) {
        switch kind {
        case .childrensServices: self = .socialServices
        case .police: self = .police
        case .health: self = .health
        case .education, .school: self = .education
        case .youthJustice, .probation: self = .probationOrYouthJustice
        case .thirdSector: self = .voluntarySector
        }
    }
}

extension ReferredChild {
    /// Identifiers given that cannot be right: a postcode not in the UK's format, an NHS
    /// number whose check digit fails, a pupil number whose check letter fails. Blank is
    /// not a problem here; the form's own page and submission both ask this.
    public var identifierProblems: [FieldError] {
        var problems: [FieldError] = []
        if !postcode.isEmpty, (try? Postcode(postcode)) == nil {
            problems.append(FieldError("child.postcode", .invalid("error.identifier.postcode")))
        }
        if !nhsNumber.isEmpty {
            do { _ = try NHSNumber(nhsNumber) } catch {
                problems.append(FieldError("child.nhs_number", .invalid(Self.key("error.identifier.nhs_number", for: error))))
            }
        }
        if !uniquePupilNumber.isEmpty {
            do { _ = try UniquePupilNumber(uniquePupilNumber) } catch {
                problems.append(FieldError("child.upn", .invalid(Self.key("error.identifier.upn", for: error))))
            }
        }
        return problems
    }

    /// The identifiers as they are written, once they are right: "np204ur" is kept as
    /// "NP20 4UR" and "9434765919" as "943 476 5919"; one that is not right stays as typed,
    /// for the referrer to correct.
    public mutating func writeIdentifiersOut() {
        if let postcode = try? Postcode(postcode) { self.postcode = postcode.formatted }
        if let number = try? NHSNumber(nhsNumber) { self.nhsNumber = number.formatted }
    }

    /// The message for what is actually wrong: five digits are too few, not a bad check digit.
    private static func key(_ base: String, for error: IdentifierError) -> String {
        switch error {
        case .wrongLength, .empty: base + "_length"
        case .invalidCharacters, .invalidFormat: base + "_characters"
        default: base
        }
    }
}
