import Foundation

/// How the early intervention pathway is doing, as the inspection letter measured it:
/// the share of families referred again, and the share escalated back to the hub.
public struct EarlyInterventionRates: Sendable, Hashable, Codable {
    public var cases: Int
    public var reReferred: Int
    public var escalated: Int
    public var firstContactOnTime: Int
    public var firstContactLate: Int
    public var whatMattersOnTime: Int
    public var whatMattersLate: Int
    /// Steps not yet taken whose deadline has passed.
    public var overdueNow: Int

    public var reReferralRate: Double? { cases == 0 ? nil : Double(reReferred) / Double(cases) }
    public var escalationRate: Double? { cases == 0 ? nil : Double(escalated) / Double(cases) }

    /// Counts the cases. `laterReferrals` holds, for each case's child, when that child
    /// was referred again; a referral counts as a re-referral when it came after the case
    /// opened and within twelve months, and is not the team's own escalation.
    public static func measure(
        _ cases: [EarlyInterventionCase], laterReferrals: [UUID: [(referralID: UUID, at: Date)]], at now: Date,
        timeZone: TimeZone = WorkingCalendar.londonTimeZone
    ) -> EarlyInterventionRates {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var rates = EarlyInterventionRates(
            cases: cases.count, reReferred: 0, escalated: 0, firstContactOnTime: 0, firstContactLate: 0,
            whatMattersOnTime: 0, whatMattersLate: 0, overdueNow: 0)
        for item in cases {
            if item.escalation != nil { rates.escalated += 1 }
            if let childID = item.childID, let referrals = laterReferrals[childID] {
                let yearOn = calendar.date(byAdding: .month, value: 12, to: item.openedAt) ?? item.openedAt
                let again = referrals.contains {
                    $0.at > item.openedAt && $0.at <= yearOn && $0.referralID != item.referralID
                        && $0.referralID != item.escalation?.referralID
                }
                if again { rates.reReferred += 1 }
            }
            switch item.firstContactOnTime {
            case true?: rates.firstContactOnTime += 1
            case false?: rates.firstContactLate += 1
            case nil: break
            }
            switch item.whatMattersOnTime {
            case true?: rates.whatMattersOnTime += 1
            case false?: rates.whatMattersLate += 1
            case nil: break
            }
            if let due = item.nextDue, due < now { rates.overdueNow += 1 }
        }
        return rates
    }
}
