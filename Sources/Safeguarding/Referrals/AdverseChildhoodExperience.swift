/// The adverse childhood experiences a referrer or officer saw or was told about.
public enum AdverseChildhoodExperience: String, Sendable, Hashable, Codable, CaseIterable {
    case domesticAbuse = "domestic_abuse"
    case parentalSubstanceMisuse = "parental_substance_misuse"
    case parentalMentalIllHealth = "parental_mental_ill_health"
    case parentalSeparation = "parental_separation"
    case parentInPrison = "parent_in_prison"
    case physicalAbuse = "physical_abuse"
    case emotionalAbuse = "emotional_abuse"
    case sexualAbuse = "sexual_abuse"
    case neglect
}
