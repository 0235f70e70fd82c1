import Fluent
import Foundation
import Safeguarding
import SafeguardingStore

/// The front door on a working morning, dated from the moment the demo is loaded so it
/// is never stale: a high-risk domestic abuse notice with the child present and a second
/// officer's notice of the same incident, a school's referral and a GP's that are past
/// their decision time, and a third referral in twelve months for a child whose two
/// earlier ones the hub closed (issue 15, item 1).
enum DemoReferrals {
    /// The referrals later parts of the day work on.
    struct Made {
        var mabli: Referral
        var jac: Referral
    }

    struct Child {
        var id: UUID
        var form: ReferredChild
    }

    static func create(_ day: DemoDay) async throws -> Made? {
        let hour: TimeInterval = 3_600, now = day.now
        guard let tyler = try await child("Tyler", "Williams", day), let mabli = try await child("Mabli", "Davies", day),
            let jac = try await child("Jac", "Evans", day), let lily = try await child("Lily", "Roberts", day)
        else { return nil }
        let officer = try day.person("tom.davies"), detective = try day.person("rhian.evans")
        let teacher = try day.person("owain.lewis"), doctor = try day.person("anil.shah")
        let support = try day.person("lowri.hughes")

        // Last night's domestic abuse call: the response officer's notice, then the detective's of the same incident.
        let incident = now.addingTimeInterval(-14 * hour)
        func notice(_ occurrence: String) -> PoliceNoticeDetails {
            PoliceNoticeDetails(
                occurrenceNumber: occurrence, noticeType: .domesticAbuse, domesticAbuseRisk: .high, incidentAt: incident,
                incidentLocation: "3 Alway Crescent, Newport", supervisorName: "PS Alun Rees", supervisorReviewed: true,
                childPresent: true, childWitnessed: true, demeanour: "Tyler was quiet and would not leave his mother's side.",
                appearance: "Clean, in pyjamas; no injuries seen.", homeConditions: "A broken door and glass in the hallway.",
                officerRiskGrade: .high, riskRationale: "Third call to the address this year; strangulation was alleged (DASH high).",
                immediateActions: [.arrest, .safetyPlan], maracReferral: true, operationEncompassSent: true)
        }
        let household = [
            HouseholdMember(name: "Kayleigh Williams", relationship: .mother, holdsParentalResponsibility: true, livesWithChild: true),
            HouseholdMember(name: "Mia Williams", relationship: .sibling, livesWithChild: true),
            HouseholdMember(name: "Ruby Williams", relationship: .sibling, livesWithChild: true),
        ]
        let concern = ReferralConcern(
            categories: [.domesticAbuse], description: "Police called at 11pm to a domestic incident. Kayleigh's partner, Jason Hill, was arrested for assault; Tyler was in the room and saw it.",
            childsOwnWords: "\"He grabbed Mum by the neck and I shouted at him to stop.\"",
            immediateProtection: "Jason Hill is in custody; bail conditions are being sought.",
            actionAlreadyTaken: "Safety plan agreed with Kayleigh; referral to MARAC.")
        try await submit(
            form(.policeProtectionNotice, tyler, household: household, concern: concern, notice: notice("GW-2026/88213")),
            by: officer, at: now.addingTimeInterval(-13 * hour), day)
        try await submit(
            form(.policeProtectionNotice, tyler, household: household, concern: concern, notice: notice("GW 2026 88213")),
            by: detective, at: now.addingTimeInterval(-12 * hour), day)

        // Two referrals past their decision time: the school's from two working days ago, the GP's from yesterday.
        let mabliReferral = try await submit(
            form(.multiAgencyReferralForm, mabli, household: [
                HouseholdMember(name: "Sioned Davies", relationship: .mother, holdsParentalResponsibility: true),
                HouseholdMember(name: "Gethin Davies", relationship: .father, holdsParentalResponsibility: true),
            ], concern: ReferralConcern(
                categories: [.neglect], description: "Mabli has come to school hungry most days for three weeks and has worn the same clothes all week. Her attendance has fallen to 81%.",
                childsOwnWords: "\"There's nothing in the cupboards, Mam's always asleep.\"",
                immediateProtection: "Breakfast club each morning; Mabli is in school today.",
                actionAlreadyTaken: "Spoke to Mabli; tried to phone Sioned twice.")),
            by: teacher, at: pastDue(now, day.calendar, times: 2), day)
        let jacReferral = try await submit(
            form(.multiAgencyReferralForm, jac, household: [
                HouseholdMember(name: "Louise Evans", relationship: .mother, holdsParentalResponsibility: true),
                HouseholdMember(name: "Craig Evans", relationship: .father, holdsParentalResponsibility: true),
            ], concern: ReferralConcern(
                categories: [.physicalAbuse], description: "Jac was brought to surgery with a spiral fracture of the left arm. His father says he fell from the sofa; the injury does not fit that account.",
                childsOwnWords: "Jac did not want to say how it happened.",
                immediateProtection: "Jac is at the Grange University Hospital with his mother.",
                actionAlreadyTaken: "Paediatrician informed; body map completed.")),
            by: doctor, at: pastDue(now, day.calendar, times: 1), day)

        // Lily: two referrals this year closed without action, and a third this morning.
        let lilyHousehold = [
            HouseholdMember(name: "Amy Roberts", relationship: .mother, holdsParentalResponsibility: true),
            HouseholdMember(name: "Dean Roberts", relationship: .father, holdsParentalResponsibility: true),
        ]
        for earlier in DemoDecisions.lilysEarlier {
            let submitted = now.addingTimeInterval(-Double(earlier.months) * 30 * 86_400)
            let referral = try await submit(
                form(.multiAgencyReferralForm, lily, household: lilyHousehold, concern: ReferralConcern(
                    categories: [.emotionalAbuse], description: "Lily told her support worker that her parents shout at each other every night and she hides upstairs.",
                    childsOwnWords: "\"I put my headphones on so I can't hear.\"", immediateProtection: "None needed today.",
                    actionAlreadyTaken: "Talked with Amy about support.")),
                by: support, at: submitted, day)
            try await DemoDecisions.decide(referral, earlier, day)
        }
        try await submit(
            form(.multiAgencyReferralForm, lily, household: lilyHousehold, concern: ReferralConcern(
                categories: [.emotionalAbuse, .neglect], description: "Lily has missed six days this month and told her support worker that Dean threw a plate at Amy on Saturday while Lily was in the kitchen.",
                childsOwnWords: "\"I don't want to go home when Dad's like that.\"",
                immediateProtection: "Lily is at school today; Amy has agreed she stays with her nan tonight.",
                actionAlreadyTaken: "Safety planning with Amy; asked the school about attendance.")),
            by: support, at: now.addingTimeInterval(-1 * hour), day)
        return Made(mabli: mabliReferral, jac: jacReferral)
    }

