/// A person reduced to the compact, pre-normalised form the matcher compares:
/// every text value interned in a `StringPool`, the date of birth packed into
/// one integer, nickname groups packed into one word.
///
/// Doing the normalisation once at insert time is what lets the index score
/// thousands of candidates per query within the latency budget.
struct PreparedPerson: Sendable {
    var givenName: UInt32 = 0
    /// Second and later given names plus the middle-name field, space separated.
    var middleNames: UInt32 = 0
    var surname: UInt32 = 0
    /// Patronymic roots of each surname part, space separated ("RHYS" for Price).
    var surnameRoots: UInt32 = 0
    var givenNameSound: UInt32 = 0
    var surnameSound: UInt32 = 0
    /// Phonetic keys of each surname part, space separated, for double surnames.
    var surnamePartSounds: UInt32 = 0
    var nicknameGroups: UInt64 = 0
    var dateOfBirth: UInt32 = 0
    var sex: UInt8 = 0
    var postcode: UInt32 = 0
    var address: UInt32 = 0
    var nhsNumber: UInt32 = 0
    var uniquePupilNumber: UInt32 = 0
    var policeID: UInt32 = 0
    var socialCareID: UInt32 = 0
    var otherID: UInt32 = 0
    var source: UInt32 = 0

    var hasIdentifier: Bool {
        nhsNumber != 0 || uniquePupilNumber != 0 || policeID != 0 || socialCareID != 0 || otherID != 0
    }

    var hasName: Bool { givenName != 0 || surname != 0 }

    init() {}

    /// The same person with every pool id translated through `map`.
    func remapped(_ map: [UInt32]) -> PreparedPerson {
        var copy = self
        copy.givenName = map[Int(givenName)]
        copy.middleNames = map[Int(middleNames)]
        copy.surname = map[Int(surname)]
        copy.surnameRoots = map[Int(surnameRoots)]
        copy.givenNameSound = map[Int(givenNameSound)]
        copy.surnameSound = map[Int(surnameSound)]
        copy.surnamePartSounds = map[Int(surnamePartSounds)]
        copy.postcode = map[Int(postcode)]
        copy.address = map[Int(address)]
        copy.nhsNumber = map[Int(nhsNumber)]
        copy.uniquePupilNumber = map[Int(uniquePupilNumber)]
        copy.policeID = map[Int(policeID)]
        copy.socialCareID = map[Int(socialCareID)]
        copy.otherID = map[Int(otherID)]
        copy.source = map[Int(source)]
        return copy
    }

    init(_ record: PersonRecord, pool: inout StringPool) {
        var givenParts = NameNormaliser.words(record.givenName)
        var surnameParts = NameNormaliser.surnameWords(record.surname)
        // "Dafydd ap Gruffydd" typed into a single name field.
        let split = NameNormaliser.splitPatronymic(words: givenParts)
        if !split.patronymic.isEmpty {
            givenParts = split.given
            if surnameParts.isEmpty { surnameParts = split.patronymic }
        }
        var middleParts = givenParts.count > 1 ? Array(givenParts.dropFirst()) : []
        if record.middleName != nil { middleParts += NameNormaliser.words(record.middleName) }
        if let first = givenParts.first {
            givenName = pool.intern(first)
            givenNameSound = pool.intern(PhoneticKey.encode(bytes: first))
            nicknameGroups = NicknameTable.groupMask(forBytes: first)
        }
        if !middleParts.isEmpty { middleNames = pool.intern(Array(middleParts.joined(separator: [0x20]))) }
        if surnameParts.count == 1 {
            // The common case, without the joins a double surname needs.
            let only = surnameParts[0]
            surname = pool.intern(only)
            let root = PatronymicSurnames.root(ofBytes: only)
            surnameRoots = root == only ? surname : pool.intern(root)
            surnameSound = pool.intern(PhoneticKey.encode(bytes: only))
            surnamePartSounds = surnameSound
        } else if !surnameParts.isEmpty {
            surname = pool.intern(Array(surnameParts.joined(separator: [0x20])))
            surnameRoots = pool.intern(Array(surnameParts.map(PatronymicSurnames.root(ofBytes:)).joined(separator: [0x20])))
            surnameSound = pool.intern(PhoneticKey.encode(bytes: Array(surnameParts.joined())))
            if surnameParts.count > 1 {
                surnamePartSounds = pool.intern(Array(surnameParts.map(PhoneticKey.encode(bytes:)).joined(separator: [0x20])))
            } else {
                surnamePartSounds = surnameSound
            }
        }
        dateOfBirth = record.dateOfBirth?.packed ?? 0
        sex = record.sex.map { $0 == .female ? 1 : 2 } ?? 0
        postcode = record.postcode.map { pool.intern(IdentifierAgreement.canonical($0)) } ?? 0
        address = record.address.map { pool.intern(AddressAgreement.normalise($0)) } ?? 0
        nhsNumber = record.nhsNumber.map { pool.intern(IdentifierAgreement.canonical($0)) } ?? 0
        uniquePupilNumber = record.uniquePupilNumber.map { pool.intern(IdentifierAgreement.canonical($0)) } ?? 0
        policeID = record.policeID.map { pool.intern(IdentifierAgreement.canonical($0)) } ?? 0
        socialCareID = record.socialCareID.map { pool.intern(IdentifierAgreement.canonical($0)) } ?? 0
        otherID = record.otherID.map { pool.intern(IdentifierAgreement.canonical($0)) } ?? 0
        source = record.source.map { pool.intern(Array($0.utf8)) } ?? 0
    }
}
