/// The kinds of harm a referral can be about. A referral may name several.
public enum ConcernCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case physicalAbuse = "physical_abuse"
    case emotionalAbuse = "emotional_abuse"
    case sexualAbuse = "sexual_abuse"
    case neglect
    case financialAbuse = "financial_abuse"
    case domesticAbuse = "domestic_abuse"
    case exploitation
    case missing
    case other
}
