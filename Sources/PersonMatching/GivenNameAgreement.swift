/// How two given names relate, from identical to unrelated.
///
/// The levels separate "same name written differently" (nickname, misspelling)
/// from "a different name", because a different given name with everything
/// else shared is the signature of a sibling or twin, not of a duplicate.
public enum GivenNameAgreement: UInt8, Sendable, Hashable, CaseIterable {
    case notCompared = 0
    case equal = 1
    /// Short form or Welsh/English equivalent (Dai/Dafydd/David, Siôn/John).
    case nicknameEquivalent = 2
    /// Almost certainly a typing error (Jaro–Winkler ≥ 0.94 or one keystroke apart).
    case spelledSimilarly = 3
    /// Same phonetic key or Jaro–Winkler ≥ 0.85.
    case soundsAlike = 4
    /// An initial that fits, or one record's given name is the other's middle name.
    case initialOrMiddleName = 5
    case differs = 6
}
