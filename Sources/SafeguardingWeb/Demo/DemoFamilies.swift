import FluentKit
import Foundation
import Safeguarding
import SafeguardingStore

/// The demonstration partnership's children and families. Generated from a fixed seed,
/// so every demo has the same families, with valid NHS numbers and pupil numbers.
enum DemoFamilies {
    struct Family {
        var surname: String
        var mother: String
        var father: String?
        var children: [(String, Sex)]
        var street: String
        var postcode: String
        var welsh: Bool
    }

    static let families: [Family] = [
        Family(surname: "Jones", mother: "Ceri Jones", father: "Rhodri Jones", children: [("Cerys", .female), ("Osian", .male)], street: "14 Heol Caerleon, Newport", postcode: "NP19 7BX", welsh: true),
        Family(surname: "Williams", mother: "Kayleigh Williams", father: nil, children: [("Tyler", .male), ("Mia", .female), ("Ruby", .female)], street: "3 Alway Crescent, Newport", postcode: "NP19 9JG", welsh: false),
        Family(surname: "Davies", mother: "Sioned Davies", father: "Gethin Davies", children: [("Mabli", .female), ("Macsen", .male)], street: "22 Stow Hill, Newport", postcode: "NP20 4DW", welsh: true),
        Family(surname: "Evans", mother: "Louise Evans", father: "Craig Evans", children: [("Jac", .male)], street: "9 Ringland Circle, Newport", postcode: "NP19 9PS", welsh: false),
        Family(surname: "Thomas", mother: "Bethan Thomas", father: nil, children: [("Gruffydd", .male), ("Elis", .male), ("Nel", .female)], street: "41 Malpas Road, Newport", postcode: "NP20 5PJ", welsh: true),
        Family(surname: "Roberts", mother: "Amy Roberts", father: "Dean Roberts", children: [("Lily", .female), ("Noah", .male)], street: "7 Bettws Lane, Newport", postcode: "NP20 7AB", welsh: false),
        Family(surname: "Hughes", mother: "Ffion Hughes", father: "Iwan Hughes", children: [("Alaw", .female)], street: "15 Ffordd y Brenin, Caerleon", postcode: "NP18 1AA", welsh: true),
        Family(surname: "Khan", mother: "Amina Khan", father: "Imran Khan", children: [("Zara", .female), ("Ayaan", .male)], street: "60 Commercial Road, Newport", postcode: "NP20 2PS", welsh: false),
        Family(surname: "Lewis", mother: "Rebecca Lewis", father: nil, children: [("Harley", .male), ("Poppy", .female)], street: "2 Duffryn Way, Newport", postcode: "NP10 8TW", welsh: false),
        Family(surname: "Morgan", mother: "Angharad Morgan", father: "Dylan Morgan", children: [("Tomos", .male), ("Efa", .female), ("Deio", .male)], street: "18 Heol Glasllwch, Newport", postcode: "NP20 3PS", welsh: true),
        Family(surname: "Price", mother: "Shannon Price", father: "Liam Price", children: [("Mason", .male)], street: "5 Pillgwenlly Road, Newport", postcode: "NP20 2DL", welsh: false),
        Family(surname: "ap Gwilym", mother: "Eleri ap Gwilym", father: "Huw ap Gwilym", children: [("Dafydd", .male), ("Gwenllian", .female)], street: "33 Ffordd Cas-gwent, Newport", postcode: "NP19 8QE", welsh: true),
        Family(surname: "Kowalski", mother: "Agnieszka Kowalski", father: "Piotr Kowalski", children: [("Natalia", .female), ("Jakub", .male)], street: "12 Maindee Parade, Newport", postcode: "NP19 8DG", welsh: false),
        Family(surname: "Powell-Jenkins", mother: "Nerys Powell-Jenkins", father: nil, children: [("Seren", .female), ("Idris", .male), ("Llew", .male)], street: "27 Lliswerry Road, Newport", postcode: "NP19 4DQ", welsh: true),
        Family(surname: "Ali", mother: "Fatima Ali", father: "Yusuf Ali", children: [("Hamza", .male), ("Maryam", .female)], street: "8 Corporation Road, Newport", postcode: "NP19 0AR", welsh: false),
        Family(surname: "Rees", mother: "Catrin Rees", father: "Aled Rees", children: [("Ianto", .male), ("Begw", .female)], street: "4 Heol Llanwern, Newport", postcode: "NP18 2DS", welsh: true),
        Family(surname: "Bowen", mother: "Jade Bowen", father: nil, children: [("Kai", .male), ("Lexi", .female), ("Ava", .female)], street: "19 Gibbs Road, Newport", postcode: "NP19 8AU", welsh: false),
    ]

