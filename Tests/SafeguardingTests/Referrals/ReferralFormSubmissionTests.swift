import Foundation
import Safeguarding
import Testing

/// A complete MARF from a school about Cerys Jones, the shape the tests vary.
func completeSchoolReferral() -> ReferralForm {
    ReferralForm(
        kind: .multiAgencyReferralForm,
        child: ReferredChild(
            givenName: "Cerys", surname: "Jones", dateOfBirth: CalendarDay(year: 2015, month: 3, day: 27), sex: .female,
            address: "14 Heol Caerleon, Newport", postcode: "NP19 7BX", nhsNumber: "943 476 5919",
            communicationNeeds: "None known", schoolAndAttendance: "Ysgol Gymraeg Bro Teyrnon, 92% attendance"),
        household: [
            HouseholdMember(name: "Ceri Jones", relationship: .mother, holdsParentalResponsibility: true),
            HouseholdMember(name: "Osian Jones", relationship: .sibling, dateOfBirth: CalendarDay(year: 2018, month: 6, day: 1)),
        ],
        agenciesInvolved: "GP",
        concern: ReferralConcern(
            categories: [.physicalAbuse], description: "On Monday Cerys arrived with a bruise on her cheek and said her mum's partner hit her.",
            childsOwnWords: "\"Dai hit me when I spilt my drink\"", immediateProtection: "Cerys is in school until 3pm.",
            actionAlreadyTaken: "Spoke to Cerys; called the hub."),
        familyLanguage: .welsh, familyInformed: false, consent: .notSought(reason: "Telling the family could put Cerys at risk"))
}

@Suite("What a referral needs before it reaches the hub")
struct ReferralFormSubmissionTests {
    let today = CalendarDay(year: 2026, month: 11, day: 23)!

    @Test("an identifier of the wrong length is told its length, not its check digit; letters are told they are not digits")
    func identifierMessagesSayWhatIsWrong() {
        func key(nhs: String = "", upn: String = "") -> [String] {
            var child = completeSchoolReferral().child
            (child.nhsNumber, child.uniquePupilNumber) = (nhs, upn)
            return child.identifierProblems.map(\.problem.messageKey)
        }
        #expect(key(nhs: "94347") == ["error.identifier.nhs_number_length"])
        #expect(key(nhs: "943 476 591X") == ["error.identifier.nhs_number_characters"])
        #expect(key(nhs: "943 476 5918") == ["error.identifier.nhs_number"])
        #expect(key(upn: "A12345") == ["error.identifier.upn_length"])
        #expect(key(nhs: "943 476 5919").isEmpty)
    }

    @Test("a right postcode and NHS number are kept as they are written; a wrong one stays as typed")
    func identifiersWrittenOut() {
        var child = completeSchoolReferral().child
        (child.postcode, child.nhsNumber) = ("np204ur", "9434765919")
        child.writeIdentifiersOut()
        #expect(child.postcode == "NP20 4UR")
        #expect(child.nhsNumber == "943 476 5919")
        (child.postcode, child.nhsNumber) = ("np20", "94347")
        child.writeIdentifiersOut()
        #expect(child.postcode == "np20" && child.nhsNumber == "94347")
    }

    @Test("a complete referral has nothing to put right")
    func completeReferralPasses() {
        #expect(completeSchoolReferral().submissionProblems(agency: .education, today: today).isEmpty)
    }

    @Test("the child's name, date of birth, address and the concern are essentials")
    func essentialsAreAskedFor() {
        let empty = ReferralForm(kind: .multiAgencyReferralForm)
        let fields = Set(empty.submissionProblems(agency: .education, today: today).map(\.field))
        for field in ["child.given_name", "child.surname", "child.date_of_birth", "child.address", "concern.categories",
            "concern.description", "concern.immediate_protection", "family_language", "family_informed", "consent", "household"]
        {
            #expect(fields.contains(field), "\(field) should be asked for")
        }
    }

