import Foundation
import Safeguarding
import SafeguardingStore

/// The notice that tells a referrer what became of their referral (F9), written in
/// their language and saying no more than they may know: the reference and the kind of
/// outcome, never the child's name (notices travel by email) or the hub's reasons.
enum ReferrerFeedback {
    static func notice(
        for referral: Referral, outcome: DecisionOutcome, to referrer: UserAccount, catalogue: Catalogue
    ) -> Notice {
        let language = referrer.language
        let reference = referral.reference ?? ""
        let category = outcome.feedbackCategory
        return Notice(
            kind: "referral_outcome", referralID: referral.id, recipientUserID: referrer.id, language: language,
            subject: catalogue.text("notice.outcome.subject", language, [reference]),
            body: [
                catalogue.text("notice.outcome.greeting", language, [referrer.displayName]),
                catalogue.text("notice.outcome.intro", language, [reference]),
                catalogue.text("feedback.\(category.rawValue)", language),
                catalogue.text("notice.outcome.more", language),
            ].joined(separator: "\n\n"),
            createdAt: Date())
    }
}
