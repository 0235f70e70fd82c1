import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// A realistic demonstration partnership in the manner of a Welsh city: the council's
/// children's services, the police, the health board, education, a Welsh-medium and an
/// English-medium school, the youth justice service, probation and a third-sector partner; an account
/// for every role; and a few dozen children in their families.
///
/// Loading is idempotent: when the partnership is already there, only the demo
/// accounts' passwords are renewed, so the ones printed always work.
enum DemoPartnership {
    struct DemoAccount {
        var username: String
        var displayName: String
        var agency: String
        var roles: [Role]
        var password: String
    }

    static let agencies: [(String, String, AgencyKind, Bool)] = [
        ("Newport City Council Children's Services", "Gwasanaethau Plant Cyngor Dinas Casnewydd", .childrensServices, true),
        ("Gwent Police", "Heddlu Gwent", .police, true),
        ("Aneurin Bevan University Health Board", "Bwrdd Iechyd Prifysgol Aneurin Bevan", .health, true),
        ("Newport Education Service", "Gwasanaeth Addysg Casnewydd", .education, true),
        ("Ysgol Gymraeg Bro Teyrnon", "Ysgol Gymraeg Bro Teyrnon", .school, false),
        ("Newport Youth Justice Service", "Gwasanaeth Cyfiawnder Ieuenctid Casnewydd", .youthJustice, false),
        ("Probation Service in Wales", "Y Gwasanaeth Prawf yng Nghymru", .probation, false),
        ("Barnardo's Cymru", "Barnardo's Cymru", .thirdSector, false),
        ("Maindee Primary School", "Ysgol Gynradd Maindee", .school, false),
    ]

    static let accounts: [(String, String, String, String, Int, [Role])] = [
        ("sian.pritchard", "Siân Pritchard", "Hub social worker", "sian.pritchard@newport.example", 0, [.hubPractitioner]),
        ("gareth.morgan", "Gareth Morgan", "Hub team manager", "gareth.morgan@newport.example", 0, [.hubManager]),
        ("rhian.evans", "DC Rhian Evans", "Hub detective constable", "rhian.evans@gwent.police.example", 1, [.hubPractitioner]),
        ("tom.davies", "PC Tom Davies", "Response officer", "tom.davies@gwent.police.example", 1, [.referrer]),
        ("nia.roberts", "Nia Roberts", "Named nurse for safeguarding", "nia.roberts@abuhb.example", 2, [.safeguardingLead]),
        ("anil.shah", "Dr Anil Shah", "General practitioner", "anil.shah@abuhb.example", 2, [.referrer]),
        ("carys.jenkins", "Carys Jenkins", "Education safeguarding officer", "carys.jenkins@newport.example", 3, [.safeguardingLead, .hubPractitioner]),
        ("owain.lewis", "Owain Lewis", "Designated safeguarding person", "owain.lewis@broteyrnon.example", 4, [.referrer, .safeguardingLead]),
        ("mark.thomas", "Mark Thomas", "YJS team manager", "mark.thomas@newport.example", 5, [.safeguardingLead]),
        ("helen.price", "Helen Price", "Senior probation officer", "helen.price@probation.example", 6, [.safeguardingLead]),
        ("lowri.hughes", "Lowri Hughes", "Family support worker", "lowri.hughes@barnardos.example", 7, [.referrer]),
        ("bethan.owen", "Bethan Owen", "Early intervention worker", "bethan.owen@newport.example", 0, [.earlyInterventionWorker]),
        ("elin.williams", "Elin Williams", "Quality assurance lead", "elin.williams@newport.example", 0, [.auditor]),
        ("dafydd.rees", "Dafydd Rees", "Systems administrator", "dafydd.rees@newport.example", 0, [.administrator]),
        ("ffion.davies", "Ffion Davies", "Child protection social worker", "ffion.davies@newport.example", 0, [.socialWorker]),
        ("huw.jenkins", "Huw Jenkins", "Child protection team manager", "huw.jenkins@newport.example", 0, [.teamManager]),
        ("karen.lloyd", "Karen Lloyd", "Designated safeguarding person", "karen.lloyd@maindee.example", 8, [.safeguardingLead]),
    ]

