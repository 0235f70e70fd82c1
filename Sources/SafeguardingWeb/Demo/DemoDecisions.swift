import Foundation
import Safeguarding
import SafeguardingStore

/// The hub's decisions in the demonstration, made through the hub's own decision
/// (``ReferralDesk/decide(_:outcome:reasons:agenciesDisagree:by:at:requestID:catalogue:calendar:on:)``),
/// so each carries its reasons, its sign-off and the referrer's feedback as a real one does.
enum DemoDecisions {
    /// One of Lily Roberts's two earlier referrals, and what the hub made of it.
    struct Earlier {
        var months: Int
        var outcome: DecisionOutcome
        var reasons: String
        /// The manager's words, when the rules called for a sign-off.
        var signOff: String?
    }

    /// Both closed with no further action: the second was a re-referral, so Gareth Morgan
    /// signed it off, which is what makes this morning's third referral worth a second look.
    static let lilysEarlier = [
        Earlier(
            months: 9, outcome: .noFurtherAction,
            reasons: "Arguments at home with no violence reported. Lily is settled at school (attendance 97%) and Amy has accepted Barnardo's family support. The threshold for care and support is not met; Lowri and Amy know to come back to us if anything changes."),
        Earlier(
            months: 4, outcome: .noFurtherAction,
            reasons: "A second report of shouting at home, again with no violence. Lily's support worker saw her on her own and she says she feels safe. Barnardo's support continues and Amy has the Live Fear Free helpline.",
            signOff: "Agreed: no violence reported and support is in place. The school is to tell the hub of any fall in Lily's attendance."),
    ]

    /// Siân Pritchard decides an earlier referral the next working day, and Gareth Morgan
    /// signs it off within the hour when it needs him.
    static func decide(_ referral: Referral, _ earlier: Earlier, _ day: DemoDay) async throws {
        let submitted = referral.submittedAt ?? day.now
        let decidedAt = day.calendar.addingWorkingDays(1, to: submitted).addingTimeInterval(-4 * 3_600)
        _ = try await ReferralDesk.decide(
            referral.id, outcome: earlier.outcome, reasons: earlier.reasons, agenciesDisagree: false,
            by: try day.person("sian.pritchard"), at: decidedAt, requestID: day.requestID, catalogue: day.catalogue,
            calendar: day.calendar, on: day.db)
        if let words = earlier.signOff {
            _ = try await ReferralDesk.signOff(
                referral.id, agreed: true, reason: words, by: try day.person("gareth.morgan"),
                at: decidedAt.addingTimeInterval(3_600), requestID: day.requestID, catalogue: day.catalogue,
                calendar: day.calendar, on: day.db)
        }
    }

    /// A GP's referral the hub's agencies did not agree on: Siân offered information,
    /// advice and assistance, the police officer in the hub thought a strategy discussion
    /// was needed, so the decision waits for the manager's sign-off.
    static func awaitingSignOff(_ day: DemoDay) async throws {
        guard let zara = try await DemoReferrals.child("Zara", "Khan", day) else { return }
        let referral = try await DemoReferrals.submit(
            DemoReferrals.form(.multiAgencyReferralForm, zara, household: [
                HouseholdMember(name: "Amina Khan", relationship: .mother, holdsParentalResponsibility: true),
                HouseholdMember(name: "Imran Khan", relationship: .father, holdsParentalResponsibility: true),
                HouseholdMember(name: "Ayaan Khan", relationship: .sibling),
            ], concern: ReferralConcern(
                categories: [.emotionalAbuse], description: "Zara came to surgery with her mother with cuts to both forearms. She has been low since the summer and has a boyfriend of 19 her parents have not met.",
                childsOwnWords: "\"He's the only one who gets me. I cut when everything is too loud.\"",
                immediateProtection: "Zara is at home with her mother; an urgent CAMHS referral is made.",
                actionAlreadyTaken: "Wounds dressed; safety plan agreed with Zara and Amina.")),
            by: try day.person("anil.shah"), at: day.hoursAgo(5), day)
        _ = try await ReferralDesk.decide(
            referral.id, outcome: .informationAdviceAssistance,
            reasons: "Zara's self-harm is being treated and CAMHS have her referral. No adult is known to be harming her; information and advice to Amina and Zara, with the school counsellor. DC Evans disagrees: the older boyfriend may be grooming her, and she asks for a strategy discussion.",
            agenciesDisagree: true, by: try day.person("sian.pritchard"), at: day.hoursAgo(2), requestID: day.requestID,
            catalogue: day.catalogue, calendar: day.calendar, on: day.db)
    }
}
