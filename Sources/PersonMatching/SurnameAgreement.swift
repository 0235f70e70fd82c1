/// How two surnames relate.
public enum SurnameAgreement: UInt8, Sendable, Hashable, CaseIterable {
    case notCompared = 0
    case equal = 1
    /// One part of a double or hyphenated surname is shared (Jones-Williams / Williams).
    case sharesPart = 2
    /// A Welsh patronymic and its anglicised form (ap Rhys / Price).
    case patronymicEquivalent = 3
    case spelledSimilarly = 4
    case soundsAlike = 5
    case differs = 6
}
