import Foundation
import Safeguarding
import SafeguardingStore

/// Two police notices of standard-risk domestic abuse that the hub closed with early
/// intervention, so the team has a new family to phone today (Dafydd ap Gwilym, from
/// last night) and one part-way through its steps (Elis Thomas: contacted, "What
/// Matters" held, a visit booked). Each notice told the children's Welsh-medium school
/// through Operation Encompass when it was sent; the school has seen Elis's.
enum DemoEarlyIntervention {
    struct Made {
        var newFamily: Referral
        var partWay: Referral
    }

    static func create(_ day: DemoDay) async throws -> Made? {
        guard let dafydd = try await DemoReferrals.child("Dafydd", "ap Gwilym", day),
            let elis = try await DemoReferrals.child("Elis", "Thomas", day)
        else { return nil }
        let officer = try day.person("tom.davies"), hub = try day.person("sian.pritchard")
        let worker = try day.person("bethan.owen")

        let partWay = try await notice(
            elis, occurrence: "GW-2026/87950", incident: day.workingDay(3, at: 19, 30), location: "41 Malpas Road, Newport",
            household: [
                HouseholdMember(name: "Bethan Thomas", relationship: .mother, holdsParentalResponsibility: true, livesWithChild: true),
                HouseholdMember(name: "Gruffydd Thomas", relationship: .sibling, livesWithChild: true),
                HouseholdMember(name: "Nel Thomas", relationship: .sibling, livesWithChild: true),
            ],
            what: "Bethan's former partner, Rhys Morgan, came to the door shouting and kicked it; he had left before officers arrived. Elis heard it from the landing.",
            words: "\"I don't like it when he shouts, I went to Nel's room.\"", by: officer, at: day.workingDay(3, at: 22), day)
        try await decide(partWay, at: day.workingDay(2, at: 10), by: hub, day)
        if let item = try await EarlyInterventionRepository(day.db).forReferral(partWay.id) {
            try await EarlyInterventionDesk.record(
                .contact, on: item.id, at: day.workingDay(2, at: 14, 30),
                note: "Spoke to Bethan by phone. She is glad of support and wants help with a non-molestation order.",
                by: worker, requestID: day.requestID, db: day.db)
            try await EarlyInterventionDesk.record(
                .whatMatters, on: item.id, at: day.workingDay(1, at: 11),
                note: "What matters to Bethan: the children feeling safe at home and Rhys staying away. Elis wants his mum not to be sad. Strengths: close family, good school links.",
                visitNeeded: true, visitBy: day.calendar.addingWorkingDays(3, to: day.now), by: worker,
                requestID: day.requestID, db: day.db)
        }

        let newFamily = try await notice(
            dafydd, occurrence: "GW-2026/88190", incident: day.workingDay(1, at: 20), location: "33 Ffordd Cas-gwent, Newport",
            household: [
                HouseholdMember(name: "Eleri ap Gwilym", relationship: .mother, holdsParentalResponsibility: true, livesWithChild: true),
                HouseholdMember(name: "Huw ap Gwilym", relationship: .father, holdsParentalResponsibility: true, livesWithChild: true),
                HouseholdMember(name: "Gwenllian ap Gwilym", relationship: .sibling, livesWithChild: true),
            ],
            what: "A neighbour called about shouting. Eleri and Huw had argued about money; no assault was disclosed and neither wanted police action. Dafydd was in the kitchen.",
            words: "Dafydd said he was fine and asked if his dad was in trouble.", by: officer, at: day.workingDay(1, at: 23), day)
        try await decide(newFamily, at: day.hoursAgo(1), by: hub, day)
        return Made(newFamily: newFamily, partWay: partWay)
    }

    private static func notice(
        _ child: DemoReferrals.Child, occurrence: String, incident: Date, location: String, household: [HouseholdMember],
        what: String, words: String, by officer: SignedInUser, at submitted: Date, _ day: DemoDay
    ) async throws -> Referral {
        let details = PoliceNoticeDetails(
            occurrenceNumber: occurrence, noticeType: .domesticAbuse, domesticAbuseRisk: .standard, incidentAt: incident,
            incidentLocation: location, supervisorName: "PS Alun Rees", supervisorReviewed: true, childPresent: true,
            demeanour: "Calm and chatty once officers explained why they were there.", appearance: "Clean and dressed for bed.",
            homeConditions: "Tidy and warm; food in the cupboards.", officerRiskGrade: .standard,
            riskRationale: "DASH standard: no violence, no history of calls to the address.", immediateActions: [.safetyPlan],
            operationEncompassSent: true)
        return try await DemoReferrals.submit(
            DemoReferrals.form(.policeProtectionNotice, child, household: household, concern: ReferralConcern(
                categories: [.domesticAbuse], description: what, childsOwnWords: words,
                immediateProtection: "The adults have separated for the night.", actionAlreadyTaken: "Advice given; Live Fear Free details left."),
                notice: details),
            by: officer, at: submitted, day)
    }

    private static func decide(_ referral: Referral, at decidedAt: Date, by hub: SignedInUser, _ day: DemoDay) async throws {
        _ = try await ReferralDesk.decide(
            referral.id, outcome: .noFurtherActionWithEarlyIntervention,
            reasons: "A first, standard-risk notice with no violence and the adults apart tonight. No statutory role; early intervention to offer the family support and a What Matters conversation.",
            agenciesDisagree: false, by: hub, at: decidedAt, requestID: day.requestID, catalogue: day.catalogue,
            calendar: day.calendar, on: day.db)
    }
}
