import Testing
@testable import Safeguarding

/// A referral that meets every rule.
func completeReferral(from agency: ReferringAgency = .education) -> ReferralQualityInput {
    ReferralQualityInput(
        referringAgency: agency,
        childNamed: true,
        childDateOfBirthGiven: true,
        childAddressGiven: true,
        parentsOrCarersNamed: 2,
        householdMembersListed: 2,
        householdMembersWithDateOfBirth: 2,
        parentalResponsibilityRecorded: true,
        concern: """
            On Monday 10 November at about 2.30pm Jack told his class teacher, Mrs Evans, that his \
            stepdad hit him with a belt at home last night because he would not go to bed. He showed \
            her a red mark on his left forearm about 5cm long.
            """,
        childsOwnWords: "\"He hit me with his belt and said he'd do it again.\"",
        familyPreferredLanguage: "Welsh",
        consent: .notSought(reason: "Asking the family could put Jack at further risk"),
        agenciesAlreadyInvolved: "School nurse",
        actionAlreadyTaken: "Spoke to Jack with the designated safeguarding person present",
        immediateProtection: "Jack is in school until 3.15pm; mum is collecting him",
        schoolOrSetting: "Pillgwenlly Primary School",
        communicationNeeds: "No information available"
    )
}

struct ReferralQualityTests {
    let quality = ReferralQuality()

    @Test func aCompleteReferralScoresFullMarks() {
        let score = quality.score(completeReferral())
        #expect(score.total == 100)
        #expect(score.improvements.isEmpty)
        #expect(score.results.allSatisfy { $0.met })
        #expect(score.meetsMandatoryRules)
    }

