/// One check that a good referral passes, with its weight out of 100.
///
/// The rules come from what hub practitioners say they most often have to chase
/// referrers for. Weights add up to 100 for most agencies so that a rule's weight
/// is the number of points it is worth. For health referrals, naming the parents
/// and listing the household are mandatory and weigh `mandatoryWeightMultiplier`
/// times as much; the points are then rescaled so the total is still out of 100.
/// See docs/ReferralQuality.md for the full table and the text heuristics.
public enum ReferralQualityRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The child's name and date of birth are both given.
    case childIdentified
    case childAddress
    /// At least one parent or carer is named.
    case parentsNamed
    /// Every sibling or household member is listed with a date of birth, or the
    /// referrer confirms there is nobody else.
    case householdListed
    case parentalResponsibility
    /// The concern has at least `ReferralQuality.minimumConcernWords` words.
    case concernDetailed
    /// The concern says when: a date, time, weekday, month or relative day.
    case concernSaysWhen
    /// The concern names who or where: a relationship, title, name or place.
    case concernSaysWhoOrWhere
    /// The concern says what happened: an observed action, disclosure or injury.
    case concernSaysWhatHappened
    /// The concern does not lean on stock phrases such as "concerns about the
    /// family" without at least two of when, who/where and what.
    case concernNotVague
    case childsOwnWords
    case preferredLanguage
    /// Consent given or refused, or a reason it was not sought.
    case consent
    case agenciesInvolved
    case actionTaken
    case immediateProtection
    case schoolNamed
    case communicationNeeds

    /// Stable localisation key, e.g. "referral.quality.rule.parentsNamed".
    public var key: String { "referral.quality.rule." + rawValue }

    /// The weight for referrals that have no mandatory rules; these sum to 100.
    public var baseWeight: Int {
        switch self {
        case .childIdentified: 10
        case .childAddress: 5
        case .parentsNamed: 8
        case .householdListed: 6
        case .parentalResponsibility: 4
        case .concernDetailed: 8
        case .concernSaysWhen: 6
        case .concernSaysWhoOrWhere: 5
        case .concernSaysWhatHappened: 7
        case .concernNotVague: 5
        case .childsOwnWords: 6
        case .preferredLanguage: 4
        case .consent: 6
        case .agenciesInvolved: 4
        case .actionTaken: 4
        case .immediateProtection: 6
        case .schoolNamed: 3
        case .communicationNeeds: 3
        }
    }

    /// Health professionals can see who the family are, so a health referral
    /// without parents and siblings is incomplete.
    public func isMandatory(for agency: ReferringAgency) -> Bool {
        switch (self, agency) {
        case (.parentsNamed, .health), (.householdListed, .health): true
        default: false
        }
    }
}
