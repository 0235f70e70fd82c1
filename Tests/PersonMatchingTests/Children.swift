import PersonMatching

/// Realistic records for the rules under test: a family of twins and an
/// older sister in Caernarfon, and the agency records that describe them.
enum Children {
    static let twinBirthday = DateOfBirth(year: 2016, month: 3, day: 14)

    /// Osian Pritchard as the health board records him.
    static let osianHealth = PersonRecord(
        recordID: "HB-1001", source: "health", givenName: "Osian", surname: "Pritchard",
        dateOfBirth: twinBirthday, sex: .male, address: "12 Stryd y Castell, Caernarfon", postcode: "LL55 1SE",
        nhsNumber: "943 476 5919")

    /// The same boy as his school records him: nickname-free, UPN, no NHS number.
    static let osianSchool = PersonRecord(
        recordID: "ED-2001", source: "education", givenName: "Osian", surname: "Pritchard",
        dateOfBirth: twinBirthday, sex: .male, address: "12 Stryd y Castell", postcode: "LL55 1SE",
        uniquePupilNumber: "A123456789012")

    /// His twin brother: same surname, address and birthday, different name and NHS number.
    static let owainHealth = PersonRecord(
        recordID: "HB-1002", source: "health", givenName: "Owain", surname: "Pritchard",
        dateOfBirth: twinBirthday, sex: .male, address: "12 Stryd y Castell, Caernarfon", postcode: "LL55 1SE",
        nhsNumber: "401 023 2137")

    /// Their older sister, as social care records her (no NHS number).
    static let ffionSocialCare = PersonRecord(
        recordID: "SC-3001", source: "socialcare", givenName: "Ffion", surname: "Pritchard",
        dateOfBirth: DateOfBirth(year: 2012, month: 9, day: 2), sex: .female,
        address: "12 Stryd y Castell, Caernarfon", postcode: "LL55 1SE", socialCareID: "SC48213")

    static func record(_ id: String, given: String?, surname: String?, born: DateOfBirth?,
                       postcode: String? = nil, nhs: String? = nil, sex: Sex? = nil,
                       address: String? = nil, source: String? = nil) -> PersonRecord {
        PersonRecord(recordID: id, source: source, givenName: given, surname: surname, dateOfBirth: born, sex: sex,
                     address: address, postcode: postcode, nhsNumber: nhs)
    }
}
