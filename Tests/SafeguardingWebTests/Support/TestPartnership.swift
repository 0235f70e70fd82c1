import Fluent
import FluentKit
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Vapor

/// A small partnership for tests: a hub of children's services and police, a health
/// board outside the hub, a school; one account per role; a child the health board
/// works with, a child no one but the hub knows, and a sealed record.
struct TestPartnership: Sendable {
    static let password = "correct-horse-battery-staple"

    var childrensServices: Agency
    var police: Agency
    var healthBoard: Agency
    var school: Agency
    /// One account for each role; hub roles and the child protection team in children's services, the safeguarding
    /// lead in the health board, the referrer in the school.
    var accounts: [Role: UserAccount]
    var welshPractitioner: UserAccount
    var knownToHealth: Child
    var knownToHubOnly: Child
    var sealed: Child

    func account(_ role: Role) -> UserAccount { accounts[role]! }

    static func build(on app: Application) async throws -> TestPartnership {
        let childrensServices = Agency(
            name: "Newport Children's Services", welshName: "Gwasanaethau Plant Casnewydd", kind: .childrensServices,
            isHubMember: true)
        let police = Agency(name: "Gwent Police", welshName: "Heddlu Gwent", kind: .police, isHubMember: true)
        let healthBoard = Agency(
            name: "Aneurin Bevan University Health Board", welshName: "Bwrdd Iechyd Prifysgol Aneurin Bevan", kind: .health,
            isHubMember: false)
        let school = Agency(
            name: "Ysgol Gymraeg Casnewydd", welshName: "Ysgol Gymraeg Casnewydd", kind: .school, isHubMember: false)
        let hash = try Bcrypt.hash(password, cost: 4)
        let home: [Role: Agency] = [
            .referrer: school, .hubPractitioner: childrensServices, .hubManager: childrensServices,
            .safeguardingLead: healthBoard, .auditor: childrensServices, .administrator: childrensServices,
            .earlyInterventionWorker: childrensServices,
            .socialWorker: childrensServices, .teamManager: childrensServices, .integration: police,
        ]
        var accounts: [Role: UserAccount] = [:]
        for role in Role.allCases {
            accounts[role] = UserAccount(
                username: "test.\(role.rawValue)", displayName: "Test \(role.rawValue)", email: "\(role.rawValue)@example.org",
                jobTitle: "Tester", agencyID: home[role]!.id, roles: [role])
        }
        let welsh = UserAccount(
            username: "test.cymraeg", displayName: "Gwenllian Hughes", email: "gwenllian@example.org",
            jobTitle: "Gweithiwr cymdeithasol", agencyID: police.id, roles: [.hubPractitioner], language: .welsh)
        let knownToHealth = Child(
            givenName: "Cerys", surname: "Jones", dateOfBirth: CalendarDay(year: 2015, month: 3, day: 27), sex: .female,
            nhsNumber: "9434765919", address: "14 Heol Caerleon, Newport", postcode: "NP19 7BX", preferredLanguage: .welsh)
        let knownToHubOnly = Child(
            givenName: "Tyler", surname: "Williams", dateOfBirth: CalendarDay(year: 2012, month: 11, day: 2), sex: .male,
            address: "3 Alway Crescent, Newport", postcode: "NP19 9JG")
        let sealed = Child(
            givenName: "Alaw", surname: "Hughes", dateOfBirth: CalendarDay(year: 2016, month: 6, day: 9), sex: .female,
            address: "15 Ffordd y Brenin, Caerleon", postcode: "NP18 1AA", isRestricted: true)
        let everyone = Array(accounts.values) + [welsh]
        try await Store(app.db).transaction { db in
            for agency in [childrensServices, police, healthBoard, school] { try await AgencyRepository(db).create(agency) }
            for account in everyone { try await UserRepository(db).create(account, passwordHash: hash) }
            let children = ChildRepository(db)
            try await children.create(
                knownToHealth,
                family: [
                    FamilyMember(name: "Ceri Jones", relationship: .mother, holdsParentalResponsibility: true)
                ],
                involvements: [AgencyInvolvement(agencyID: healthBoard.id, involvement: .generalPractice, namedWorker: "Dr Shah")])
            try await children.create(knownToHubOnly)
            try await children.create(sealed, involvements: [
                AgencyInvolvement(agencyID: healthBoard.id, involvement: .healthVisitor, namedWorker: "Nia Roberts")
            ])
        }
        return TestPartnership(
            childrensServices: childrensServices, police: police, healthBoard: healthBoard, school: school,
            accounts: accounts, welshPractitioner: welsh, knownToHealth: knownToHealth, knownToHubOnly: knownToHubOnly,
            sealed: sealed)
    }
}
