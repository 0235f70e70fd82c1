import Foundation

/// One of the hub's actions on a waiting referral, each on its own page reached from the
/// list of actions at the top of the referral (`/referrals/:referralID/<action>`), so the
/// referral's own page stays a summary and the manager's sign-off is never lost below
/// another form.
enum ReferralActionPage: String, CaseIterable, Sendable {
    case decision
    case requests
    case signOff = "sign-off"

    var template: String { "referral-\(rawValue)" }

    /// The page's heading, and the words of the link to it.
    var titleKey: String {
        switch self {
        case .decision: "referral.decide.title"
        case .requests: "referral.requests.send_title"
        case .signOff: "referral.sign_off.title"
        }
    }

    func href(_ referralID: String) -> String { "/referrals/\(referralID)/\(rawValue)" }

    /// Whether the reader may take this action on the referral as it stands.
    func isOpen(in context: ReferralPageContext) -> Bool {
        switch self {
        case .decision: context.canDecide
        case .requests: context.canRequest
        case .signOff: context.canSignOff
        }
    }
}
