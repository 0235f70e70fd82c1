import Foundation
import PersonMatching

/// Writes the synthetic partnership as the benchmark CSV trio: people.csv,
/// true_pairs.csv and families.csv (record → person → family, for counting
/// wrong sibling and twin merges).
enum SyntheticExport {
    static func write(families: Int, seed: UInt64, to directory: URL) throws -> (records: Int, truePairs: Int) {
        var generator = SyntheticPartnership(seed: seed)
        let children = generator.children(families: families)
        let output = generator.records(for: children)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var people = "record_id,source,given_name,middle_name,surname,date_of_birth,sex,address,postcode,nhs_number,upn,"
            + "police_id,social_care_id\n"
        for record in output.records {
            let fields: [String?] = [
                record.recordID, record.source, record.givenName, record.middleName, record.surname,
                record.dateOfBirth?.isoString, record.sex.map { $0 == .female ? "F" : "M" }, record.address,
                record.postcode, record.nhsNumber, record.uniquePupilNumber, record.policeID, record.socialCareID,
            ]
            people += fields.map { CSVReader.escape($0 ?? "") }.joined(separator: ",") + "\n"
        }
        var byPerson: [Int: [String]] = [:]
        var families = "record_id,person_id,family_id\n"
        for record in output.records {
            let member = output.membership[record.recordID]!
            byPerson[member.person, default: []].append(record.recordID)
            families += "\(record.recordID),\(member.person),\(member.family)\n"
        }
        var truth = "id_1,id_2\n"
        var truePairs = 0
        for ids in byPerson.values where ids.count > 1 {
            for i in 0..<(ids.count - 1) {
                for j in (i + 1)..<ids.count {
                    truth += "\(ids[i]),\(ids[j])\n"
                    truePairs += 1
                }
            }
        }
        try people.write(to: directory.appendingPathComponent("people.csv"), atomically: true, encoding: .utf8)
        try truth.write(to: directory.appendingPathComponent("true_pairs.csv"), atomically: true, encoding: .utf8)
        try families.write(to: directory.appendingPathComponent("families.csv"), atomically: true, encoding: .utf8)
        return (output.records.count, truePairs)
    }
}