    static func load(into app: Application) async throws -> [DemoAccount] {
        let cost = app.diogelu.bcryptCost, breakGlassDuration = app.diogelu.breakGlassDuration
        let calendar = app.workingCalendar, catalogue = app.catalogue
        let passwords = accounts.map { _ in DemoPassword.make() }
        let hashes = try await app.threadPool.runIfActive(eventLoop: app.eventLoopGroup.any()) {
            try passwords.map { try Bcrypt.hash($0, cost: cost) }
        }.get()
        let alreadyLoaded = try await AgencyRepository(app.db).find(named: agencies[0].0) != nil
        try await Store(app.db).transaction { db in
            if alreadyLoaded {
                let users = UserRepository(db)
                for (index, account) in accounts.enumerated() {
                    if let existing = try await users.credentials(username: account.0) {
                        try await users.setPasswordHash(hashes[index], for: existing.account.id)
                    } else if let agency = try await AgencyRepository(db).find(named: agencies[account.4].0) {
                        // An account added to the demo since this database was loaded.
                        try await users.create(
                            UserAccount(username: account.0, displayName: account.1, email: account.3, jobTitle: account.2,
                                agencyID: agency.id, roles: Set(account.5)),
                            passwordHash: hashes[index])
                    }
                }
                return
            }
            var agencyIDs: [UUID] = []
            for (name, welsh, kind, hub) in agencies {
                let agency = Agency(name: name, welshName: welsh, kind: kind, isHubMember: hub)
                try await AgencyRepository(db).create(agency)
                agencyIDs.append(agency.id)
            }
            for (index, account) in accounts.enumerated() {
                let user = UserAccount(
                    username: account.0, displayName: account.1, email: account.3, jobTitle: account.2,
                    agencyID: agencyIDs[account.4], roles: Set(account.5),
                    language: ["sian.pritchard", "owain.lewis", "carys.jenkins", "ffion.davies"].contains(account.0) ? .welsh : .english)
                try await UserRepository(db).create(user, passwordHash: hashes[index])
            }
            try await DemoFamilies.create(on: db, agencyIDs: agencyIDs)
            try await DemoWorkingDay.create(
                try await DemoDay.load(on: db, now: Date(), calendar: calendar, catalogue: catalogue),
                breakGlassDuration: breakGlassDuration)
            try await AuditTrail.append(
                AuditEvent(actorUserID: nil, actorName: "system", agencyID: nil, roles: [], action: .demoLoaded), on: db)
        }
        return accounts.enumerated().map { index, account in
            DemoAccount(username: account.0, displayName: account.1, agency: agencies[account.4].0, roles: account.5,
                password: passwords[index])
        }
    }

    static func describe(_ accounts: [DemoAccount], twoFactor: TwoFactorRequirement) -> String {
        var lines = ["", "Demo accounts (passwords are shown only now; restarting with --demo renews them):", ""]
        for account in accounts {
            let roles = account.roles.map(\.rawValue).joined(separator: ", ")
            let mark = twoFactor.isRequired(for: Set(account.roles)) ? " *" : ""
            lines.append(
                "  \(account.username.padding(toLength: 16, withPad: " ", startingAt: 0))  \(account.password)  \(account.displayName), \(account.agency) [\(roles)]\(mark)")
        }
        if accounts.contains(where: { twoFactor.isRequired(for: Set($0.roles)) }) {
            lines += [
                "",
                "* sets up two-factor sign-in at the first sign-in: have an authenticator app ready (any RFC 6238 app),",
                "  or start the server with DIOGELU_TWO_FACTOR=optional while trying the demo without one.",
            ]
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}

/// Memorable random passwords: four words and a number.
enum DemoPassword {
    static let words = [
        "afon", "bara", "cwm", "draig", "eira", "ffenest", "glaw", "haul", "iaith", "llyn", "mynydd", "nant", "ogof",
        "pont", "rhos", "seren", "tonnau", "ucheldir", "wy", "ynys", "castell", "cennin", "telyn", "coeden",
    ]

    static func make() -> String {
        (0..<4).map { _ in words.randomElement()! }.joined(separator: "-") + "-" + String(Int.random(in: 10...99))
    }
}