    @Test func anEmptyReferralScoresNothingAndListsEveryRuleByValue() {
        let score = quality.score(ReferralQualityInput(referringAgency: .police))
        #expect(score.total == 0)
        #expect(score.improvements == [
            "referral.quality.rule.childIdentified",
            "referral.quality.rule.parentsNamed",
            "referral.quality.rule.concernDetailed",
            "referral.quality.rule.concernSaysWhatHappened",
            "referral.quality.rule.householdListed",
            "referral.quality.rule.concernSaysWhen",
            "referral.quality.rule.childsOwnWords",
            "referral.quality.rule.consent",
            "referral.quality.rule.immediateProtection",
            "referral.quality.rule.childAddress",
            "referral.quality.rule.concernSaysWhoOrWhere",
            "referral.quality.rule.concernNotVague",
            "referral.quality.rule.parentalResponsibility",
            "referral.quality.rule.preferredLanguage",
            "referral.quality.rule.agenciesInvolved",
            "referral.quality.rule.actionTaken",
            "referral.quality.rule.schoolNamed",
            "referral.quality.rule.communicationNeeds",
        ])
    }

    @Test func baseWeightsAreOutOfOneHundred() {
        #expect(ReferralQualityRule.allCases.map(\.baseWeight).reduce(0, +) == 100)
        let score = quality.score(completeReferral(from: .education))
        #expect(score.results.allSatisfy { $0.points == $0.weight && $0.weight == $0.rule.baseWeight })
    }

    @Test(arguments: ReferringAgency.allCases)
    func pointsAlwaysSumToOneHundred(agency: ReferringAgency) {
        let score = quality.score(ReferralQualityInput(referringAgency: agency))
        #expect(score.results.map(\.points).reduce(0, +) == 100)
        #expect(quality.score(completeReferral(from: agency)).total == 100)
    }

    /// Breaks exactly one rule in an otherwise complete referral.
    static let breakers: [(ReferralQualityRule, @Sendable (inout ReferralQualityInput) -> Void)] = [
        (.childIdentified, { $0.childDateOfBirthGiven = false }),
        (.childAddress, { $0.childAddressGiven = false }),
        (.parentsNamed, { $0.parentsOrCarersNamed = 0 }),
        (.householdListed, { $0.householdMembersWithDateOfBirth = 1 }),
        (.parentalResponsibility, { $0.parentalResponsibilityRecorded = false }),
        (.concernDetailed, { $0.concern = "On Monday Jack told Mrs Evans his stepdad hit him at home." }),
        (.concernSaysWhen, {
            $0.concern = """
                Jack told his class teacher, Mrs Evans, that his stepdad hit him with a belt at home \
                because he would not go to bed. He showed her a red mark on his left forearm about five centimetres long.
                """
        }),
        (.concernSaysWhoOrWhere, {
            $0.concern = """
                Last night at about 10pm he was hit with a belt, according to what was disclosed this \
                morning. A red mark about five centimetres long was seen on the left forearm and it was \
                still visible at 2.30pm.
                """
        }),
        (.concernSaysWhatHappened, {
            $0.concern = """
                On Monday 10 November at about 2.30pm Jack came to his class teacher, Mrs Evans, \
                upset and quiet about his stepdad and life at home over the weekend, and asked if he could \
                stay in school tonight.
                """
        }),
        (.childsOwnWords, { $0.childsOwnWords = "   " }),
        (.preferredLanguage, { $0.familyPreferredLanguage = "" }),
        (.consent, { $0.consent = .notSought(reason: " ") }),
        (.agenciesInvolved, { $0.agenciesAlreadyInvolved = "" }),
        (.actionTaken, { $0.actionAlreadyTaken = "-" }),
        (.immediateProtection, { $0.immediateProtection = "" }),
        (.schoolNamed, { $0.schoolOrSetting = "" }),
        (.communicationNeeds, { $0.communicationNeeds = "" }),
    ]

    @Test(arguments: breakers)
    func eachRuleCostsItsPointsAndIsTheOnlyImprovement(
        rule: ReferralQualityRule,
        breakRule: @Sendable (inout ReferralQualityInput) -> Void
    ) throws {
        var input = completeReferral()
        breakRule(&input)
        let score = quality.score(input)
        let result = try #require(score.result(for: rule))
        #expect(!result.met)
        #expect(result.earnedPoints == 0)
        #expect(score.total == 100 - rule.baseWeight)
        #expect(score.improvements == [rule.key])
    }

    @Test func everyRuleExceptVaguenessCanBeBrokenAlone() {
        let broken = Set(Self.breakers.map(\.0))
        #expect(Set(ReferralQualityRule.allCases).subtracting(broken) == [.concernNotVague])
    }

    @Test func vagueConcernFailsSeveralRules() {
        var input = completeReferral()
        input.concern = "Concerns about the family."
        let score = quality.score(input)
        #expect(score.result(for: .concernNotVague)?.met == false)
        #expect(Set(score.improvements) == [
            "referral.quality.rule.concernDetailed", "referral.quality.rule.concernSaysWhen",
            "referral.quality.rule.concernSaysWhoOrWhere", "referral.quality.rule.concernSaysWhatHappened",
            "referral.quality.rule.concernNotVague",
        ])
        #expect(score.total == 100 - 8 - 6 - 5 - 7 - 5)
    }

    @Test func aSpecificConcernMayStillMentionOngoingConcerns() {
        var input = completeReferral()
        input.concern += " There are ongoing concerns."
        #expect(quality.score(input).total == 100)
    }

    @Test func householdRule() {
        var input = completeReferral()
        input.householdMembersListed = 0
        input.householdMembersWithDateOfBirth = 0
        #expect(!quality.isMet(.householdListed, by: input))
        input.noOtherHouseholdMembers = true
        #expect(quality.isMet(.householdListed, by: input))
        input.noOtherHouseholdMembers = false
        input.householdMembersListed = 3
        input.householdMembersWithDateOfBirth = 2
        #expect(!quality.isMet(.householdListed, by: input))
        input.householdMembersWithDateOfBirth = 3
        #expect(quality.isMet(.householdListed, by: input))
    }

    @Test func childMustBeNamedAndDated() {
        var input = completeReferral()
        input.childNamed = false
        #expect(!quality.isMet(.childIdentified, by: input))
        input.childNamed = true
        input.childDateOfBirthGiven = false
        #expect(!quality.isMet(.childIdentified, by: input))
    }

    @Test(arguments: [
        (ReferralConsent.given, true), (.refused, true), (.notSought(reason: "Would alert the alleged abuser"), true),
        (.notSought(reason: ""), false), (.notRecorded, false),
    ])
    func consentRule(consent: ReferralConsent, met: Bool) {
        var input = completeReferral()
        input.consent = consent
        #expect(quality.isMet(.consent, by: input) == met)
    }

    @Test func noInformationAvailableIsAnAnswerButBlankIsNot() {
        #expect(ReferralQuality.isAnswered("No information available"))
        #expect(ReferralQuality.isAnswered("Dim gwybodaeth ar gael"))
        #expect(ReferralQuality.isAnswered("0"))
        #expect(!ReferralQuality.isAnswered(""))
        #expect(!ReferralQuality.isAnswered("  \n "))
        #expect(!ReferralQuality.isAnswered("- ."))
    }

    @Test func minimumConcernLengthIsConfigurable() {
        var input = completeReferral()
        input.concern = "On Monday Jack told Mrs Evans his stepdad hit him at home."
        #expect(!ReferralQuality().isMet(.concernDetailed, by: input))
        #expect(ReferralQuality(minimumConcernWords: 10).isMet(.concernDetailed, by: input))
    }

    @Test func ruleKeysAreStableAndUnique() {
        #expect(ReferralQualityRule.parentsNamed.key == "referral.quality.rule.parentsNamed")
        #expect(Set(ReferralQualityRule.allCases.map(\.key)).count == ReferralQualityRule.allCases.count)
        #expect(ReferringAgency.health.key == "referral.agency.health")
    }
}

