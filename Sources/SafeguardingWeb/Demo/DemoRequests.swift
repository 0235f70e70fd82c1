import Foundation
import Safeguarding
import SafeguardingStore

/// The hub's requests for information on the referrals past their time, sent and
/// answered through the desk's own steps: the health board has not answered about
/// Mabli and is overdue, probation has (Mabli's father is on licence), and the health
/// board answered about Jac while the education service still has the morning to.
enum DemoRequests {
    static func create(_ made: DemoReferrals.Made, _ day: DemoDay) async throws {
        let health = try day.person("nia.roberts"), probation = try day.person("helen.price")
        let education = try day.person("carys.jenkins")

        // Mabli's: asked the morning after the school's referral, so the four working hours have long run out.
        let mabliAsked = (made.mabli.submittedAt ?? day.now).addingTimeInterval(2 * 3_600)
        let mabli = try await send(
            made.mabli, to: [health, probation],
            question: "The school reports Mabli hungry and unkempt for three weeks. What do you know of Mabli, Sioned and Gethin, and of any risks in the home?",
            at: mabliAsked, day)
        try await answer(
            mabli[1].id, with: InformationAnswer(
                knowledge: .currentlyInvolved,
                whatIsKnown: "Gethin Davies is on licence until March after a sentence for burglary; he reports weekly and lives at the family home with approval.",
                knownRisks: "None to children known. He has told his officer that Sioned has been unwell and sleeping most of the day.",
                lastContact: day.calendar.day(of: mabliAsked.addingTimeInterval(-3 * 86_400)), namedWorker: "Helen Price",
                notes: "I can visit with the social worker this week.", answeredBy: probation.account.id,
                answeredAt: mabliAsked.addingTimeInterval(3 * 3_600)),
            by: probation, day)

        // Jac's: asked this morning, the health board's answer is in and the education service's is still due.
        let jacAsked = max(made.jac.submittedAt ?? day.now, day.hoursAgo(0.75))
        let jac = try await send(
            made.jac, to: [health, education],
            question: "Jac has a spiral fracture his father's account does not explain. Please share any earlier injuries, attendances or concerns about Jac or his parents.",
            at: jacAsked, day)
        try await answer(
            jac[0].id, with: InformationAnswer(
                knowledge: .currentlyInvolved,
                whatIsKnown: "Jac was seen at the Royal Gwent emergency department in May with a bruised cheek (\"fell off a scooter\"). The health visitor knew the family until Jac was five, with no concerns recorded.",
                knownRisks: "Two injuries in six months in a child of his age; Craig Evans's account was the same both times.",
                lastContact: day.calendar.day(of: day.now), namedWorker: "Dr Anil Shah (GP); Nia Roberts, named nurse",
                notes: "The paediatric team are doing a skeletal survey today.", answeredBy: health.account.id,
                answeredAt: min(day.now, jacAsked.addingTimeInterval(30 * 60))),
            by: health, day)
    }

    /// Answers as the desk does, its problems checked first as the answer form's are.
    private static func answer(_ id: UUID, with answer: InformationAnswer, by user: SignedInUser, _ day: DemoDay) async throws {
        let problems = InformationRequestRules.problems(of: answer, today: day.calendar.day(of: day.now))
        guard problems.isEmpty else { throw ValidationFailure(problems) }
        try await InformationRequestDesk.answer(id, with: answer, by: user, requestID: day.requestID, on: day.db)
    }

    /// Sends to each person's agency, due by the timescale from when the hub asked.
    private static func send(
        _ referral: Referral, to people: [SignedInUser], question: String, at asked: Date, _ day: DemoDay
    ) async throws -> [InformationRequest] {
        try await InformationRequestDesk.send(
            referralID: referral.id, to: people.map(\.agency.id), question: question,
            due: day.calendar.dueDate(for: day.calendar.timescales[.informationRequestAnswer], from: asked),
            by: try day.person("sian.pritchard"), at: asked, requestID: day.requestID, catalogue: day.catalogue,
            calendar: day.calendar, on: day.db)
    }
}
