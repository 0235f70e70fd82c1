import FluentKit
import Foundation
import Safeguarding
import SafeguardingStore
import Testing

@Suite("The access facts of many children are read at once, as opening each would find them")
struct ChildAccessFactsTests {
    @Test("agencies involved, a live grant on a restricted record only, an open break-glass view only while it lasts")
    func factsOfMany() async throws {
        try await withTestDatabase { store in
            let db = store.database
            let police = Agency(name: "Gwent Police", welshName: "Heddlu Gwent", kind: .police, isHubMember: true)
            let school = Agency(name: "Ysgol Bro Teyrnon", welshName: "Ysgol Bro Teyrnon", kind: .education, isHubMember: false)
            for agency in [police, school] { try await AgencyRepository(db).create(agency) }
            let reader = UserAccount(username: "rhian", displayName: "Rhian Evans", email: "rhian@example.invalid",
                jobTitle: "DC", agencyID: police.id, roles: [.hubPractitioner])
            let other = UserAccount(username: "tom", displayName: "Tom Davies", email: "tom@example.invalid",
                jobTitle: "PC", agencyID: police.id, roles: [.referrer])
            for account in [reader, other] { try await UserRepository(db).create(account, passwordHash: "x") }
            func child(_ name: String, restricted: Bool, agencies: [Agency]) async throws -> Child {
                let child = Child(givenName: name, surname: "Jones", dateOfBirth: nil, sex: .female, address: "1 Stow Hill", postcode: "NP20 1JH",
                    isRestricted: restricted)
                try await ChildRepository(db).create(child, involvements: agencies.map {
                    AgencyInvolvement(agencyID: $0.id, involvement: .familySupport, namedWorker: "")
                })
                return child
            }
            let granted = try await child("Cerys", restricted: true, agencies: [school])
            let unrestricted = try await child("Lily", restricted: false, agencies: [police, school])
            let viewed = try await child("Mali", restricted: true, agencies: [])
            let lapsed = try await child("Nia", restricted: true, agencies: [])
            let now = Date()
            let children = ChildRepository(db)
            try await children.grantAccess(childID: granted.id, userID: reader.id, grantedBy: other.id, now: now)
            try await children.grantAccess(childID: unrestricted.id, userID: reader.id, grantedBy: other.id, now: now)
            try await children.grantAccess(childID: lapsed.id, userID: other.id, grantedBy: reader.id, now: now)
            try await children.openBreakGlass(childID: viewed.id, userID: reader.id, reason: "Out of hours", now: now, duration: 3_600)
            try await children.openBreakGlass(
                childID: lapsed.id, userID: reader.id, reason: "Last week", now: now.addingTimeInterval(-86_400), duration: 3_600)
            let records = try await children.children([granted.id, unrestricted.id, viewed.id, lapsed.id])
            let facts = try await children.accessFacts(of: records, userID: reader.id, now: now)
            #expect(facts.count == 4)
            #expect(facts[granted.id] == ChildAccessFacts(isRestricted: true, grantedUserIDs: [reader.id], involvedAgencyIDs: [school.id]))
            #expect(facts[unrestricted.id] == ChildAccessFacts(isRestricted: false, involvedAgencyIDs: [police.id, school.id]))
            #expect(facts[viewed.id] == ChildAccessFacts(isRestricted: true, openBreakGlassUserIDs: [reader.id]))
            // Another person's grant and a view that has lapsed open nothing for this reader.
            #expect(facts[lapsed.id] == ChildAccessFacts(isRestricted: true))
            #expect(try await children.accessFacts(of: [:], userID: reader.id, now: now).isEmpty)
        }
    }
}
