import Foundation
import Testing
@testable import Safeguarding

@Suite("A child's network two links out, from current links only (F20)")
struct NeighbourhoodTests {
    let tyler = UUID(), jac = UUID(), kai = UUID(), jason = UUID(), flat = UUID(), park = UUID(), group = UUID()
    let police = UUID()
    let today = testDay(2026, 12, 4)

    func link(_ from: UUID, _ to: UUID, _ kind: NetworkLinkKind, ended: CalendarDay? = nil) -> NetworkLink {
        NetworkLink(from: from, to: to, kind: kind, sourceAgencyID: police, recordedOn: testDay(2026, 10, 1),
            reliability: .reliableReport, endedOn: ended)
    }

    @Test("members within two links with their distance, the links between them, nothing further")
    func twoLinksOut() {
        let links = [
            link(tyler, group, .partOf), link(jac, group, .partOf), link(tyler, flat, .seenAt),
            link(jason, flat, .staysAt), link(kai, jason, .associatesWith),  // Kai is three links from Tyler
            link(jac, park, .seenAt),
        ]
        let around = Neighbourhood(around: tyler, links: links, on: today)
        #expect(around.distance == [tyler: 0, group: 1, flat: 1, jac: 2, jason: 2])
        #expect(around.links.count == 4, "Jac at the park and Kai are beyond two links")
        #expect(Neighbourhood(around: tyler, links: links, on: today, depth: 3).distance[kai] == 3)
    }

    @Test("an ended link drops out from the day it ended; one recorded later is not yet there")
    func currentOnly() {
        var later = link(tyler, park, .seenAt)
        later.recordedOn = testDay(2026, 12, 10)
        let links = [link(tyler, flat, .seenAt, ended: today), later, link(tyler, group, .partOf, ended: testDay(2026, 12, 5))]
        #expect(Neighbourhood(around: tyler, links: links, on: today).distance == [tyler: 0, group: 1])
    }

    @Test("three children linked to this address are counted on it")
    func childrenAtAPlace() {
        let kinds: [UUID: NetworkNodeKind] = [tyler: .child, jac: .child, kai: .child, jason: .adult, flat: .place]
        let links = [link(tyler, flat, .seenAt), link(flat, jac, .seenAt), link(kai, flat, .staysAt), link(jason, flat, .livesAt),
                     link(kai, flat, .seenAt, ended: testDay(2026, 11, 1))]
        #expect(Neighbourhood.directlyLinked(to: flat, links: links, on: today, kinds: kinds, of: .child) == [tyler, jac, kai])
        #expect(Neighbourhood.directlyLinked(to: flat, links: links, on: today, kinds: kinds, of: .adult) == [jason])
    }
}
