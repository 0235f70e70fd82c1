/// Compares two prepared people field by field.
///
/// The two sides may live in different string pools (an index and a query),
/// so values are compared by content; ids are only a fast path within one pool.
struct PersonComparator {
    let leftPool: StringPool
    let rightPool: StringPool
    /// Only valid when both sides share one pool, since it is keyed by pool ids.
    var cache: SimilarityCache? = nil

    /// Thresholds from the name-matching literature (and Splink's defaults):
    /// ≥ 0.94 is nearly always a typing error, ≥ 0.85 a plausible variant.
    static let typoSimilarity = 0.94
    static let variantSimilarity = 0.85

    func compare(_ a: PreparedPerson, _ b: PreparedPerson) -> PairComparison {
        var result = compareCheapFields(a, b)
        result.givenName = compareGivenNames(a, b)
        result.surname = compareSurnames(a, b)
        if result.surname == .differs || result.givenName == .differs, namesSwapped(a, b) {
            result.namesSwapped = true
            result.givenName = .spelledSimilarly
            result.surname = .spelledSimilarly
        }
        if a.address != 0 && b.address != 0 {
            result.address = leftPool.withBytes(a.address) { l in
                rightPool.withBytes(b.address) { r in AddressAgreement.compare(normalised: l, r) }
            }
        }
        return result
    }

    /// The fields that cost a few integer comparisons (birth date, sex,
    /// postcode, identifiers); names and address are left "not compared".
    /// Bulk linkage uses this to rule out most candidate pairs before paying
    /// for string similarity.
    func compareCheapFields(_ a: PreparedPerson, _ b: PreparedPerson) -> PairComparison {
        var result = PairComparison()
        result.dateOfBirth = DateOfBirthAgreement.compare(packed: a.dateOfBirth, b.dateOfBirth)
        if a.sex != 0 && b.sex != 0 { result.sex = a.sex == b.sex ? .equal : .differs }
        if a.postcode != 0 && b.postcode != 0 {
            result.postcode = same(a.postcode, b.postcode) ? .equal : leftPool.withBytes(a.postcode) { l in
                rightPool.withBytes(b.postcode) { r in PostcodeAgreement.compare(canonical: l, r) }
            }
        }
        result.nhsNumber = compareNHSNumbers(a.nhsNumber, b.nhsNumber)
        result.uniquePupilNumber = compareIdentifiers(a.uniquePupilNumber, b.uniquePupilNumber)
        result.policeID = compareIdentifiers(a.policeID, b.policeID)
        result.socialCareID = compareIdentifiers(a.socialCareID, b.socialCareID)
        result.otherID = compareIdentifiers(a.otherID, b.otherID)
        return result
    }

    @inline(__always)
    func same(_ left: UInt32, _ right: UInt32) -> Bool {
        if left == 0 || right == 0 { return left == right }
        return leftPool.withBytes(left) { l in rightPool.withBytes(right) { r in JaroWinkler.memcmpEqual(l, r) } }
    }

    func similarity(_ left: UInt32, _ right: UInt32) -> Double {
        guard let cache else {
            return leftPool.withBytes(left) { l in rightPool.withBytes(right) { r in JaroWinkler.similarity(l, r) } }
        }
        // One pool on both sides: compute in id order so the cached value does not
        // depend on which record of a pair came first (greedy Jaro matching can
        // differ very slightly by direction).
        let (first, second) = left < right ? (left, right) : (right, left)
        return cache.similarity(first, second) {
            leftPool.withBytes(first) { l in leftPool.withBytes(second) { r in JaroWinkler.similarity(l, r) } }
        }
    }

    func oneEditApart(_ left: UInt32, _ right: UInt32) -> Bool {
        leftPool.withBytes(left) { l in rightPool.withBytes(right) { r in EditDistance.isOneEditApart(l, r) } }
    }