    /// A time far enough back that its decision was due before now, whatever the day of
    /// the week the demo is loaded: the `times`-th such day going back.
    private static func pastDue(_ now: Date, _ calendar: WorkingCalendar, times: Int) -> Date {
        var found = 0
        for days in 1...21 {
            let submitted = now.addingTimeInterval(-Double(days) * 86_400 + 3_600)
            if calendar.deadline(for: .referralDecision, from: submitted).due < now {
                found += 1
                if found == times { return submitted }
            }
        }
        return now.addingTimeInterval(-7 * 86_400)
    }

    static func child(_ given: String, _ surname: String, _ day: DemoDay) async throws -> Child? {
        guard let summary = try await day.child(given, surname) else { return nil }
        let record = summary.child
        return Child(id: record.id, form: ReferredChild(
            givenName: record.givenName, surname: record.surname, dateOfBirth: record.dateOfBirth, sex: record.sex,
            address: record.address, postcode: record.postcode, nhsNumber: record.nhsNumber.map { (try? NHSNumber($0))?.formatted ?? $0 } ?? "",
            communicationNeeds: "None known", schoolAndAttendance: record.school))
    }

    static func form(
        _ kind: ReferralKind, _ child: Child, household: [HouseholdMember], concern: ReferralConcern,
        notice: PoliceNoticeDetails? = nil
    ) -> ReferralForm {
        ReferralForm(
            kind: kind, child: child.form, household: household, agenciesInvolved: "GP; school",
            concern: concern, familyLanguage: .english, familyInformed: true, consent: kind == .policeProtectionNotice
                ? .notSought(reason: "A police notice is shared without consent to protect the child") : .given,
            referrerPhone: "01633 656656", policeNotice: notice)
    }

    /// As the front door sends a referral (ReferralDesk.send), at a time in the past: its
    /// reference, its clock from that time, the record its NHS number names, its episode,
    /// and the school's Operation Encompass notice when the police notice calls for one.
    @discardableResult
    static func submit(_ form: ReferralForm, by referrer: SignedInUser, at submitted: Date, _ day: DemoDay) async throws
        -> Referral
    {
        let db = day.db
        let referrals = ReferralRepository(db)
        var referral = Referral(
            referrerUserID: referrer.account.id, referrerAgencyID: referrer.agency.id, form: form,
            qualityScore: ReferralQuality().score(form.qualityInput(agency: ReferringAgency(referrer.agency.kind))).total,
            createdAt: submitted.addingTimeInterval(-900))
        referral.reference = try await referrals.nextReference(year: CalendarDay(submitted, in: WorkingCalendar.londonTimeZone).year)
        referral.status = .submitted
        referral.submittedAt = submitted
        referral.updatedAt = submitted
        referral.decisionDueAt = day.calendar.deadline(for: .referralDecision, from: submitted).due
        if let nhs = try? NHSNumber(form.child.nhsNumber) {
            let matches = try await ChildRepository(db).ids(withNHSNumber: nhs.digits)
            if matches.count == 1 { referral.childID = matches[0] }
        }
        referral.episodeLeadID = try await referrals.episodeLead(for: referral)
        try await referrals.create(referral)
        try await AuditTrail.append(
            referrer.auditEvent(.referralSubmitted, childID: referral.childID, subjectID: referral.id,
                detail: "reference=\(referral.reference ?? "") quality=\(referral.qualityScore)", requestID: day.requestID), on: db)
        try await EncompassDesk.notify(for: referral, at: submitted, calendar: day.calendar, catalogue: day.catalogue, db: db)
        return referral
    }
}
