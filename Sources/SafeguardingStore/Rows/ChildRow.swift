import Foundation
import SQLKit
import Safeguarding

/// A child read straight from its columns. Fluent builds a model by reflecting over its
/// properties for every row, and under load that reflection was a fifth of the MACE and
/// network pages' time for a dozen records: the reads that pages make go round it.
enum ChildRow {
    /// The columns of `children` a ``Child`` is made from, as a select list.
    static let columns = [
        "id", "given_name", "middle_names", "surname", "known_as", "date_of_birth", "sex", "nhs_number", "upn",
        "police_reference", "social_care_id", "address", "postcode", "preferred_language", "ethnicity", "school",
        "is_restricted",
    ]

    /// The same columns qualified by a table alias, for a hand-written statement.
    static func columns(as alias: String) -> String {
        columns.map { "\(alias).\($0)" }.joined(separator: ", ")
    }

    static func child(from row: any SQLRow) throws -> Child {
        Child(
            id: try row.decode(column: "id", as: UUID.self), givenName: try row.decode(column: "given_name", as: String.self),
            middleNames: try row.decode(column: "middle_names", as: String.self),
            surname: try row.decode(column: "surname", as: String.self),
            knownAs: try row.decode(column: "known_as", as: String.self),
            dateOfBirth: try row.decode(column: "date_of_birth", as: String?.self).flatMap(CalendarDay.init(iso8601:)),
            sex: Sex(rawValue: try row.decode(column: "sex", as: String.self)) ?? .unknown,
            nhsNumber: try row.decode(column: "nhs_number", as: String?.self),
            uniquePupilNumber: try row.decode(column: "upn", as: String?.self),
            policeReference: try row.decode(column: "police_reference", as: String?.self),
            socialCareID: try row.decode(column: "social_care_id", as: String?.self),
            address: try row.decode(column: "address", as: String.self),
            postcode: try row.decode(column: "postcode", as: String.self),
            preferredLanguage: Language(rawValue: try row.decode(column: "preferred_language", as: String.self)) ?? .english,
            ethnicity: try row.decode(column: "ethnicity", as: String.self), school: try row.decode(column: "school", as: String.self),
            isRestricted: try row.decode(column: "is_restricted", as: Bool.self))
    }
}