    private func compareGivenNames(_ a: PreparedPerson, _ b: PreparedPerson) -> GivenNameAgreement {
        guard a.givenName != 0, b.givenName != 0 else { return .notCompared }
        if same(a.givenName, b.givenName) { return .equal }
        if NicknameTable.sharesGroup(a.nicknameGroups, b.nicknameGroups) { return .nicknameEquivalent }
        let lengthA = leftPool.length(a.givenName), lengthB = rightPool.length(b.givenName)
        if lengthA > 1 && lengthB > 1 {
            let similarity = similarity(a.givenName, b.givenName)
            if similarity >= Self.typoSimilarity || oneEditApart(a.givenName, b.givenName) { return .spelledSimilarly }
            if similarity >= Self.variantSimilarity || same(a.givenNameSound, b.givenNameSound) { return .soundsAlike }
        }
        if lengthA == 1 || lengthB == 1 {
            let initialA = leftPool.withBytes(a.givenName) { $0[0] }, initialB = rightPool.withBytes(b.givenName) { $0[0] }
            if initialA == initialB { return .initialOrMiddleName }
        }
        if containsPart(rightPool, b.middleNames, leftPool, a.givenName)
            || containsPart(leftPool, a.middleNames, rightPool, b.givenName) {
            return .initialOrMiddleName
        }
        return .differs
    }

    private func compareSurnames(_ a: PreparedPerson, _ b: PreparedPerson) -> SurnameAgreement {
        guard a.surname != 0, b.surname != 0 else { return .notCompared }
        if same(a.surname, b.surname) { return .equal }
        if sharePart(a.surname, b.surname) { return .sharesPart }
        if sharePart(a.surnameRoots, b.surnameRoots) { return .patronymicEquivalent }
        let similarity = similarity(a.surname, b.surname)
        if similarity >= Self.typoSimilarity || oneEditApart(a.surname, b.surname) { return .spelledSimilarly }
        if similarity >= Self.variantSimilarity || same(a.surnameSound, b.surnameSound) { return .soundsAlike }
        return .differs
    }

    private func namesSwapped(_ a: PreparedPerson, _ b: PreparedPerson) -> Bool {
        guard a.givenName != 0, b.givenName != 0, a.surname != 0, b.surname != 0 else { return false }
        func close(_ x: UInt32, _ y: UInt32) -> Bool {
            same(x, y) || similarity(x, y) >= Self.typoSimilarity
        }
        return close(a.givenName, b.surname) && close(a.surname, b.givenName)
    }

    private func compareNHSNumbers(_ left: UInt32, _ right: UInt32) -> IdentifierAgreement {
        let agreement = compareIdentifiers(left, right)
        guard agreement == .nearlyEqual else { return agreement }
        // Two numbers that both pass the check digit cannot be one typo apart.
        let validLeft = leftPool.withBytes(left, NHSNumber.isValid), validRight = rightPool.withBytes(right, NHSNumber.isValid)
        return validLeft && validRight ? .conflicts : .nearlyEqual
    }

    private func compareIdentifiers(_ left: UInt32, _ right: UInt32) -> IdentifierAgreement {
        guard left != 0, right != 0 else { return .notCompared }
        if same(left, right) { return .equal }
        return oneEditApart(left, right) ? .nearlyEqual : .conflicts
    }

    /// Whether the space-separated parts of two values share a part.
    private func sharePart(_ left: UInt32, _ right: UInt32) -> Bool {
        leftPool.withBytes(left) { l in rightPool.withBytes(right) { r in ByteSpans.shareWord(l, r) } }
    }

    private func containsPart(_ poolParts: StringPool, _ parts: UInt32, _ poolValue: StringPool, _ value: UInt32) -> Bool {
        guard parts != 0, value != 0 else { return false }
        return poolParts.withBytes(parts) { p in poolValue.withBytes(value) { v in ByteSpans.shareWord(p, v) } }
    }
}
