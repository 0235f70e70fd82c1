/// What pushed a child away from home or care, as the return interview hears it.
public enum PushFactor: String, Sendable, Hashable, Codable, CaseIterable {
    case conflictAtHome = "conflict_at_home"
    case abuseOrNeglect = "abuse_or_neglect"
    case placementUnhappy = "placement_unhappy"
    case bullying
    case problemsAtSchool = "problems_at_school"
    case mentalHealth = "mental_health"
    case boundariesOrRules = "boundaries_or_rules"
}

/// What drew a child to where they went.
public enum PullFactor: String, Sendable, Hashable, Codable, CaseIterable {
    case friendsOrPeers = "friends_or_peers"
    case boyfriendOrGirlfriend = "boyfriend_or_girlfriend"
    case adultOfferingMoneyOrGifts = "adult_offering_money_or_gifts"
    case drugsOrAlcohol = "drugs_or_alcohol"
    case familyElsewhere = "family_elsewhere"
    case somewhereToStay = "somewhere_to_stay"
}
