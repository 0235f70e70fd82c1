/// Whether recorded sex agrees.
public enum SexAgreement: UInt8, Sendable, Hashable, CaseIterable {
    case notCompared = 0
    case equal = 1
    case differs = 2
}
