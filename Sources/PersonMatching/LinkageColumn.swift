import Foundation

/// Column names a linkage CSV may carry, in any order. Only `record_id` is required.
public enum LinkageColumn: String, Sendable, Hashable, CaseIterable {
    case recordID = "record_id"
    case source
    case givenName = "given_name"
    case middleName = "middle_name"
    case surname
    case dateOfBirth = "date_of_birth"
    case sex
    case address
    case postcode
    case nhsNumber = "nhs_number"
    case uniquePupilNumber = "upn"
    case policeID = "police_id"
    case socialCareID = "social_care_id"
    case otherID = "other_id"

    /// Header matching ignores case and surrounding spaces, since spreadsheets vary.
    init?(header: String) {
        self.init(rawValue: header.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
