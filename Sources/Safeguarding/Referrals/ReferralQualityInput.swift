/// The facts about a referral that `ReferralQuality` scores, already reduced to
/// booleans, counts and free text by the form layer.
///
/// Kept as a plain value, separate from the stored referral, so the score can be
/// worked out live while a referrer is still typing, and so the rules can be
/// tested without building a whole referral. Free-text answers count as answered
/// when they contain any letter or digit: "no information available" is an answer,
/// a blank or a lone dash is not.
public struct ReferralQualityInput: Sendable, Hashable, Codable {
    public var referringAgency: ReferringAgency
    /// First name and surname of the child (or "Baby" and surname before birth).
    public var childNamed: Bool
    /// Date of birth, or expected date of delivery for an unborn child.
    public var childDateOfBirthGiven: Bool
    public var childAddressGiven: Bool
    /// How many parents or carers are named.
    public var parentsOrCarersNamed: Int
    /// Siblings and other household members listed (excluding the child and parents).
    public var householdMembersListed: Int
    /// How many of the listed household members have a date of birth.
    public var householdMembersWithDateOfBirth: Int
    /// The referrer has confirmed there is nobody else in the household.
    public var noOtherHouseholdMembers: Bool
    /// Who holds parental responsibility has been recorded.
    public var parentalResponsibilityRecorded: Bool
    /// The description of the concern.
    public var concern: String
    /// The child's own words, or for a pre-verbal child what was observed of them.
    public var childsOwnWords: String
    /// The family's preferred language, so the hub can make the Welsh active offer.
    public var familyPreferredLanguage: String
    public var consent: ReferralConsent
    public var agenciesAlreadyInvolved: String
    /// What the referrer has already done (spoken to the child, informed police, …).
    public var actionAlreadyTaken: String
    /// Whether the child is safe now and what has been done to keep them safe.
    public var immediateProtection: String
    /// The child's school, nursery or setting, or that they are not in education.
    public var schoolOrSetting: String
    /// Communication needs of the child or family (interpreter, BSL, learning disability).
    public var communicationNeeds: String

    public init(
        referringAgency: ReferringAgency,
        childNamed: Bool = false,
        childDateOfBirthGiven: Bool = false,
        childAddressGiven: Bool = false,
        parentsOrCarersNamed: Int = 0,
        householdMembersListed: Int = 0,
        householdMembersWithDateOfBirth: Int = 0,
        noOtherHouseholdMembers: Bool = false,
        parentalResponsibilityRecorded: Bool = false,
        concern: String = "",
        childsOwnWords: String = "",
        familyPreferredLanguage: String = "",
        consent: ReferralConsent = .notRecorded,
        agenciesAlreadyInvolved: String = "",
        actionAlreadyTaken: String = "",
        immediateProtection: String = "",
        schoolOrSetting: String = "",
        communicationNeeds: String = ""
    ) {
        self.referringAgency = referringAgency
        self.childNamed = childNamed
        self.childDateOfBirthGiven = childDateOfBirthGiven
        self.childAddressGiven = childAddressGiven
        self.parentsOrCarersNamed = parentsOrCarersNamed
        self.householdMembersListed = householdMembersListed
        self.householdMembersWithDateOfBirth = householdMembersWithDateOfBirth
        self.noOtherHouseholdMembers = noOtherHouseholdMembers
        self.parentalResponsibilityRecorded = parentalResponsibilityRecorded
        self.concern = concern
        self.childsOwnWords = childsOwnWords
        self.familyPreferredLanguage = familyPreferredLanguage
        self.consent = consent
        self.agenciesAlreadyInvolved = agenciesAlreadyInvolved
        self.actionAlreadyTaken = actionAlreadyTaken
        self.immediateProtection = immediateProtection
        self.schoolOrSetting = schoolOrSetting
        self.communicationNeeds = communicationNeeds
    }
}
