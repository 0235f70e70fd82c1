import Fluent
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore

/// The front door on a working morning, dated from the moment the demo is loaded so it
/// is never stale: a high-risk domestic abuse notice with the child present and a second
/// officer's notice of the same incident, a school's referral and a GP's that are past
/// their decision time, and a third referral in twelve months for a child whose two
/// earlier ones were closed (issue 15, item 1).
enum DemoReferrals {
    struct People {
        var policeOfficer: UUID, police: UUID
        var detective: UUID
        var teacher: UUID, school: UUID
        var doctor: UUID, health: UUID
        var familySupport: UUID, charity: UUID
    }

    private struct Child {
        var id: UUID
        var form: ReferredChild
    }

    static func create(on db: any Database, people: People, calendar: WorkingCalendar, now: Date = Date()) async throws {
        let hour: TimeInterval = 3_600
        guard let tyler = try await child("Tyler", "Williams", on: db), let mabli = try await child("Mabli", "Davies", on: db),
            let jac = try await child("Jac", "Evans", on: db), let lily = try await child("Lily", "Roberts", on: db)
        else { return }

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
            by: people.policeOfficer, of: people.police, at: now.addingTimeInterval(-13 * hour), on: db, calendar: calendar)
        try await submit(
            form(.policeProtectionNotice, tyler, household: household, concern: concern, notice: notice("GW 2026 88213")),
            by: people.detective, of: people.police, at: now.addingTimeInterval(-12 * hour), on: db, calendar: calendar)

        // Two referrals past their decision time: the school's from two working days ago, the GP's from yesterday.
        try await submit(
            form(.multiAgencyReferralForm, mabli, household: [
                HouseholdMember(name: "Sioned Davies", relationship: .mother, holdsParentalResponsibility: true),
                HouseholdMember(name: "Gethin Davies", relationship: .father, holdsParentalResponsibility: true),
            ], concern: ReferralConcern(
                categories: [.neglect], description: "Mabli has come to school hungry most days for three weeks and has worn the same clothes all week. Her attendance has fallen to 81%.",
                childsOwnWords: "\"There's nothing in the cupboards, Mam's always asleep.\"",
                immediateProtection: "Breakfast club each morning; Mabli is in school today.",
                actionAlreadyTaken: "Spoke to Mabli; tried to phone Sioned twice.")),
            by: people.teacher, of: people.school, at: pastDue(now, calendar, times: 2), on: db, calendar: calendar)
        try await submit(
            form(.multiAgencyReferralForm, jac, household: [
                HouseholdMember(name: "Louise Evans", relationship: .mother, holdsParentalResponsibility: true),
                HouseholdMember(name: "Craig Evans", relationship: .father, holdsParentalResponsibility: true),
            ], concern: ReferralConcern(
                categories: [.physicalAbuse], description: "Jac was brought to surgery with a spiral fracture of the left arm. His father says he fell from the sofa; the injury does not fit that account.",
                childsOwnWords: "Jac did not want to say how it happened.",
                immediateProtection: "Jac is at the Grange University Hospital with his mother.",
                actionAlreadyTaken: "Paediatrician informed; body map completed.")),
            by: people.doctor, of: people.health, at: pastDue(now, calendar, times: 1), on: db, calendar: calendar)

        // Lily: two referrals this year closed without action, and a third this morning.
        let lilyHousehold = [
            HouseholdMember(name: "Amy Roberts", relationship: .mother, holdsParentalResponsibility: true),
            HouseholdMember(name: "Dean Roberts", relationship: .father, holdsParentalResponsibility: true),
        ]
        for (months, outcome) in [(9, DecisionOutcome.noFurtherAction), (4, .informationAdviceAssistance)] {
            try await submit(
                form(.multiAgencyReferralForm, lily, household: lilyHousehold, concern: ReferralConcern(
                    categories: [.emotionalAbuse], description: "Lily told her support worker that her parents shout at each other every night and she hides upstairs.",
                    childsOwnWords: "\"I put my headphones on so I can't hear.\"", immediateProtection: "None needed today.",
                    actionAlreadyTaken: "Talked with Amy about support.")),
                by: people.familySupport, of: people.charity, at: now.addingTimeInterval(-Double(months) * 30 * 86_400),
                on: db, calendar: calendar, decided: outcome)
        }
        try await submit(
            form(.multiAgencyReferralForm, lily, household: lilyHousehold, concern: ReferralConcern(
                categories: [.emotionalAbuse, .neglect], description: "Lily has missed six days this month and told her support worker that Dean threw a plate at Amy on Saturday while Lily was in the kitchen.",
                childsOwnWords: "\"I don't want to go home when Dad's like that.\"",
                immediateProtection: "Lily is at school today; Amy has agreed she stays with her nan tonight.",
                actionAlreadyTaken: "Safety planning with Amy; asked the school about attendance.")),
            by: people.familySupport, of: people.charity, at: now.addingTimeInterval(-1 * hour), on: db, calendar: calendar)
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

    private static func child(_ given: String, _ surname: String, on db: any Database) async throws -> Child? {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.select().column("id").from("children")
            .where("given_name", .equal, given).where("surname", .equal, surname).first(),
            let summary = try await ChildRepository(db).summary(of: try row.decode(column: "id", as: UUID.self))
        else { return nil }
        let record = summary.child
        return Child(id: record.id, form: ReferredChild(
            givenName: record.givenName, surname: record.surname, dateOfBirth: record.dateOfBirth, sex: record.sex,
            address: record.address, postcode: record.postcode, nhsNumber: record.nhsNumber.map { (try? NHSNumber($0))?.formatted ?? $0 } ?? "",
            communicationNeeds: "None known", schoolAndAttendance: record.school))
    }

    private static func form(
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
    /// reference, its clock from that time, the record its NHS number names, its episode.
    private static func submit(
        _ form: ReferralForm, by referrer: UUID, of agency: UUID, at submitted: Date, on db: any Database,
        calendar: WorkingCalendar, decided outcome: DecisionOutcome? = nil
    ) async throws {
        let referrals = ReferralRepository(db)
        let agencyKind = try await AgencyRepository(db).find(agency)?.kind ?? .thirdSector
        var referral = Referral(
            referrerUserID: referrer, referrerAgencyID: agency, form: form,
            qualityScore: ReferralQuality().score(form.qualityInput(agency: ReferringAgency(agencyKind))).total,
            createdAt: submitted.addingTimeInterval(-900))
        referral.reference = try await referrals.nextReference(year: CalendarDay(submitted, in: WorkingCalendar.londonTimeZone).year)
        referral.status = .submitted
        referral.submittedAt = submitted
        referral.updatedAt = submitted
        referral.decisionDueAt = calendar.deadline(for: .referralDecision, from: submitted).due
        if let nhs = try? NHSNumber(form.child.nhsNumber) {
            let matches = try await ChildRepository(db).ids(withNHSNumber: nhs.digits)
            if matches.count == 1 { referral.childID = matches[0] }
        }
        referral.episodeLeadID = try await referrals.episodeLead(for: referral)
        if let outcome {
            referral.status = .decided
            referral.outcome = outcome
            referral.decidedAt = calendar.addingWorkingDays(1, to: submitted)
        }
        try await referrals.create(referral)
        try await AuditTrail.append(
            AuditEvent(actorUserID: nil, actorName: "system", agencyID: nil, roles: [], action: .referralSubmitted,
                childID: referral.childID, subjectID: referral.id, detail: "demo"), on: db)
    }
}
