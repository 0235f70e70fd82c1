/// The outcome of comparing two people field by field: the evidence the
/// scorer weighs and the source of the human-readable reasons.
public struct PairComparison: Sendable, Hashable {
    public var givenName: GivenNameAgreement = .notCompared
    public var surname: SurnameAgreement = .notCompared
    public var dateOfBirth: DateOfBirthAgreement = .notCompared
    public var sex: SexAgreement = .notCompared
    public var postcode: PostcodeAgreement = .notCompared
    public var address: AddressAgreement = .notCompared
    public var nhsNumber: IdentifierAgreement = .notCompared
    public var uniquePupilNumber: IdentifierAgreement = .notCompared
    public var policeID: IdentifierAgreement = .notCompared
    public var socialCareID: IdentifierAgreement = .notCompared
    public var otherID: IdentifierAgreement = .notCompared
    /// Given name and surname appear in each other's fields.
    public var namesSwapped = false

    public init() {}

    /// Level of one field as a number, the form the weights are indexed by.
    public func level(of field: ComparisonField) -> Int {
        switch field {
        case .givenName: Int(givenName.rawValue)
        case .surname: Int(surname.rawValue)
        case .dateOfBirth: Int(dateOfBirth.rawValue)
        case .sex: Int(sex.rawValue)
        case .postcode: Int(postcode.rawValue)
        case .address: Int(address.rawValue)
        case .nhsNumber: Int(nhsNumber.rawValue)
        case .uniquePupilNumber: Int(uniquePupilNumber.rawValue)
        case .policeID: Int(policeID.rawValue)
        case .socialCareID: Int(socialCareID.rawValue)
        case .otherID: Int(otherID.rawValue)
        }
    }

    /// Whether any identifier is equal or one keystroke from equal.
    public var anyIdentifierAgrees: Bool {
        [nhsNumber, uniquePupilNumber, policeID, socialCareID, otherID].contains { $0 == .equal || $0 == .nearlyEqual }
    }

    /// All levels packed four bits per field, so identical patterns can be
    /// counted once during expectation–maximisation.
    var pattern: UInt64 {
        var packed: UInt64 = 0
        for field in ComparisonField.allCases {
            packed |= UInt64(level(of: field)) << (UInt64(field.rawValue) * ComparisonField.bitsPerField)
        }
        return namesSwapped ? packed | Self.namesSwappedBit : packed
    }

    /// The swapped-names flag rides in the top bit, outside the field levels.
    static let namesSwappedBit: UInt64 = 1 << 63
    static let levelBits: UInt64 = (1 << 44) - 1

    static func level(in pattern: UInt64, of fieldIndex: Int) -> Int {
        Int((pattern >> (UInt64(fieldIndex) * ComparisonField.bitsPerField)) & 0xF)
    }
}

extension PairComparison {
    /// Rebuilds a comparison from its packed form.
    init(pattern: UInt64) {
        self.init()
        namesSwapped = pattern & PairComparison.namesSwappedBit != 0
        func level(_ field: ComparisonField) -> UInt8 { UInt8(PairComparison.level(in: pattern, of: field.rawValue)) }
        givenName = GivenNameAgreement(rawValue: level(.givenName)) ?? .notCompared
        surname = SurnameAgreement(rawValue: level(.surname)) ?? .notCompared
        dateOfBirth = DateOfBirthAgreement(rawValue: level(.dateOfBirth)) ?? .notCompared
        sex = SexAgreement(rawValue: level(.sex)) ?? .notCompared
        postcode = PostcodeAgreement(rawValue: level(.postcode)) ?? .notCompared
        address = AddressAgreement(rawValue: level(.address)) ?? .notCompared
        nhsNumber = IdentifierAgreement(rawValue: level(.nhsNumber)) ?? .notCompared
        uniquePupilNumber = IdentifierAgreement(rawValue: level(.uniquePupilNumber)) ?? .notCompared
        policeID = IdentifierAgreement(rawValue: level(.policeID)) ?? .notCompared
        socialCareID = IdentifierAgreement(rawValue: level(.socialCareID)) ?? .notCompared
        otherID = IdentifierAgreement(rawValue: level(.otherID)) ?? .notCompared
    }
}
