/// The ways candidate pairs are found without comparing everyone with everyone.
///
/// Each rule groups people who share a cheap key; only people sharing at least
/// one key are compared. The rules overlap on purpose, so a typo in one field
/// (a wrong birth year, a misspelt surname) still leaves another rule that
/// brings the pair together.
public enum BlockingRule: UInt8, Sendable, Hashable, CaseIterable, Codable {
    case nhsNumber = 1
    case uniquePupilNumber
    case policeID
    case socialCareID
    case otherID
    /// Phonetic key of the surname (and of each part of a double surname) plus birth year.
    case surnameSoundAndBirthYear
    /// First letter of the given name plus birth date, with day and month in
    /// either order so swapped dates still meet.
    case givenInitialAndBirthDate
    /// Postcode plus birth date (day/month order-insensitive).
    case postcodeAndBirthDate
    /// Phonetic keys of given name and surname, in either order so swapped names still meet.
    case givenAndSurnameSound
    /// Postcode plus phonetic surname, for people whose birth date was mistyped.
    case postcodeAndSurnameSound
    /// Postcode plus phonetic given name, for people whose surname was
    /// misspelt and whose birth date is missing or a placeholder.
    case postcodeAndGivenNameSound
    /// First half and last half of each identifier separately, so an identifier
    /// with one mistyped character still meets its correct form.
    case identifierHalves

    /// The keys a person produces under every rule. Placeholder birth dates
    /// produce no date-based keys: everyone born "1900-01-01" is not a family.
    static func keys(for person: PreparedPerson, pool: StringPool) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(10)
        keys(for: person, pool: pool) { result.append($0) }
        return result
    }

    /// Calls `emit` with each key; hashes straight from the pool's bytes so no
    /// intermediate arrays are built.
    static func keys(for person: PreparedPerson, pool: StringPool, _ emit: (UInt64) -> Void) {
        func hasher(_ rule: BlockingRule, _ first: UInt32) -> BlockingHasher {
            var hasher = BlockingHasher(rule: rule)
            pool.withBytes(first) { hasher.combine($0) }
            return hasher
        }
        if person.nhsNumber != 0 { emit(hasher(.nhsNumber, person.nhsNumber).value) }
        if person.uniquePupilNumber != 0 { emit(hasher(.uniquePupilNumber, person.uniquePupilNumber).value) }
        if person.policeID != 0 { emit(hasher(.policeID, person.policeID).value) }
        if person.socialCareID != 0 { emit(hasher(.socialCareID, person.socialCareID).value) }
        if person.otherID != 0 { emit(hasher(.otherID, person.otherID).value) }
        for (field, id) in [(0 as UInt8, person.nhsNumber), (1, person.uniquePupilNumber), (2, person.policeID),
                            (3, person.socialCareID), (4, person.otherID)] where id != 0 {
            pool.withBytes(id) { bytes in
                guard bytes.count >= 6 else { return }
                let half = (bytes.count + 1) / 2
                // A half with few digits ("SC48" of a local social care id) would
                // gather hundreds of unrelated people; such halves are skipped.
                func distinctive(_ part: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
                    part.lazy.filter { $0 >= 0x30 && $0 <= 0x39 }.count >= 4
                }
                let front = bytes.prefix(half), back = bytes.suffix(half)
                if distinctive(front) {
                    var hasher = BlockingHasher(rule: .identifierHalves)
                    hasher.combine(CollectionOfOne(field))
                    hasher.combine(front)
                    emit(hasher.value)
                }
                if distinctive(back) {
                    var hasher = BlockingHasher(rule: .identifierHalves)
                    hasher.combine(CollectionOfOne(field | 0x80))
                    hasher.combine(back)
                    emit(hasher.value)
                }
            }
        }
        let date = person.dateOfBirth
        let year = Int(date / 10000), month = Int(date / 100 % 100), day = Int(date % 100)
        let isPlaceholder = date == 0 || (day == 1 && month == 1) || year <= 1901
        if date != 0, year > 1901, person.surnameSound != 0 {
            let yearBytes = littleEndian(UInt32(year))
            var whole = hasher(.surnameSoundAndBirthYear, person.surnameSound)
            whole.combine(yearBytes)
            emit(whole.value)
            if person.surnamePartSounds != person.surnameSound {
                pool.withBytes(person.surnamePartSounds) { sounds in
                    _ = ByteSpans.anyWord(sounds) { part in
                        var hasher = BlockingHasher(rule: .surnameSoundAndBirthYear)
                        hasher.combine(part)
                        hasher.combine(yearBytes)
                        emit(hasher.value)
                        return false
                    }
                }
            }
        }
        if !isPlaceholder {
            let orderFree = littleEndian(UInt32(year * 10000 + min(month, day) * 100 + max(month, day)))
            if person.givenName != 0 {
                var hasher = BlockingHasher(rule: .givenInitialAndBirthDate)
                hasher.combine(CollectionOfOne(pool.withBytes(person.givenName) { $0[0] }))
                hasher.combine(orderFree)
                emit(hasher.value)
            }
            if person.postcode != 0 {
                var hasher = hasher(.postcodeAndBirthDate, person.postcode)
                hasher.combine(orderFree)
                emit(hasher.value)
            }
        }
        if person.givenNameSound != 0 && person.surnameSound != 0 {
            let givenFirst = pool.withBytes(person.givenNameSound) { given in
                pool.withBytes(person.surnameSound) { surname in given.lexicographicallyPrecedes(surname) }
            }
            let (first, second) = givenFirst ? (person.givenNameSound, person.surnameSound)
                                             : (person.surnameSound, person.givenNameSound)
            var hasher = hasher(.givenAndSurnameSound, first)
            pool.withBytes(second) { hasher.combine($0) }
            emit(hasher.value)
        }
        if person.postcode != 0 && person.surnameSound != 0 {
            var hasher = hasher(.postcodeAndSurnameSound, person.postcode)
            pool.withBytes(person.surnameSound) { hasher.combine($0) }
            emit(hasher.value)
        }
        if person.postcode != 0 && person.givenNameSound != 0 {
            var hasher = hasher(.postcodeAndGivenNameSound, person.postcode)
            pool.withBytes(person.givenNameSound) { hasher.combine($0) }
            emit(hasher.value)
        }
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
