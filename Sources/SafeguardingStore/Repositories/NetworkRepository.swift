import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// The adults, places and peer groups of children's networks and the links between them
/// and children (F20). As elsewhere in the store, nothing here checks access or audits.
///
/// The domain words every link with a person first and a place or group second
/// (``NetworkLinkKind/fits(from:to:)``), so the children linked to a place or group are
/// always the `from` end of links whose `to` is that place or group: one index serves
/// "three children linked to this address".
public struct NetworkRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    // MARK: Adults, places and groups

    /// Creates or updates a node, keeping the typed columns in step with the document.
    public func save(_ node: NetworkNode) async throws {
        try await sql.insert(into: "network_nodes")
            .columns("id", "kind", "place_kind", "name", "search_name", "postcode", "agency_id", "recorded_on", "document")
            .values(
                SQLBind(node.id), SQLBind(node.kind.rawValue), SQLBind(node.placeKind?.rawValue), SQLBind(node.name),
                SQLBind(Self.searchable(node.name)), SQLBind(Self.postcode(node.postcode)), SQLBind(node.recordedByAgencyID),
                SQLBind(node.recordedOn.iso), SQLBind(try DocumentColumn.encode(node)))
            .onConflict(with: ["id"]) { conflict in
                ["place_kind", "name", "search_name", "postcode", "document"].reduce(conflict) { $0.set(excludedValueOf: $1) }
            }
            .run()
    }

    public func node(_ id: UUID) async throws -> NetworkNode? {
        try await nodes([id])[id]
    }

    /// The nodes these ids name, in one read.
    public func nodes(_ ids: [UUID]) async throws -> [UUID: NetworkNode] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().column("document").from("network_nodes").where("id", .in, Array(Set(ids))).all()
        let nodes = try rows.map { try DocumentColumn.decode(NetworkNode.self, from: try $0.decode(column: "document", as: String.self)) }
        return Dictionary(nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adults, places and groups whose name starts with the text, or at the postcode: for
    /// choosing what to link a child to without typing it again.
    public func search(_ text: String, limit: Int = 20) async throws -> [NetworkNode] {
        let term = Self.searchable(text)
        guard !term.isEmpty else { return [] }
        let escaped = term.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        let rows = try await sql.select().column("document").from("network_nodes")
            .where { group in
                group.where(SQLQueryString("search_name LIKE \(bind: escaped + "%") ESCAPE '\\'"))
                    .orWhere("postcode", .equal, Self.postcode(text))
            }
            .orderBy("search_name").limit(limit).all()
        return try rows.map { try DocumentColumn.decode(NetworkNode.self, from: try $0.decode(column: "document", as: String.self)) }
    }

    /// Names as they are searched: without case or accents, so "Ty Gwyn" finds "Tŷ Gwyn".
    static func searchable(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    static func postcode(_ text: String) -> String {
        text.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: Links

    public func save(_ stored: StoredLink) async throws {
        let link = stored.link
        try await sql.insert(into: "network_links")
            .columns(
                "id", "from_id", "from_kind", "to_id", "to_kind", "link_kind", "agency_id", "recorded_on", "reliability",
                "ended_on")
            .values(
                SQLBind(link.id), SQLBind(link.from), SQLBind(stored.fromKind.rawValue), SQLBind(link.to),
                SQLBind(stored.toKind.rawValue), SQLBind(link.kind.rawValue), SQLBind(link.sourceAgencyID),
                SQLBind(link.recordedOn.iso), SQLBind(link.reliability.rawValue), SQLBind(link.endedOn?.iso))
            .onConflict(with: ["id"]) { $0.set(excludedValueOf: "ended_on") }
            .run()
    }

    public func link(_ id: UUID) async throws -> StoredLink? {
        try await decode(sql.select().column("*").from("network_links").where("id", .equal, id).all()).first
    }

    /// The links touching any of these members, standing on `day` (or ever, with no day),
    /// oldest first.
    public func links(touching ids: [UUID], on day: CalendarDay? = nil) async throws -> [StoredLink] {
        guard !ids.isEmpty else { return [] }
        let ids = Array(Set(ids))
        let query = sql.select().column("*").from("network_links")
            .where { $0.where("from_id", .in, ids).orWhere("to_id", .in, ids) }
        if let day { Self.standing(query, on: day) }
        return try await decode(query.orderBy("recorded_on").orderBy("id").all())
    }

    /// The standing links within two of `centre`, in one statement whatever the network's
    /// size: those touching the centre or any member linked to it. The domain's
    /// ``Neighbourhood`` keeps those within reach.
    public func neighbourhood(around centre: UUID, on day: CalendarDay) async throws -> [StoredLink] {
        try decode(try await database.rows(NeighbourhoodRead.self, centre, day.iso))
    }

    /// $1 the centre, $2 the day: the links standing that day touching the centre, then
    /// those touching the members at their other end.
    enum NeighbourhoodRead: PreparedRead {
        static let sql = """
            WITH near AS (
                SELECT from_id, to_id FROM network_links
                WHERE (from_id = $1 OR to_id = $1) AND recorded_on <= $2 AND (ended_on IS NULL OR ended_on > $2)
            ), members AS (
                SELECT from_id AS id FROM near UNION SELECT to_id FROM near
            )
            SELECT * FROM network_links
            WHERE (from_id IN (SELECT id FROM members) OR to_id IN (SELECT id FROM members) OR from_id = $1 OR to_id = $1)
                AND recorded_on <= $2 AND (ended_on IS NULL OR ended_on > $2)
            ORDER BY recorded_on, id
            """
    }

    /// How many children stand linked to each of these places or groups on `day`,
    /// counted by the database.
    public func childrenLinked(to nodeIDs: [UUID], on day: CalendarDay) async throws -> [UUID: Int] {
        guard !nodeIDs.isEmpty else { return [:] }
        let query = sql.select().column("to_id").column(SQLQueryString("COUNT(DISTINCT from_id)"), as: "children")
            .from("network_links").where("to_id", .in, Array(Set(nodeIDs))).where("from_kind", .equal, NetworkNodeKind.child.rawValue)
        Self.standing(query, on: day)
        var counts: [UUID: Int] = [:]
        for row in try await query.groupBy("to_id").all() {
            counts[try row.decode(column: "to_id", as: UUID.self)] = try row.decode(column: "children", as: Int.self)
        }
        return counts
    }

    /// The places and groups a child stands linked to that other children are linked to
    /// as well, each with how many children in all: what the child's record says of the
    /// network, in one statement.
    public func shared(by childID: UUID, on day: CalendarDay) async throws -> [(node: NetworkNode, children: Int)] {
        let rows = try await sql.raw("""
            SELECT n.document AS document, COUNT(DISTINCT o.from_id) AS children
            FROM network_links l
            JOIN network_links o ON o.to_id = l.to_id AND o.from_kind = 'child'
                AND o.recorded_on <= \(bind: day.iso) AND (o.ended_on IS NULL OR o.ended_on > \(bind: day.iso))
            JOIN network_nodes n ON n.id = l.to_id
            WHERE l.from_id = \(bind: childID) AND l.to_kind IN ('place', 'peer_group')
                AND l.recorded_on <= \(bind: day.iso) AND (l.ended_on IS NULL OR l.ended_on > \(bind: day.iso))
            GROUP BY n.id, n.document
            HAVING COUNT(DISTINCT o.from_id) > 1
            """).all()
        return try rows.map { row in
            (try DocumentColumn.decode(NetworkNode.self, from: try row.decode(column: "document", as: String.self)),
             try row.decode(column: "children", as: Int.self))
        }.sorted { ($0.children, $1.node.name) > ($1.children, $0.node.name) }
    }

    // MARK: Private

    /// Limits a query to links standing on `day`: recorded by then, and not yet ended.
    @discardableResult
    private static func standing(_ query: SQLSelectBuilder, on day: CalendarDay) -> SQLSelectBuilder {
        query.where("recorded_on", .lessThanOrEqual, day.iso)
            .where { $0.where("ended_on", .is, SQLLiteral.null).orWhere("ended_on", .greaterThan, day.iso) }
    }

    private func decode(_ rows: [any SQLRow]) throws -> [StoredLink] {
        try rows.map { row in
            let kind = { (column: String) throws -> NetworkNodeKind in
                NetworkNodeKind(rawValue: try row.decode(column: column, as: String.self)) ?? .adult
            }
            let day = { (column: String) throws -> CalendarDay? in
                try row.decode(column: column, as: String?.self).flatMap(CalendarDay.init(iso8601:))
            }
            let link = NetworkLink(
                id: try row.decode(column: "id", as: UUID.self), from: try row.decode(column: "from_id", as: UUID.self),
                to: try row.decode(column: "to_id", as: UUID.self),
                kind: NetworkLinkKind(rawValue: try row.decode(column: "link_kind", as: String.self)) ?? .associatesWith,
                sourceAgencyID: try row.decode(column: "agency_id", as: UUID.self),
                recordedOn: try day("recorded_on") ?? CalendarDay(dayNumber: 0),
                reliability: InformationReliability(rawValue: try row.decode(column: "reliability", as: String.self))
                    ?? .unverifiedReport,
                endedOn: try day("ended_on"))
            return StoredLink(link, fromKind: try kind("from_kind"), toKind: try kind("to_kind"))
        }
    }
}
