import Foundation

/// A child the partnership knows about: who they are, the identifiers each agency
/// knows them by, and the language they and their family prefer.
///
/// Each agency knows a child by its own identifier (NHS number for health, unique
/// pupil number for schools, a police reference, a social care id), so all four are
/// kept and any may be missing.
public struct Child: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var givenName: String
    public var middleNames: String
    public var surname: String
    /// The name the child is known by, if different (a short form, a step-parent's surname).
    public var knownAs: String
    public var dateOfBirth: CalendarDay?
    public var sex: Sex
    public var nhsNumber: String?
    public var uniquePupilNumber: String?
    public var policeReference: String?
    public var socialCareID: String?
    public var address: String
    public var postcode: String
    public var preferredLanguage: Language
    public var ethnicity: String
    public var school: String
    /// A sealed record: only the people a hub manager names may open it, or someone
    /// who breaks the glass with a reason.
    public var isRestricted: Bool

    public init(
        id: UUID = UUID(), givenName: String, middleNames: String = "", surname: String, knownAs: String = "",
        dateOfBirth: CalendarDay?, sex: Sex, nhsNumber: String? = nil, uniquePupilNumber: String? = nil,
        policeReference: String? = nil, socialCareID: String? = nil, address: String = "", postcode: String = "",
        preferredLanguage: Language = .english, ethnicity: String = "", school: String = "", isRestricted: Bool = false
    ) {
        self.id = id
        self.givenName = givenName
        self.middleNames = middleNames
        self.surname = surname
        self.knownAs = knownAs
        self.dateOfBirth = dateOfBirth
        self.sex = sex
        self.nhsNumber = nhsNumber
        self.uniquePupilNumber = uniquePupilNumber
        self.policeReference = policeReference
        self.socialCareID = socialCareID
        self.address = address
        self.postcode = postcode
        self.preferredLanguage = preferredLanguage
        self.ethnicity = ethnicity
        self.school = school
        self.isRestricted = isRestricted
    }

    public var fullName: String {
        [givenName, middleNames, surname].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