    static func create(on db: any Database, agencyIDs: [UUID]) async throws {
        var random = SeededRandom(seed: 20_261_123)
        let (council, police, health, school, yjs, probation, barnardos, maindee) = (
            agencyIDs[0], agencyIDs[1], agencyIDs[2], agencyIDs[4], agencyIDs[5], agencyIDs[6], agencyIDs[7], agencyIDs[8]
        )
        let children = ChildRepository(db)
        var serial = 0
        for (familyIndex, family) in families.enumerated() {
            var birthYear = 2009 + Int(random.next() % 6)
            var built: [Child] = []
            for (given, sex) in family.children {
                serial += 1
                let dob = CalendarDay(year: birthYear, month: 1 + Int(random.next() % 12), day: 1 + Int(random.next() % 28))!
                birthYear += 1 + Int(random.next() % 3)
                built.append(Child(
                    givenName: given, surname: family.surname, dateOfBirth: dob, sex: sex,
                    nhsNumber: DemoIdentifiers.nhsNumber(&random),
                    uniquePupilNumber: DemoIdentifiers.upn(serial: serial),
                    policeReference: familyIndex % 3 == 0 ? "GP/\(2025 - familyIndex)/\(10_000 + serial)" : nil,
                    socialCareID: familyIndex % 2 == 0 ? "NCC\(400_000 + serial * 37)" : nil,
                    address: family.street, postcode: family.postcode,
                    preferredLanguage: family.welsh ? .welsh : .english,
                    ethnicity: family.surname == "Khan" || family.surname == "Ali" ? "Asian or Asian British – Pakistani"
                        : family.surname == "Kowalski" ? "White – Polish" : "White – Welsh",
                    school: family.welsh ? "Ysgol Gymraeg Bro Teyrnon" : "Maindee Primary School",
                    // One child's record is sealed, to show restriction and break-glass.
                    isRestricted: familyIndex == 6))
            }
            for child in built {
                try await children.create(child)
                try await AuditTrail.append(
                    AuditEvent(actorUserID: nil, actorName: "system", agencyID: nil, roles: [], action: .childRecordCreated,
                        childID: child.id, detail: "demo"), on: db)
            }
            for (index, child) in built.enumerated() {
                var household: [FamilyMember] = [
                    FamilyMember(name: family.mother, relationship: .mother, dateOfBirth: CalendarDay(year: 1984 + familyIndex % 8, month: 3, day: 14), holdsParentalResponsibility: true),
                ]
                if let father = family.father {
                    household.append(FamilyMember(name: father, relationship: .father, dateOfBirth: CalendarDay(year: 1981 + familyIndex % 9, month: 8, day: 2), holdsParentalResponsibility: true))
                } else if familyIndex % 2 == 1 {
                    household.append(FamilyMember(name: "Jordan Mills", relationship: .mothersPartner, dateOfBirth: CalendarDay(year: 1990, month: 11, day: 30), holdsParentalResponsibility: false))
                }
                for (otherIndex, other) in built.enumerated() where otherIndex != index {
                    household.append(FamilyMember(name: other.fullName, relationship: .sibling, dateOfBirth: other.dateOfBirth, childID: other.id))
                }
                var involvements = [
                    AgencyInvolvement(agencyID: health, involvement: .generalPractice, namedWorker: "Dr Anil Shah", since: child.dateOfBirth),
                    AgencyInvolvement(agencyID: family.welsh ? school : maindee, involvement: .school, namedWorker: family.welsh ? "Owain Lewis" : "Karen Lloyd", since: CalendarDay(year: 2024, month: 9, day: 2)),
                ]
                if familyIndex % 3 == 0 {
                    involvements.append(AgencyInvolvement(agencyID: council, involvement: .socialWorker, namedWorker: "Siân Pritchard", since: CalendarDay(year: 2026, month: 2, day: 10)))
                    involvements.append(AgencyInvolvement(agencyID: police, involvement: .policeContact, namedWorker: "DC Rhian Evans", since: CalendarDay(year: 2026, month: 1, day: 18)))
                }
                if familyIndex % 5 == 1, index == 0 {
                    involvements.append(AgencyInvolvement(agencyID: yjs, involvement: .youthJusticeCase, namedWorker: "Mark Thomas", since: CalendarDay(year: 2026, month: 5, day: 6)))
                }
                if familyIndex % 4 == 2 {
                    involvements.append(AgencyInvolvement(agencyID: probation, involvement: .probationAdultInHousehold, namedWorker: "Helen Price", since: CalendarDay(year: 2025, month: 10, day: 1)))
                }
                if familyIndex % 4 == 1 {
                    involvements.append(AgencyInvolvement(agencyID: barnardos, involvement: .familySupport, namedWorker: "Lowri Hughes", since: CalendarDay(year: 2026, month: 6, day: 15)))
                }
                for member in household { try await children.addFamilyMember(member, of: child.id) }
                for involvement in involvements { try await children.addInvolvement(involvement, of: child.id) }
            }
        }
    }
}

/// A small deterministic generator, so the demo is the same on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 33
    }
}

/// Demo identifiers that pass the real checks, made with the domain's own check digits.
enum DemoIdentifiers {
    static func nhsNumber(_ random: inout SeededRandom) -> String {
        while true {
            let firstNine = (0..<9).map { _ in Int(random.next() % 10) }
            if let check = NHSNumber.checkDigit(forFirstNine: firstNine) {
                return (firstNine + [check]).map(String.init).joined()
            }
        }
    }

    /// A unique pupil number for a Newport school: check letter, LA 680, school, year, serial.
    static func upn(serial: Int) -> String {
        let body = "680" + "2034" + "25" + String(format: "%03d", serial)
        return String(UniquePupilNumber.checkLetter(for: body)!) + body
    }
}
