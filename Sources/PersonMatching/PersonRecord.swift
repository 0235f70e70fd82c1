/// One agency's record of a person, as it arrives at the hub.
///
/// Every field except `recordID` may be missing, because partner agencies hold
/// very different subsets of a child's details; the matcher treats a missing
/// field as "no evidence" rather than as disagreement.
public struct PersonRecord: Sendable, Hashable, Codable {
    /// The identifier the record has in its source system; unique within a linkage run.
    public var recordID: String
    /// The agency or system the record came from (e.g. "health", "education").
    public var source: String?
    public var givenName: String?
    public var middleName: String?
    public var surname: String?
    public var dateOfBirth: DateOfBirth?
    public var sex: Sex?
    public var address: String?
    public var postcode: String?
    /// NHS number, ten digits with a mod-11 check digit.
    public var nhsNumber: String?
    /// Unique pupil number from the school census.
    public var uniquePupilNumber: String?
    public var policeID: String?
    public var socialCareID: String?
    /// Any other identifier shared between the sources being linked (e.g. a
    /// test data set's social security number). Never compared with NHS numbers.
    public var otherID: String?

    public init(
        recordID: String,
        source: String? = nil,
        givenName: String? = nil,
        middleName: String? = nil,
        surname: String? = nil,
        dateOfBirth: DateOfBirth? = nil,
        sex: Sex? = nil,
        address: String? = nil,
        postcode: String? = nil,
        nhsNumber: String? = nil,
        uniquePupilNumber: String? = nil,
        policeID: String? = nil,
        socialCareID: String? = nil,
        otherID: String? = nil
    ) {
        self.recordID = recordID
        self.source = source
        self.givenName = givenName
        self.middleName = middleName
        self.surname = surname
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.address = address
        self.postcode = postcode
        self.nhsNumber = nhsNumber
        self.uniquePupilNumber = uniquePupilNumber
        self.policeID = policeID
        self.socialCareID = socialCareID
        self.otherID = otherID
    }
}