struct HealthReferralQualityTests {
    let quality = ReferralQuality()

    @Test func parentsAndSiblingsAreMandatoryAndWeighDouble() {
        let score = quality.score(ReferralQualityInput(referringAgency: .health))
        #expect(score.result(for: .parentsNamed)?.isMandatory == true)
        #expect(score.result(for: .parentsNamed)?.weight == 16)
        #expect(score.result(for: .householdListed)?.isMandatory == true)
        #expect(score.result(for: .householdListed)?.weight == 12)
        #expect(score.results.filter(\.isMandatory).count == 2)
        // 114 weight scaled to 100 by largest remainder.
        #expect(score.results.map(\.points) == [9, 4, 14, 11, 4, 7, 5, 4, 6, 4, 5, 4, 5, 4, 3, 5, 3, 3])
        #expect(Array(score.improvements.prefix(3)) == [
            "referral.quality.rule.parentsNamed", "referral.quality.rule.householdListed",
            "referral.quality.rule.childIdentified",
        ])
        #expect(score.unmetMandatoryRules == ["referral.quality.rule.parentsNamed", "referral.quality.rule.householdListed"])
    }

    @Test func missingParentsFlagsTheReferralAsIncomplete() {
        var input = completeReferral(from: .health)
        input.parentsOrCarersNamed = 0
        let score = quality.score(input)
        #expect(score.total == 86)
        #expect(!score.meetsMandatoryRules)
        #expect(score.unmetMandatoryRules == ["referral.quality.rule.parentsNamed"])

        var education = completeReferral(from: .education)
        education.parentsOrCarersNamed = 0
        #expect(quality.score(education).total == 92)
        #expect(quality.score(education).meetsMandatoryRules)
    }

    @Test func multiplierIsConfigurable() {
        let triple = ReferralQuality(mandatoryWeightMultiplier: 3)
        #expect(triple.weight(of: .parentsNamed, for: .health) == 24)
        #expect(triple.weight(of: .parentsNamed, for: .police) == 8)
    }

    @Test func scalingHandlesEdgeCases() {
        #expect(ReferralQuality.scaleToHundred([1, 1, 1]) == [34, 33, 33])
        #expect(ReferralQuality.scaleToHundred([0, 0]) == [0, 0])
        #expect(ReferralQuality.scaleToHundred([3]) == [100])
    }
}
