import Fluent
import Foundation
import PersonMatching
import SQLKit
import Safeguarding
import Vapor

/// Every child the partnership knows, held in memory for matching at intake (F3).
///
/// Loaded from the database on first use (or at start-up for `serve`), and kept up to
/// date as this process creates records. A record created by another web process is
/// seen after that process's next restart of this one; the database stays the truth.
actor ChildIndex {
    private var index = PersonIndex()
    private var isLoaded = false

    func candidates(for person: PersonRecord, on database: any Database, limit: Int = 5) async throws -> [MatchCandidate] {
        try await loadIfNeeded(from: database)
        return index.candidates(for: person, limit: limit, minimumProbability: 0.01)
    }

    func add(_ child: Child) {
        guard isLoaded else { return }
        _ = index.remove(recordID: child.id.uuidString.lowercased())
        try? index.insert(Self.person(child))
    }

    func remove(_ childID: UUID) {
        guard isLoaded else { return }
        _ = index.remove(recordID: childID.uuidString.lowercased())
    }

    func loadIfNeeded(from database: any Database) async throws {
        guard !isLoaded else { return }
        let sql = database as! any SQLDatabase
        var fresh = PersonIndex()
        // Read in pages by id so a million children never sit in memory twice.
        var after: UUID?
        while true {
            var query = sql.select()
                .columns("id", "given_name", "middle_names", "surname", "date_of_birth", "sex", "address", "postcode",
                    "nhs_number", "upn", "police_reference", "social_care_id")
                .from("children")
                .where("merged_into_id", .is, SQLLiteral.null)
            if let after { query = query.where("id", .greaterThan, after) }
            let rows = try await query.orderBy("id").limit(50_000).all()
            guard !rows.isEmpty else { break }
            for row in rows {
                let id = try row.decode(column: "id", as: UUID.self)
                let text = { (column: String) in (try? row.decode(column: column, as: String?.self)) ?? nil }
                let person = PersonRecord(
                    recordID: id.uuidString.lowercased(), givenName: text("given_name"), middleName: text("middle_names"),
                    surname: text("surname"),
                    dateOfBirth: text("date_of_birth").flatMap(PersonMatching.DateOfBirth.init(parsing:)),
                    sex: text("sex").flatMap(PersonMatching.Sex.init(code:)), address: text("address"),
                    postcode: text("postcode"), nhsNumber: text("nhs_number"), uniquePupilNumber: text("upn"),
                    policeID: text("police_reference"), socialCareID: text("social_care_id"))
                try? fresh.insert(person)
                after = id
            }
        }
        index = fresh
        isLoaded = true
    }

    static func person(_ child: Child) -> PersonRecord {
        PersonRecord(
            recordID: child.id.uuidString.lowercased(), givenName: child.givenName, middleName: child.middleNames,
            surname: child.surname, dateOfBirth: child.dateOfBirth.flatMap { PersonMatching.DateOfBirth(parsing: $0.iso) },
            sex: PersonMatching.Sex(code: child.sex.rawValue), address: child.address, postcode: child.postcode,
            nhsNumber: child.nhsNumber, uniquePupilNumber: child.uniquePupilNumber, policeID: child.policeReference,
            socialCareID: child.socialCareID)
    }

    /// The child as a referrer described them, as the matcher reads people.
    static func person(_ child: ReferredChild) -> PersonRecord {
        func blankIsNil(_ text: String) -> String? { text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text }
        return PersonRecord(
            recordID: "referral", givenName: blankIsNil(child.givenName), surname: blankIsNil(child.surname),
            dateOfBirth: child.dateOfBirth.flatMap { PersonMatching.DateOfBirth(parsing: $0.iso) },
            sex: child.sex.flatMap { PersonMatching.Sex(code: $0.rawValue) }, address: blankIsNil(child.address),
            postcode: blankIsNil(child.postcode), nhsNumber: blankIsNil(child.nhsNumber),
            uniquePupilNumber: blankIsNil(child.uniquePupilNumber))
    }
}

extension Application {
    private struct ChildIndexKey: StorageKey { typealias Value = ChildIndex }

    /// The process's index of children for matching, made once in `configure`.
    var childIndex: ChildIndex {
        get { storage[ChildIndexKey.self]! }
        set { storage[ChildIndexKey.self] = newValue }
    }
}
