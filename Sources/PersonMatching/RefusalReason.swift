/// Why a record was left out of linkage instead of being matched.
///
/// A record with too little information would otherwise attach to whoever it
/// happens to resemble; refusing it and saying why lets the data officer fix
/// the source. Each reason has a stable localisation key.
public enum RefusalReason: String, Sendable, Hashable, CaseIterable, Codable {
    case missingRecordID
    case duplicateRecordID
    /// Neither a given name nor a surname, and no identifier.
    case noNameAndNoIdentifier
    /// No usable date of birth, and no identifier.
    case noDateOfBirthAndNoIdentifier

    /// Stable localisation key, e.g. "match.refusal.noNameAndNoIdentifier".
    public var key: String { "match.refusal." + rawValue }

    /// The reason to refuse a record for matching, or `nil` if it can be matched:
    /// a record needs an identifier, or both a name and a date of birth.
    public static func check(_ record: PersonRecord) -> RefusalReason? {
        if !record.recordID.utf8.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return .missingRecordID }
        let identifiers = [record.nhsNumber, record.uniquePupilNumber, record.policeID, record.socialCareID, record.otherID]
        if identifiers.contains(where: { !IdentifierAgreement.canonical($0 ?? "").isEmpty }) { return nil }
        let hasName = [record.givenName, record.surname].contains { !NameNormaliser.foldedBytes($0 ?? "").isEmpty }
        if !hasName { return .noNameAndNoIdentifier }
        if record.dateOfBirth == nil { return .noDateOfBirthAndNoIdentifier }
        return nil
    }
}
