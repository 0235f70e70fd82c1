/// Scores how complete and specific a referral is, out of 100, by explicit rules.
///
/// A referral the hub can act on first time gets a child seen sooner; one that
/// says "concerns about the family" costs a day of phone calls. The score is not a
/// judgement of risk — a low-scoring referral can describe a child in danger — it
/// measures whether the hub has what it needs, and tells the referrer what to add.
///
/// ## Rules
///
/// Every rule is all-or-nothing and worth its weight (`ReferralQualityRule.baseWeight`,
/// summing to 100):
///
/// | Key (`referral.quality.rule.…`) | Weight | Met when |
/// |---|---|---|
/// | childIdentified | 10 | child's name **and** date of birth given |
/// | childAddress | 5 | child's address given |
/// | parentsNamed | 8 | at least one parent or carer named |
/// | householdListed | 6 | every household member listed has a date of birth (and at least one is listed), or the referrer confirms nobody else lives there |
/// | parentalResponsibility | 4 | who holds parental responsibility recorded |
/// | concernDetailed | 8 | concern has at least `minimumConcernWords` (25) words |
/// | concernSaysWhen | 6 | concern contains a date, time, weekday, month or relative day |
/// | concernSaysWhoOrWhere | 5 | concern names a relationship, title, capitalised name or place |
/// | concernSaysWhatHappened | 7 | concern contains an observed action, disclosure or injury word |
/// | concernNotVague | 5 | concern is not empty and does not use a stock phrase ("concerns about the family") unless it also covers two of when, who/where, what |
/// | childsOwnWords | 6 | child's words (or observations of a pre-verbal child) recorded |
/// | preferredLanguage | 4 | family's preferred language recorded |
/// | consent | 6 | consent given or refused, or a reason it was not sought |
/// | agenciesInvolved | 4 | agencies already involved answered |
/// | actionTaken | 4 | what the referrer has already done answered |
/// | immediateProtection | 6 | whether the child is safe now answered |
/// | schoolNamed | 3 | school or setting (or "not in education") answered |
/// | communicationNeeds | 3 | communication needs answered — "no information available" counts, blank does not |
///
/// For **health** referrals, `parentsNamed` and `householdListed` are mandatory:
/// their weights are multiplied by `mandatoryWeightMultiplier` (default 2) and
/// `ReferralQualityScore.unmetMandatoryRules` lists them when missing. Weights are
/// then scaled to whole points summing to exactly 100 by the largest-remainder
/// method (ties to the earlier rule), so totals are comparable across agencies.
///
/// The text heuristics are described on `ConcernSpecificity`.
public struct ReferralQuality: Sendable {
    public var minimumConcernWords: Int
    public var mandatoryWeightMultiplier: Int

    public init(minimumConcernWords: Int = 25, mandatoryWeightMultiplier: Int = 2) {
        self.minimumConcernWords = minimumConcernWords
        self.mandatoryWeightMultiplier = mandatoryWeightMultiplier
    }

    public func score(_ input: ReferralQualityInput) -> ReferralQualityScore {
        let specificity = ConcernSpecificity(analysing: input.concern)
        let rules = ReferralQualityRule.allCases
        let weights = rules.map { weight(of: $0, for: input.referringAgency) }
        let points = ReferralQuality.scaleToHundred(weights)
        let results = rules.indices.map { index in
            ReferralQualityRuleResult(
                rule: rules[index],
                met: isMet(rules[index], by: input, specificity: specificity),
                isMandatory: rules[index].isMandatory(for: input.referringAgency),
                weight: weights[index],
                points: points[index]
            )
        }
        return ReferralQualityScore(results: results)
    }

    public func weight(of rule: ReferralQualityRule, for agency: ReferringAgency) -> Int {
        rule.isMandatory(for: agency) ? rule.baseWeight * max(1, mandatoryWeightMultiplier) : rule.baseWeight
    }

    public func isMet(_ rule: ReferralQualityRule, by input: ReferralQualityInput) -> Bool {
        isMet(rule, by: input, specificity: ConcernSpecificity(analysing: input.concern))
    }

    private func isMet(_ rule: ReferralQualityRule, by input: ReferralQualityInput, specificity: ConcernSpecificity) -> Bool {
        switch rule {
        case .childIdentified:
            return input.childNamed && input.childDateOfBirthGiven
        case .childAddress:
            return input.childAddressGiven
        case .parentsNamed:
            return input.parentsOrCarersNamed > 0
        case .householdListed:
            return input.noOtherHouseholdMembers
                || (input.householdMembersListed > 0
                    && input.householdMembersWithDateOfBirth >= input.householdMembersListed)
        case .parentalResponsibility:
            return input.parentalResponsibilityRecorded
        case .concernDetailed:
            return specificity.wordCount >= minimumConcernWords
        case .concernSaysWhen:
            return specificity.mentionsWhen
        case .concernSaysWhoOrWhere:
            return specificity.mentionsWhoOrWhere
        case .concernSaysWhatHappened:
            return specificity.mentionsWhatHappened
        case .concernNotVague:
            return !specificity.isVague
        case .childsOwnWords:
            return ReferralQuality.isAnswered(input.childsOwnWords)
        case .preferredLanguage:
            return ReferralQuality.isAnswered(input.familyPreferredLanguage)
        case .consent:
            switch input.consent {
            case .given, .refused: return true
            case .notSought(let reason): return ReferralQuality.isAnswered(reason)
            case .notRecorded: return false
            }
        case .agenciesInvolved:
            return ReferralQuality.isAnswered(input.agenciesAlreadyInvolved)
        case .actionTaken:
            return ReferralQuality.isAnswered(input.actionAlreadyTaken)
        case .immediateProtection:
            return ReferralQuality.isAnswered(input.immediateProtection)
        case .schoolNamed:
            return ReferralQuality.isAnswered(input.schoolOrSetting)
        case .communicationNeeds:
            return ReferralQuality.isAnswered(input.communicationNeeds)
        }
    }

    /// Any letter or digit makes an answer; whitespace and punctuation alone do not.
    static func isAnswered(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }

    /// Whole points proportional to `weights`, summing to exactly 100.
    static func scaleToHundred(_ weights: [Int]) -> [Int] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights.map { _ in 0 } }
        var points = weights.map { $0 * 100 / total }
        let remainders = weights.map { $0 * 100 % total }
        let shortfall = 100 - points.reduce(0, +)
        let order = weights.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for index in order.prefix(shortfall) {
            points[index] += 1
        }
        return points
    }
}
