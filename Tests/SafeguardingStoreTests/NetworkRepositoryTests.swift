import FluentKit
import Foundation
import Safeguarding
import SafeguardingStore
import Testing

/// Tyler, Jac and Kai are linked to one flat; Tyler is part of a group that meets at the
/// park; an adult stays at the flat; Kai's link to the flat has ended.
@Suite("The network is walked two links out and counted by the database (F20)")
struct NetworkRepositoryTests {
    let today = CalendarDay(year: 2026, month: 12, day: 4)!
    let october = CalendarDay(year: 2026, month: 10, day: 1)!

    struct Setting {
        var police: Agency
        var tyler: UUID, jac: UUID, kai: UUID, cerys: UUID
        var flat: NetworkNode, park: NetworkNode, group: NetworkNode, adult: NetworkNode
    }

    func setting(_ store: Store) async throws -> Setting {
        let police = Agency(name: "Gwent Police", welshName: "Heddlu Gwent", kind: .police, isHubMember: true)
        try await AgencyRepository(store.database).create(police)
        let node = { (kind: NetworkNodeKind, name: String, place: PlaceKind?) in
            NetworkNode(kind: kind, name: name, placeKind: place, postcode: "NP20 1AA", recordedByAgencyID: police.id, recordedOn: self.october)
        }
        let s = Setting(
            police: police, tyler: UUID(), jac: UUID(), kai: UUID(), cerys: UUID(),
            flat: node(.place, "Flat 2, 14 Commercial Road", .address), park: node(.place, "Belle Vue Park", .park),
            group: node(.peerGroup, "Boys who meet at the park", nil), adult: node(.adult, "Dean Price", nil))
        let repository = NetworkRepository(store.database)
        for member in [s.flat, s.park, s.group, s.adult] { try await repository.save(member) }
        return s
    }

    func link(_ s: Setting, _ from: (UUID, NetworkNodeKind), _ kind: NetworkLinkKind, _ to: (UUID, NetworkNodeKind),
        ended: CalendarDay? = nil) -> StoredLink {
        StoredLink(
            NetworkLink(from: from.0, to: to.0, kind: kind, sourceAgencyID: s.police.id, recordedOn: october,
                reliability: .reliableReport, endedOn: ended), fromKind: from.1, toKind: to.1)
    }

    func saveLinks(_ s: Setting, _ store: Store) async throws {
        let repository = NetworkRepository(store.database)
        let links = [
            link(s, (s.tyler, .child), .seenAt, (s.flat.id, .place)),
            link(s, (s.jac, .child), .staysAt, (s.flat.id, .place)),
            link(s, (s.kai, .child), .seenAt, (s.flat.id, .place)),
            link(s, (s.jac, .child), .seenAt, (s.flat.id, .place)),  // Jac twice: still one child
            link(s, (s.adult.id, .adult), .staysAt, (s.flat.id, .place)),
            link(s, (s.tyler, .child), .partOf, (s.group.id, .peerGroup)),
            link(s, (s.group.id, .peerGroup), .seenAt, (s.park.id, .place)),
            link(s, (s.cerys, .child), .seenAt, (s.park.id, .place)),  // three links from Tyler
            link(s, (s.kai, .child), .livesAt, (s.flat.id, .place), ended: CalendarDay(year: 2026, month: 11, day: 1)!),
        ]
        for line in links { try await repository.save(line) }
    }

