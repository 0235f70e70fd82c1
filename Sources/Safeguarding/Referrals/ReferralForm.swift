/// Everything a referrer writes on a Multi-Agency Referral Form or a Public
/// Protection Notice, section by section (Wales Safeguarding Procedures).
///
/// A draft form may be incomplete; ``submissionProblems(agency:today:)`` says what
/// must be put right before it can go to the hub, and `ReferralQuality` scores how
/// much the hub will be able to do with it.
public struct ReferralForm: Sendable, Hashable, Codable {
    public var kind: ReferralKind
    public var child: ReferredChild
    public var household: [HouseholdMember]
    /// The referrer confirms there is nobody else in the household (so an empty list is an answer).
    public var noOtherHouseholdMembers: Bool
    /// Who holds parental responsibility, when it is not clear from the household list.
    public var parentalResponsibility: String
    public var significantOthers: String
    public var agenciesInvolved: String
    public var concern: ReferralConcern
    public var familyLanguage: FamilyLanguage?
    public var familyInformed: Bool?
    public var consent: ReferralConsent
    public var referrerPhone: String
    public var policeNotice: PoliceNoticeDetails?

    public init(
        kind: ReferralKind, child: ReferredChild = ReferredChild(), household: [HouseholdMember] = [],
        noOtherHouseholdMembers: Bool = false, parentalResponsibility: String = "", significantOthers: String = "",
        agenciesInvolved: String = "", concern: ReferralConcern = ReferralConcern(), familyLanguage: FamilyLanguage? = nil,
        familyInformed: Bool? = nil, consent: ReferralConsent = .notRecorded, referrerPhone: String = "",
        policeNotice: PoliceNoticeDetails? = nil
    ) {
        self.kind = kind
        self.child = child
        self.household = household
        self.noOtherHouseholdMembers = noOtherHouseholdMembers
        self.parentalResponsibility = parentalResponsibility
        self.significantOthers = significantOthers
        self.agenciesInvolved = agenciesInvolved
        self.concern = concern
        self.familyLanguage = familyLanguage
        self.familyInformed = familyInformed
        self.consent = consent
        self.referrerPhone = referrerPhone
        self.policeNotice = policeNotice ?? (kind == .policeProtectionNotice ? PoliceNoticeDetails() : nil)
    }
}
