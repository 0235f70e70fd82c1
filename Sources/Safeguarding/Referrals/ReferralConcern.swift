/// What the referral is about, in the referrer's words and the child's.
public struct ReferralConcern: Sendable, Hashable, Codable {
    public var categories: [ConcernCategory]
    /// What happened, when, where and who was involved.
    public var description: String
    /// What the child said, in their own words; for a baby, what was seen of them.
    public var childsOwnWords: String
    /// Whether the child is safe now, and what has been done to keep them safe.
    public var immediateProtection: String
    /// What the referrer has already done: spoken to the child, called the police.
    public var actionAlreadyTaken: String
    /// How the referrer knows: seen, told by the child, told by someone else.
    public var sourceOfInformation: String
    public var adverseChildhoodExperiences: [AdverseChildhoodExperience]

    public init(
        categories: [ConcernCategory] = [], description: String = "", childsOwnWords: String = "",
        immediateProtection: String = "", actionAlreadyTaken: String = "", sourceOfInformation: String = "",
        adverseChildhoodExperiences: [AdverseChildhoodExperience] = []
    ) {
        self.categories = categories
        self.description = description
        self.childsOwnWords = childsOwnWords
        self.immediateProtection = immediateProtection
        self.actionAlreadyTaken = actionAlreadyTaken
        self.sourceOfInformation = sourceOfInformation
        self.adverseChildhoodExperiences = adverseChildhoodExperiences
    }
}
