import Foundation
import PersonMatching

/// A deterministic synthetic multi-agency extract for a Welsh safeguarding
/// partnership: families of children recorded by health, education, social
/// care and police with the errors real extracts have (nicknames, Welsh and
/// English forms, typos, changed surnames, swapped or placeholder birth dates,
/// missing and mistyped identifiers), and twins and siblings who share
/// surname, address and often birth date but must never be merged.
struct SyntheticPartnership {
    struct Child {
        var personID: Int
        var familyID: Int
        var givenName: String
        var middleName: String?
        var surname: String
        var sex: Sex
        var dateOfBirth: DateOfBirth
        var address: String
        var postcode: String
        var town: String
        var nhsNumber: String
        var uniquePupilNumber: String?
        var policeID: String?
        var socialCareID: String?
    }

    struct Output {
        var records: [PersonRecord] = []
        /// record id → (person, family)
        var membership: [String: (person: Int, family: Int)] = [:]
    }

    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    // MARK: - Random helpers

    private mutating func chance(_ p: Double) -> Bool { Double(random.next() % 1_000_000) / 1_000_000 < p }
    private mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }
    private mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    private mutating func weightedSurname() -> String {
        let total = WelshNames.surnames.reduce(0) { $0 + $1.1 }
        var ticket = int(0...(total - 1))
        for (name, weight) in WelshNames.surnames {
            if ticket < weight { return name }
            ticket -= weight
        }
        return "Jones"
    }

    mutating func nhsNumber() -> String {
        while true {
            var digits = (0..<9).map { _ in UInt8(int(0...9)) }
            if digits[0] == 0 { digits[0] = 4 }
            if let check = NHSNumber.checkDigit(forFirstNine: digits) {
                return (digits + [check]).map(String.init).joined()
            }
        }
    }

    private mutating func upn() -> String {
        let letter = pick(Array("ABCDEFGHJKLMNPQRTUVWXYZ"))
        return String(letter) + (0..<12).map { _ in String(int(0...9)) }.joined()
    }

    private mutating func home() -> (address: String, postcode: String, town: String) {
        let (town, outwards) = pick(WelshNames.towns)
        let postcode = pick(outwards) + " " + String(int(1...9)) + String(pick(WelshNames.inwardLetters))
            + String(pick(WelshNames.inwardLetters))
        return ("\(int(1...120)) \(pick(WelshNames.streets)), \(town)", postcode, town)
    }

    private mutating func givenName(_ sex: Sex, avoiding others: [String]) -> String {
        while true {
            let name = pick(sex == .female ? WelshNames.girls : WelshNames.boys)
            if !others.contains(where: { $0 == name || NicknameTable.areEquivalent($0, name) }) { return name }
        }
    }

    // MARK: - People

    /// A population of families with their children (no agency records yet).
    mutating func children(families: Int, firstPersonID: Int = 0) -> [Child] {
        var children: [Child] = []
        var personID = firstPersonID
        for family in 0..<families {
            var surname = weightedSurname()
            if chance(0.08) { surname += "-" + weightedSurname() }
            let place = home()
            let size = [1, 1, 1, 2, 2, 2, 2, 3, 3, 4][int(0...9)]
            var dates: [DateOfBirth] = []
            var year = int(2008...2024)
            var names: [String] = []
            var index = 0
            while index < size {
                let twins = size - index >= 2 && chance(0.06)
                let date = DateOfBirth(year: year, month: int(1...12), day: int(1...28))
                for _ in 0..<(twins ? 2 : 1) {
                    let sex: Sex = chance(0.5) ? .female : .male
                    let name = givenName(sex, avoiding: names)
                    names.append(name)
                    dates.append(date)
                    let school = date.year <= 2021
                    children.append(Child(
                        personID: personID, familyID: family, givenName: name,
                        middleName: chance(0.3) ? givenName(sex, avoiding: names) : nil, surname: surname, sex: sex,
                        dateOfBirth: date, address: place.address, postcode: place.postcode, town: place.town,
                        nhsNumber: nhsNumber(), uniquePupilNumber: school ? upn() : nil,
                        policeID: chance(0.08) ? "WPC" + String(int(100_000...999_999)) : nil,
                        socialCareID: chance(0.3) ? "SC" + String(int(10_000...99_999)) : nil))
                    personID += 1
                    index += 1
                }
                year = min(2025, year + int(1...3))
            }
        }
        return children
    }

    /// Agency records for each child, with realistic recording errors.
    mutating func records(for children: [Child]) -> Output {
        var output = Output()
        var counter = 0
        for child in children {
            var sources: [String] = []
            if chance(0.9) { sources.append("health") }
            if child.uniquePupilNumber != nil && chance(0.85) { sources.append("education") }
            if child.socialCareID != nil { sources.append("socialcare") }
            if child.policeID != nil { sources.append("police") }
            if chance(0.12) { sources.append("health") }  // a duplicate registration
            if sources.isEmpty { sources.append("health") }
            for source in sources {
                counter += 1
                let id = "\(source.prefix(2).uppercased())\(counter)"
                output.records.append(record(id: id, source: source, child: child))
                output.membership[id] = (child.personID, child.familyID)
            }
        }
        return output
    }

    private mutating func record(id: String, source: String, child: Child) -> PersonRecord {
        var record = PersonRecord(recordID: id, source: source)
        // Given name: nickname or Welsh/English form, typo, or missing.
        var given = child.givenName
        if chance(0.15), let variant = NicknameTable.equivalents(of: given).sorted().randomElement(using: &random) {
            given = variant.prefix(1) + variant.dropFirst().lowercased()
        } else if chance(0.05) {
            given = typo(given)
        }
        if chance(0.06) { given = given.folding() }  // circumflex dropped by a system without Welsh characters
        record.givenName = chance(0.03) ? nil : given
        record.middleName = child.middleName.flatMap { chance(0.5) ? $0 : nil }
        // Surname: typo, changed (step-parent), hyphen dropped, patronymic anglicised.
        var surname = child.surname
        if let anglicised = WelshNames.anglicisedPatronymics[surname], chance(0.3) {
            surname = anglicised
        } else if chance(0.05) {
            surname = chance(0.5) ? weightedSurname() : surname + "-" + weightedSurname()
        } else if chance(0.05) {
            surname = typo(surname)
        } else if surname.contains("-") && chance(0.3) {
            surname = String(surname.split(separator: "-")[chance(0.5) ? 0 : 1])
        }
        record.surname = chance(0.01) ? nil : surname
        // Date of birth: swapped, year off, digit typo, placeholder or missing.
        var date = child.dateOfBirth
        if chance(0.04) && date.day <= 12 { date = DateOfBirth(year: date.year, month: date.day, day: date.month) }
        else if chance(0.02) { date.year += chance(0.5) ? 1 : -1 }
        else if chance(0.02) { date.day = date.day % 10 == 9 ? date.day - 1 : date.day + 1 }
        if chance(0.03) { date = chance(0.5) ? DateOfBirth(year: date.year, month: 1, day: 1)
                                               : DateOfBirth(year: 1900, month: 1, day: 1) }
        record.dateOfBirth = chance(0.02) ? nil : date
        record.sex = chance(0.02) ? nil : (chance(0.005) ? (child.sex == .female ? .male : .female) : child.sex)
        // Home: moved, or written differently.
        if chance(0.15) {
            let moved = home()
            record.address = moved.address
            record.postcode = moved.postcode
        } else {
            var address = child.address
            if chance(0.2) { address = address.replacingOccurrences(of: ", \(child.town)", with: "") }
            if chance(0.1) { address = address.replacingOccurrences(of: "Road", with: "Rd") }
            record.address = chance(0.05) ? nil : address
            record.postcode = chance(0.05) ? nil : (chance(0.03) ? typo(child.postcode) : child.postcode)
        }
        // Identifiers: which agencies hold which, and typing errors.
        let nhsShare: Double = ["health": 0.97, "education": 0.3, "socialcare": 0.75, "police": 0.2][source] ?? 0
        if chance(nhsShare) { record.nhsNumber = chance(0.03) ? mistype(child.nhsNumber) : child.nhsNumber }
        if let upn = child.uniquePupilNumber, chance(source == "education" ? 0.98 : (source == "socialcare" ? 0.3 : 0)) {
            record.uniquePupilNumber = chance(0.02) ? mistype(upn) : upn
        }
        if source == "socialcare" || (source == "police" && chance(0.3)) { record.socialCareID = child.socialCareID }
        if source == "police" { record.policeID = child.policeID }
        return record
    }

    private mutating func typo(_ text: String) -> String {
        var characters = Array(text)
        guard characters.count > 3 else { return text }
        let position = int(1...(characters.count - 2))
        switch int(0...2) {
        case 0: characters.swapAt(position, position + 1)
        case 1: characters.remove(at: position)
        default: characters[position] = pick(Array("aeiourlnst"))
        }
        return String(characters)
    }

    /// One digit changed: an NHS number typed wrongly then fails its check digit.
    private mutating func mistype(_ identifier: String) -> String {
        var characters = Array(identifier)
        let position = int(max(0, characters.count - 10)...(characters.count - 1))
        let old = characters[position]
        var new = old
        while new == old { new = Character(String(int(0...9))) }
        characters[position] = new
        return String(characters)
    }
}

extension String {
    /// The name as a system without Welsh characters would store it (Siôn → Sion).
    func folding() -> String {
        String(String.UnicodeScalarView(decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !(0x300...0x36F).contains($0.value)
        }))
    }
}
