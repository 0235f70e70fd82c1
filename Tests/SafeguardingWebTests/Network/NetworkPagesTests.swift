import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Cerys, Tyler and Jac are seen at the same flat; Tyler is part of a group that meets at
/// the park. Each of them sees "3 children" on their network; the picture and the table
/// show the same places; a child the reader may not open is "a child".
@Suite("Contextual safeguarding: a child's, a place's and a group's network, in the browser and the API")
struct NetworkPagesTests {
    static func html(_ app: Application, _ key: String, _ language: Language, _ arguments: [String] = []) -> String {
        app.catalogue.text(key, language, arguments).replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func path(_ child: Child) -> String { "/children/\(child.id.uuidString.lowercased())" }

    /// A third child, at the same school as Cerys, whom only the hub knows.
    static func jac(on app: Application) async throws -> Child {
        let jac = Child(givenName: "Jac", surname: "Morgan", dateOfBirth: CalendarDay(year: 2011, month: 5, day: 14), sex: .male,
            address: "Flat 2, 14 Commercial Road, Newport", postcode: "NP20 1AA")
        try await ChildRepository(app.db).create(jac)
        return jac
    }

    /// Links the first child to a new flat, and the others to it as it stands: the flat's id.
    static func linkToOneFlat(_ app: Application, _ hub: Credentials, _ children: [Child]) async throws -> UUID {
        var response = try await app.send(.POST, "\(path(children[0]))/network/links", as: hub, form: [
            ("new_kind", "place"), ("name", "Flat 2, 14 Commercial Road"), ("place_kind", "address"), ("postcode", "NP20 1AA"),
            ("link_kind", "seen_at"), ("reliability", "reliable_report"), ("action", "new-place"),
        ])
        #expect(response.status == .seeOther)
        let flat = try #require(try await NetworkRepository(app.db).search("Flat 2").first)
        for child in children.dropFirst() {
            response = try await app.send(.POST, "\(path(child))/network/links", as: hub, form: [
                ("to_id", flat.id.uuidString), ("link_kind", "seen_at"), ("reliability", "seen_first_hand"), ("action", "existing"),
            ])
            #expect(response.status == .seeOther)
        }
        return flat.id
    }

    @Test("three children linked to one address each see 3 children on their network page and their record")
    func threeChildrenAtOneAddress() async throws {
        try await withTestApp { app, partnership in
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let children = [partnership.knownToHealth, partnership.knownToHubOnly, try await Self.jac(on: app)]
            _ = try await Self.linkToOneFlat(app, hub, children)
            let text = Self.html(app, "network.children_linked.place", .english, ["3"])
            #expect(text.hasPrefix("3 children"))
            for child in children {
                let network = try await app.send(.GET, "\(Self.path(child))/network", as: hub)
                #expect(network.status == .ok)
                #expect(network.text.contains(text), "\(child.givenName) sees the three")
                let record = try await app.send(.GET, Self.path(child), as: hub)
                #expect(record.text.contains(Self.html(app, "child.network.shared.place", .english, ["3", "Flat 2, 14 Commercial Road"])))
                #expect(record.text.contains("\(Self.path(child))/network\"") && record.text.contains("\(Self.path(child))/care\""))
            }
            // The audit trail of each record has the link and the reading of the network.
            let actions = Set(try await AuditTrail.latest(aboutChild: children[1].id, limit: 20, on: app.db).map(\.event.action))
            #expect(actions.isSuperset(of: [.networkLinked, .networkViewed]))
        }
    }

    @Test("the picture and the table both name the place and the group")
    func pictureAndTable() async throws {
        try await withTestApp { app, partnership in
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let tyler = partnership.knownToHubOnly
            _ = try await Self.linkToOneFlat(app, hub, [tyler])
            let response = try await app.send(.POST, "\(Self.path(tyler))/network/links", as: hub, form: [
                ("new_kind", "peer_group"), ("name", "Boys who meet at Belle Vue Park"), ("link_kind", "part_of"),
                ("reliability", "unverified_report"), ("action", "new-peer_group"),
            ])
            #expect(response.status == .seeOther)
            let page = try await app.send(.GET, "\(Self.path(tyler))/network", as: hub).text
            let svgStart = try #require(page.range(of: "<svg class=\"network\" role=\"img\""))
            let svgEnd = try #require(page.range(of: "</svg>", range: svgStart.upperBound..<page.endIndex))
            let picture = String(page[svgStart.lowerBound..<svgEnd.upperBound]), rest = String(page[svgEnd.upperBound...])
            #expect(picture.contains("<title id=\"network-title\">") && picture.contains("<desc id=\"network-desc\">"))
            for name in ["Flat 2, 14 Commercial Road", "Boys who meet at Belle Vue…"] {
                #expect(picture.contains(">\(name)</text>"), "the picture names \(name)")
            }
            for name in ["Flat 2, 14 Commercial Road", "Boys who meet at Belle Vue Park"] {
                #expect(rest.contains(">\(name)</a></td>"), "the table names and links \(name)")
            }
            #expect(rest.contains(Self.html(app, "network.link.part_of", .english)))
            #expect(rest.contains(Self.html(app, "network.reliability.unverified_report", .english)))
            #expect(!picture.contains("<a "), "the picture holds no links: the table does")
        }
    }

    @Test("a child the reader may not open is shown as a child, without a name, a link or an id")
    func restrictedChildUnnamed() async throws {
        try await withTestApp { app, partnership in
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let lead = try await Credentials.session(for: partnership.account(.safeguardingLead), on: app)
            let flat = try await Self.linkToOneFlat(app, hub, [partnership.knownToHealth, partnership.knownToHubOnly])
            // The sealed record's child is linked too, as the store would have it from a grant-holder.
            let sealed = partnership.sealed
            try await NetworkRepository(app.db).save(StoredLink(
                NetworkLink(from: sealed.id, to: flat, kind: .staysAt, sourceAgencyID: partnership.police.id,
                    recordedOn: app.workingCalendar.day(of: Date()), reliability: .reliableReport), fromKind: .child, toKind: .place))
            let hidden = Self.html(app, "network.hidden_child", .english)

            let place = try await app.send(.GET, "/places/\(flat.uuidString.lowercased())", as: hub)
            #expect(place.status == .ok)
            #expect(place.text.contains("Cerys Jones") && place.text.contains(hidden))
            #expect(!place.text.contains("Alaw") && !place.text.contains(sealed.id.uuidString.lowercased()))
            #expect(place.text.contains(Self.html(app, "network.children_linked.place", .english, ["3"])))

            // The health board's lead opens Cerys's record, but not Tyler's: he is "a child" to them.
            let network = try await app.send(.GET, "\(Self.path(partnership.knownToHealth))/network", as: lead)
            #expect(network.status == .ok)
            #expect(!network.text.contains("Tyler") && !network.text.contains("Alaw") && network.text.contains(hidden))
            #expect(!network.text.contains("/places/"), "places' own pages are for the hub, the team and auditors")

            let token = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            let json = try await app.send(.GET, "/api/v1/places/\(flat.uuidString.lowercased())", as: token)
            #expect(json.status == .ok)
            let members = json.json["members"] as? [[String: Any]] ?? []
            #expect(members.count == 4)
            #expect(members.filter { $0["hidden"] as? Bool == true }.count == 1)
            #expect(!json.text.contains("Alaw") && !json.text.lowercased().contains(sealed.id.uuidString.lowercased()))
        }
    }

    @Test("words that do not fit are refused beside the field, and nothing is written; the API answers field by field")
    func badInput() async throws {
        try await withTestApp { app, partnership in
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            let cerys = Self.path(partnership.knownToHealth)
            var response = try await app.send(.POST, "\(cerys)/network/links", as: hub, form: [
                ("new_kind", "peer_group"), ("name", "Pill crew"), ("link_kind", "lives_at"), ("reliability", "reliable_report"),
                ("action", "new-peer_group"),
            ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(Self.html(app, "error.network.link_does_not_fit", .english)))
            #expect(response.text.contains("value=\"Pill crew\""), "what was typed is kept")
            #expect(response.text.contains("id=\"new-peer_group\" open"), "the form that failed is open")
            #expect(try await NetworkRepository(app.db).search("Pill").isEmpty, "the new group was not written")
            #expect(try await NetworkRepository(app.db).links(touching: [partnership.knownToHealth.id]).isEmpty)

            let token = try await Credentials.apiToken(for: partnership.account(.hubPractitioner), on: app)
            response = try await app.send(.POST, "/api/v1\(cerys)/network/links", as: token,
                json: #"{"to_id": "\#(UUID().uuidString)", "link_kind": "gang_member", "reliability": "reliable_report"}"#)
            #expect(response.status == .unprocessableEntity && response.isProblem)
            let fields = Set((response.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String })
            #expect(fields == ["link_kind"], "the unknown words are refused before the record is looked for")
            response = try await app.send(.POST, "/api/v1/places", as: token, json: #"{"name": "Bryn Guest House"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect((response.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "place_kind")
            #expect(try await NetworkRepository(app.db).search("Bryn").isEmpty)
        }
    }

    @Test("a Welsh reader reads the network in Welsh")
    func welsh() async throws {
        try await withTestApp { app, partnership in
            let hub = try await Credentials.session(for: partnership.account(.hubPractitioner), on: app)
            _ = try await Self.linkToOneFlat(app, hub, [partnership.knownToHealth])
            let welsh = try await Credentials.session(for: partnership.welshPractitioner, on: app)
            let page = try await app.send(.GET, "\(Self.path(partnership.knownToHealth))/network", as: welsh)
            #expect(page.status == .ok)
            for key in ["network.heading.links", "network.link.seen_at", "network.reliability.reliable_report", "network.add.title"] {
                #expect(page.text.contains(Self.html(app, key, .welsh)), "\(key) in Welsh")
            }
            #expect(page.text.contains(Self.html(app, "network.picture.title", .welsh, ["Cerys Jones"])))
            let index = try await app.send(.GET, "/network?q=flat", as: welsh)
            #expect(index.text.contains(Self.html(app, "network.index.title", .welsh)) && index.text.contains("Flat 2, 14 Commercial Road"))
        }
    }

    @Test("no link is worded as a label, in either language")
    func linksAreNotLabels() {
        let catalogue = CatalogueTests.catalogue
        for kind in NetworkLinkKind.allCases {
            for language in Language.allCases {
                let text = catalogue.text("network.link.\(kind.rawValue)", language).lowercased()
                #expect(!NetworkLinkKind.labelsNeverUsed.contains { text.contains($0) }, "\(kind) in \(language): \(text)")
            }
        }
    }
}
