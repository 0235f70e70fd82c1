/// The child as the referrer describes them. Kept apart from the child's record in
/// Diogelu: what the referrer wrote is evidence, and is kept as written even after the
/// hub links the referral to a record whose details differ.
public struct ReferredChild: Sendable, Hashable, Codable {
    public var givenName: String
    public var surname: String
    public var aliases: String
    /// Absent for an unborn child, who has an expected date of delivery instead.
    public var dateOfBirth: CalendarDay?
    public var expectedDateOfDelivery: CalendarDay?
    /// `nil` until the referrer answers: "Not known" is an answer they may give, not one
    /// the form gives for them.
    public var sex: Sex?
    public var address: String
    public var postcode: String
    public var previousAddresses: String
    public var nhsNumber: String
    public var uniquePupilNumber: String
    public var ethnicity: String
    public var firstLanguage: String
    public var religion: String
    /// Interpreter, signer or other communication needs; "none known" is an answer.
    public var communicationNeeds: String
    public var additionalNeeds: String
    /// School, nursery or setting, with attendance; or that the child is not in education.
    public var schoolAndAttendance: String

    public init(
        givenName: String = "", surname: String = "", aliases: String = "", dateOfBirth: CalendarDay? = nil,
        expectedDateOfDelivery: CalendarDay? = nil, sex: Sex? = nil, address: String = "", postcode: String = "",
        previousAddresses: String = "", nhsNumber: String = "", uniquePupilNumber: String = "", ethnicity: String = "",
        firstLanguage: String = "", religion: String = "", communicationNeeds: String = "", additionalNeeds: String = "",
        schoolAndAttendance: String = ""
    ) {
        self.givenName = givenName
        self.surname = surname
        self.aliases = aliases
        self.dateOfBirth = dateOfBirth
        self.expectedDateOfDelivery = expectedDateOfDelivery
        self.sex = sex
        self.address = address
        self.postcode = postcode
        self.previousAddresses = previousAddresses
        self.nhsNumber = nhsNumber
        self.uniquePupilNumber = uniquePupilNumber
        self.ethnicity = ethnicity
        self.firstLanguage = firstLanguage
        self.religion = religion
        self.communicationNeeds = communicationNeeds
        self.additionalNeeds = additionalNeeds
        self.schoolAndAttendance = schoolAndAttendance
    }

    public var fullName: String { [givenName, surname].filter { !$0.isEmpty }.joined(separator: " ") }
}
