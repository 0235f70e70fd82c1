import FluentKit
import Foundation
import Safeguarding

// Confined to one request at a time; see AgencyRecord for why the conformance is unchecked.
final class ChildRecord: Model, @unchecked Sendable {
    static let schema = "children"

    @ID(key: .id) var id: UUID?
    @Field(key: "given_name") var givenName: String
    @Field(key: "middle_names") var middleNames: String
    @Field(key: "surname") var surname: String
    @Field(key: "known_as") var knownAs: String
    /// Lower-cased surname and given name, so that search can use an index on both engines.
    @Field(key: "search_name") var searchName: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @Field(key: "sex") var sex: String
    @OptionalField(key: "nhs_number") var nhsNumber: String?
    @OptionalField(key: "upn") var uniquePupilNumber: String?
    @OptionalField(key: "police_reference") var policeReference: String?
    @OptionalField(key: "social_care_id") var socialCareID: String?
    @Field(key: "address") var address: String
    @Field(key: "postcode") var postcode: String
    @Field(key: "preferred_language") var preferredLanguage: String
    @Field(key: "ethnicity") var ethnicity: String
    @Field(key: "school") var school: String
    @Field(key: "is_restricted") var isRestricted: Bool
    /// Set when this record was merged into another as a duplicate of the same child.
    @OptionalField(key: "merged_into_id") var mergedIntoID: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    init(_ child: Child) {
        self.id = child.id
        update(from: child)
    }

    func update(from child: Child) {
        givenName = child.givenName
        middleNames = child.middleNames
        surname = child.surname
        knownAs = child.knownAs
        searchName = ChildRecord.searchName(surname: child.surname, givenName: child.givenName)
        dateOfBirth = child.dateOfBirth?.iso
        sex = child.sex.rawValue
        nhsNumber = child.nhsNumber
        uniquePupilNumber = child.uniquePupilNumber
        policeReference = child.policeReference
        socialCareID = child.socialCareID
        address = child.address
        postcode = child.postcode
        preferredLanguage = child.preferredLanguage.rawValue
        ethnicity = child.ethnicity
        school = child.school
        isRestricted = child.isRestricted
    }

    static func searchName(surname: String, givenName: String) -> String {
        (surname + " " + givenName).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
    }

    var child: Child {
        Child(
            id: id!, givenName: givenName, middleNames: middleNames, surname: surname, knownAs: knownAs,
            dateOfBirth: dateOfBirth.flatMap(CalendarDay.init(iso8601:)), sex: Sex(rawValue: sex) ?? .unknown,
            nhsNumber: nhsNumber, uniquePupilNumber: uniquePupilNumber, policeReference: policeReference,
            socialCareID: socialCareID, address: address, postcode: postcode,
            preferredLanguage: Language(rawValue: preferredLanguage) ?? .english, ethnicity: ethnicity, school: school,
            isRestricted: isRestricted)
    }
}
