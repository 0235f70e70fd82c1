import Testing
import PersonMatching

@Suite("Siblings and twins stay apart")
struct FamilyRulesTests {
    let matcher = PersonMatcher()

    @Test func sameChildAcrossAgenciesMatches() {
        let assessment = matcher.assess(Children.osianHealth, Children.osianSchool)
        #expect(assessment.isMatch)
        #expect(!assessment.reasons.contains(.possibleTwin))
    }

    @Test func twinsWithDifferentNamesDoNotMatch() {
        let assessment = matcher.assess(Children.osianHealth, Children.owainHealth)
        #expect(!assessment.isMatch)
        #expect(assessment.reasons.contains(.possibleTwin))
    }

    @Test func twinsWithoutIdentifiersStillDoNotMatch() {
        var osian = Children.osianHealth, owain = Children.owainHealth
        osian.nhsNumber = nil
        owain.nhsNumber = nil
        let assessment = matcher.assess(osian, owain)
        #expect(!assessment.isMatch)
        #expect(assessment.reasons.contains(.possibleTwin))
    }

    @Test func twinsWithSimilarSoundingNamesDoNotMatch() {
        let elin = Children.record("a", given: "Elin", surname: "Hughes", born: Children.twinBirthday,
                                   postcode: "SA31 3YE", sex: .female, address: "4 Heol Isaf")
        let eleri = Children.record("b", given: "Eleri", surname: "Hughes", born: Children.twinBirthday,
                                    postcode: "SA31 3YE", sex: .female, address: "4 Heol Isaf")
        #expect(!matcher.assess(elin, eleri).isMatch)
    }

    @Test func siblingsSharingSurnameAndHomeDoNotMatch() {
        let assessment = matcher.assess(Children.osianSchool, Children.ffionSocialCare)
        #expect(!assessment.isMatch)
        #expect(assessment.reasons.contains(.possibleSibling))
    }

    @Test func missingGivenNameWithSharedHomeIsTreatedAsPossibleSibling() {
        var unnamed = Children.ffionSocialCare
        unnamed.givenName = nil
        unnamed.socialCareID = nil
        unnamed.nhsNumber = nil
        let assessment = matcher.assess(unnamed, Children.osianSchool)
        #expect(!assessment.isMatch)
    }

    @Test func conflictingNHSNumbersOutweighIdenticalDetails() {
        var copy = Children.osianHealth
        copy.recordID = "HB-9999"
        copy.nhsNumber = "4010232137"
        let assessment = matcher.assess(Children.osianHealth, copy)
        #expect(!assessment.isMatch)
        #expect(assessment.reasons.contains(.nhsNumberConflicts))
    }

    @Test func familyRuleLowersTheScoreRatherThanOnlyTheDecision() {
        let rules = FamilyRules.standard
        let comparison = matcher.compare(Children.osianHealth, Children.owainHealth)
        let penalty = rules.penalty(for: comparison, weights: .standard)
        #expect(penalty.bits > rules.twinPenalty)
        #expect(penalty.reason == .possibleTwin)
    }

    @Test func agreeingIdentifierOverridesTheFamilyRules() {
        var nickname = Children.osianHealth
        nickname.recordID = "PO-1"
        nickname.givenName = "Osh"
        #expect(FamilyRules.standard.finding(for: matcher.compare(Children.osianHealth, nickname)) == nil)
    }

    @Test func rulesCanBeSwitchedOffForFilesWithoutFamilies() {
        var rules = FamilyRules.standard
        rules.detectsFamilies = false
        #expect(rules.finding(for: matcher.compare(Children.osianSchool, Children.ffionSocialCare)) == nil)
    }
}
