import Foundation
import Safeguarding
import SafeguardingStore

/// A child on the register, as the team's rules put him there: Ianto Rees's enquiry led
/// to an initial conference five weeks ago that registered him under emotional abuse,
/// with a care and support protection plan; the first core group has met and the next
/// is due within six weeks of it; his social worker saw him alone at home this week.
enum DemoRegister {
    static func create(_ day: DemoDay) async throws {
        guard let ianto = try await day.child("Ianto", "Rees") else { return }
        let worker = try day.person("ffion.davies")
        let childID = ianto.child.id, repository = ChildProtectionRepository(day.db)
        let enquiry = try await DemoEnquiries.start(
            ianto, discussedAt: day.workingDay(40, at: 10),
            information: "Ianto, 9, has been found wandering at night twice; he says his parents' fighting scares him and he is told he is the cause.", day)
        let initial = try await DemoEnquiries.concludeForConference(
            enquiry, at: day.workingDay(33, at: 15),
            reasons: "Ianto is exposed to frequent violence between his parents and is blamed for it; his school reports him withdrawn and tired.", day)

        // The initial conference, within its fifteen working days.
        let held = try ConferenceRules.recordDecision(
            initial, heldAt: day.workingDay(27, at: 10), register: true, categories: [.emotional],
            reportsFrom: Array(Set(ianto.involvements.map(\.agencyID))), by: worker.account.id, now: day.now,
            calendar: day.calendar)
        try await repository.save(held)
        guard var entry = try ConferenceRules.applyToRegister(held, entries: []) else { return }
        entry = VisitRules.startClocks(entry, calendar: day.calendar)
        try await repository.save(entry)
        if let review = ConferenceRules.scheduleReview(after: held, calendar: day.calendar) { try await repository.save(review) }
        try await day.audit(worker, .conferenceRecorded, childID: childID, subjectID: held.id, detail: "register=true")
        try await day.audit(worker, .registerChanged, childID: childID, subjectID: held.id, detail: "registered categories=emotional")
        let outlineSent = try ConferenceRules.documentSent(held, .outlinePlan, at: day.workingDay(25, at: 16))
        let recordSent = try ConferenceRules.documentSent(outlineSent, .record, at: day.workingDay(12, at: 12))
        try await repository.save(recordSent)
        try await day.audit(worker, .conferenceRecorded, childID: childID, subjectID: held.id, detail: "sent=outline_plan")
        try await day.audit(worker, .conferenceRecorded, childID: childID, subjectID: held.id, detail: "sent=record")

        // His care and support protection plan, written after the conference.
        var plan = try PlanRules.create(for: childID, existing: nil, at: day.workingDay(26, at: 14))
        plan = PlanRules.addOutcome(plan, description: "Ianto feels safe at home and sleeps through the night.")
        plan = PlanRules.addOutcome(plan, description: "Ianto knows the arguments are not his fault and has an adult at school he can talk to.")
        plan = try PlanRules.addAction(plan, AgreedAction(
            description: "Catrin and Aled to complete the Freedom Programme and the Caring Dads course",
            owner: "Ffion Davies", dueAt: day.calendar.addingWorkingDays(20, to: day.now)))
        plan.childContribution = "Ianto drew his house with everyone smiling and said he wants \"no more shouting at tea time\"."
        plan.childInvitedToMeetings = true
        plan.advocacyOffered = true
        try await repository.save(plan)
        for detail in ["outcome", "outcome", "action", "voice"] {
            try await day.audit(worker, .planChanged, childID: childID, subjectID: plan.id, detail: detail)
        }

        // The first core group, inside ten working days; the next is scheduled from it.
        if let first = CoreGroupRules.scheduleFirst(after: held, entry: entry, involvements: ianto.involvements, calendar: day.calendar) {
            let members = first.members.map { member -> CoreGroupMember in
                var member = member
                member.attended = true
                member.reportSubmitted = member.role == .generalPractitioner || member.agencyID == first.members.first?.agencyID
                return member
            }
            let met = try CoreGroupRules.record(
                first, heldAt: day.workingDay(19, at: 14), members: members, childHasGP: true, by: worker.account.id, now: day.now)
            try await repository.save(met)
            if let next = CoreGroupRules.scheduleNext(after: met, calendar: day.calendar) { try await repository.save(next) }
            try await day.audit(worker, .coreGroupRecorded, childID: childID, subjectID: met.id, detail: "attended=\(members.count)")
        }

        // Seen alone at home on Ffion's visit, which restarts both visiting clocks.
        let visit = ChildVisit(
            at: day.workingDay(2, at: 16), seenAlone: true, atHome: true, by: worker.account.id,
            note: "Ianto showed me his room and his new night light. Calmer; says Dad has not shouted this week.")
        let visited = try VisitRules.record(visit, on: entry, now: day.now, calendar: day.calendar)
        try await repository.save(visited)
        try await day.audit(worker, .visitRecorded, childID: childID, subjectID: entry.id, detail: "alone=true home=true")
    }
}