    @Test("the standing links within two of a child, in two reads, and the domain keeps those within reach")
    func neighbourhoodTwoOut() async throws {
        try await withTestDatabase { store in
            let s = try await setting(store)
            try await saveLinks(s, store)
            let stored = try await NetworkRepository(store.database).neighbourhood(around: s.tyler, on: today)
            #expect(!stored.contains { $0.link.endedOn != nil }, "an ended link is not read")
            let around = Neighbourhood(around: s.tyler, links: stored.map(\.link), on: today)
            #expect(around.distance == [
                s.tyler: 0, s.flat.id: 1, s.group.id: 1, s.jac: 2, s.kai: 2, s.adult.id: 2, s.park.id: 2,
            ])
            #expect(around.distance[s.cerys] == nil, "Cerys at the park is three links away")
            #expect(stored.first { $0.link.from == s.adult.id }?.fromKind == .adult, "each end keeps its kind")
        }
    }

    @Test("three children linked to this address, each child once, ended links not counted")
    func childrenPerPlace() async throws {
        try await withTestDatabase { store in
            let s = try await setting(store)
            try await saveLinks(s, store)
            let repository = NetworkRepository(store.database)
            let counts = try await repository.childrenLinked(to: [s.flat.id, s.park.id, s.group.id], on: today)
            #expect(counts == [s.flat.id: 3, s.park.id: 1, s.group.id: 1])
            let before = try await repository.childrenLinked(to: [s.flat.id], on: CalendarDay(year: 2026, month: 9, day: 1)!)
            #expect(before.isEmpty, "nothing was linked before October")
            let shared = try await repository.shared(by: s.jac, on: today)
            #expect(shared.map(\.node.id) == [s.flat.id] && shared.map(\.children) == [3])
            #expect(try await repository.shared(by: s.cerys, on: today).isEmpty, "no other child is at the park")
        }
    }

    @Test("adults, places and groups are found by the start of their name, without case or accents, or by postcode")
    func search() async throws {
        try await withTestDatabase { store in
            let s = try await setting(store)
            let repository = NetworkRepository(store.database)
            var tyGwyn = s.flat
            tyGwyn.id = UUID()
            tyGwyn.name = "Tŷ Gwyn B&B"
            tyGwyn.postcode = "NP19 7BX"
            tyGwyn.placeKind = .temporaryAccommodation
            try await repository.save(tyGwyn)
            #expect(try await repository.search("ty gw").map(\.id) == [tyGwyn.id])
            #expect(try await repository.search("np19 7bx").map(\.id) == [tyGwyn.id])
            #expect(try await repository.search("BELLE").map(\.id) == [s.park.id])
            #expect(try await repository.search("%").isEmpty, "a wildcard is only a character")
        }
    }

    @Test("a current placement in temporary accommodation lacks a check until one finds the place safe")
    func placementsLackingCheck() async throws {
        try await withTestDatabase { store in
            let s = try await setting(store)
            let child = Child(givenName: "Tyler", surname: "Williams", dateOfBirth: CalendarDay(year: 2012, month: 11, day: 2)!,
                sex: .male, address: "3 Alway Crescent", postcode: "NP19 9JG")
            try await ChildRepository(store.database).create(child)
            let worker = UserAccount(username: "sian", displayName: "Siân Morgan", email: "sian@example.invalid",
                jobTitle: "Social worker", agencyID: s.police.id, roles: [.socialWorker])
            try await UserRepository(store.database).create(worker, passwordHash: "x")
            var bnb = s.flat
            bnb.id = UUID()
            bnb.name = "Bryn Guest House"
            bnb.placeKind = .temporaryAccommodation
            try await NetworkRepository(store.database).save(bnb)
            let care = CareRepository(store.database)
            let period = LookedAfterPeriod(childID: child.id, legalStatus: .accommodatedSection76, startsOn: october, reason: "Parents unable to care")
            try await care.save(period)
            #expect(try await care.currentPeriod(of: child.id, on: today)?.id == period.id)
            #expect(try await care.currentPeriod(of: child.id, on: CalendarDay(year: 2026, month: 9, day: 30)!) == nil)
            let placement = Placement(childID: child.id, periodID: period.id, type: .temporaryAccommodation, provider: "Bryn Guest House",
                placeID: bnb.id, startsOn: today)
            try await care.save(placement)
            #expect(try await care.placementsLackingSafetyCheck(on: today).map(\.id) == [placement.id])
            try await care.save(SafetyCheck(placeID: bnb.id, checkedOn: today, checkedByUserID: worker.id, checkedByName: "Siân Morgan",
                result: .safe))
            #expect(try await care.placementsLackingSafetyCheck(on: today).isEmpty)
        }
    }
}
