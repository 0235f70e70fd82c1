/// The fields the matcher weighs, each with its own learned m/u probabilities.
public enum ComparisonField: Int, Sendable, Hashable, CaseIterable, Codable {
    case givenName, surname, dateOfBirth, sex, postcode, address
    case nhsNumber, uniquePupilNumber, policeID, socialCareID, otherID

    /// Number of agreement levels including level 0 ("not compared").
    public var levelCount: Int {
        switch self {
        case .givenName: GivenNameAgreement.allCases.count
        case .surname: SurnameAgreement.allCases.count
        case .dateOfBirth: DateOfBirthAgreement.allCases.count
        case .sex: SexAgreement.allCases.count
        case .postcode: PostcodeAgreement.allCases.count
        case .address: AddressAgreement.allCases.count
        case .nhsNumber, .uniquePupilNumber, .policeID, .socialCareID, .otherID: IdentifierAgreement.allCases.count
        }
    }

    var isIdentifier: Bool { rawValue >= ComparisonField.nhsNumber.rawValue }

    /// Levels are packed four bits per field into one 64-bit pattern.
    static let bitsPerField: UInt64 = 4
}