    @Test("identifiers are checked: NHS number check digit, UPN check letter, postcode")
    func identifiersAreChecked() {
        var form = completeSchoolReferral()
        form.child.nhsNumber = "943 476 5918"
        form.child.uniquePupilNumber = "A680203425001"
        form.child.postcode = "NP99 ZZZ"
        let problems = form.submissionProblems(agency: .education, today: today)
        #expect(problems.contains(FieldError("child.nhs_number", .invalid("error.identifier.nhs_number"))))
        #expect(problems.contains(FieldError("child.upn", .invalid("error.identifier.upn"))))
        #expect(problems.contains(FieldError("child.postcode", .invalid("error.identifier.postcode"))))
    }

    @Test("a date of birth in the future, or of an adult, is refused")
    func datesOfBirth() {
        var form = completeSchoolReferral()
        form.child.dateOfBirth = CalendarDay(year: 2027, month: 1, day: 1)
        #expect(form.submissionProblems(agency: .education, today: today) == [FieldError("child.date_of_birth", .dateInFuture)])
        form.child.dateOfBirth = CalendarDay(year: 2008, month: 11, day: 23)
        #expect(form.submissionProblems(agency: .education, today: today)
            == [FieldError("child.date_of_birth", .invalid("error.referral.not_a_child"))])
        form.child.dateOfBirth = CalendarDay(year: 2008, month: 11, day: 24)
        #expect(form.submissionProblems(agency: .education, today: today).isEmpty)
    }

    @Test("an unborn child is referred with an expected date of delivery")
    func unbornChild() {
        var form = completeSchoolReferral()
        form.child.dateOfBirth = nil
        form.child.expectedDateOfDelivery = CalendarDay(year: 2027, month: 2, day: 14)
        #expect(form.submissionProblems(agency: .health, today: today).isEmpty)
    }

    @Test("a health referral must list the siblings, or say there are none")
    func healthNeedsSiblings() {
        var form = completeSchoolReferral()
        form.household.removeAll { $0.isSibling }
        #expect(form.submissionProblems(agency: .education, today: today).isEmpty)
        #expect(form.submissionProblems(agency: .health, today: today)
            == [FieldError("household", .invalid("error.referral.siblings_needed"))])
        form.noOtherHouseholdMembers = true
        #expect(form.submissionProblems(agency: .health, today: today).isEmpty)
    }

    @Test("consent not sought needs the reason why")
    func consentReason() {
        var form = completeSchoolReferral()
        form.consent = .notSought(reason: " ")
        #expect(form.submissionProblems(agency: .education, today: today) == [FieldError("consent_reason", .missing)])
    }

    @Test("a police notice needs its occurrence, incident, risk rationale and what the police did")
    func policeNoticeEssentials() {
        var form = completeSchoolReferral()
        form.kind = .policeProtectionNotice
        form.policeNotice = PoliceNoticeDetails(noticeType: .domesticAbuse)
        let fields = Set(form.submissionProblems(agency: .police, today: today).map(\.field))
        #expect(fields == ["ppn.occurrence_number", "ppn.incident_location", "ppn.risk_rationale", "ppn.incident_at",
            "ppn.domestic_abuse_risk", "ppn.immediate_actions", "ppn.officer_risk_grade"])
        // No grade is chosen for the officer: a notice starts ungraded, not "standard".
        #expect(PoliceNoticeDetails().officerRiskGrade == nil)
        // Nor a type: the officer says what the notice is about.
        form.policeNotice = PoliceNoticeDetails()
        #expect(form.submissionProblems(agency: .police, today: today).map(\.field).contains("ppn.notice_type"))
    }

    @Test("the quality rules see the household and the concern as the form has them")
    func qualityInput() {
        let input = completeSchoolReferral().qualityInput(agency: .education)
        #expect(input.parentsOrCarersNamed == 1)
        #expect(input.householdMembersListed == 1 && input.householdMembersWithDateOfBirth == 1)
        #expect(input.parentalResponsibilityRecorded)
        #expect(input.familyPreferredLanguage == "welsh")
        #expect(ReferralQuality().score(input).total > 70)
    }
}
