import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// A child's record as a page shows it: the child, their family and the agencies involved.
public struct ChildRecordSummary: Sendable, Hashable {
    public var child: Child
    public var family: [FamilyMember]
    public var involvements: [AgencyInvolvement]
    /// The record this one was merged into, when it is a duplicate.
    public var mergedIntoID: UUID? = nil
    /// Whether the child protection register has ever had an entry for the child: only
    /// then need the register itself be read to say whether the child is on it now.
    public var hasRegisterHistory = false
}

/// One line of a search result.
public struct ChildSearchResult: Sendable, Hashable {
    public var id: UUID
    public var fullName: String
    public var dateOfBirth: CalendarDay?
    public var postcode: String
    public var isRestricted: Bool
    public var involvedAgencyIDs: Set<UUID>
}

/// Reads and writes children's records. Nothing here checks access: callers ask the
/// ``AccessPolicy`` first, then read, and write the audit entry in the same transaction.
public struct ChildRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    public func create(_ child: Child, family: [FamilyMember] = [], involvements: [AgencyInvolvement] = []) async throws {
        try await ChildRecord(child).create(on: database)
        for member in family { try await FamilyMemberRecord(member, of: child.id).create(on: database) }
        for involvement in involvements {
            try await AgencyInvolvementRecord(involvement, of: child.id).create(on: database)
        }
    }

    /// Records a family member; a sibling known to the partnership must already have a record.
    public func addFamilyMember(_ member: FamilyMember, of childID: UUID) async throws {
        try await FamilyMemberRecord(member, of: childID).create(on: database)
    }

    public func addInvolvement(_ involvement: AgencyInvolvement, of childID: UUID) async throws {
        try await AgencyInvolvementRecord(involvement, of: childID).create(on: database)
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func find(_ id: UUID) async throws -> Child? {
        try await sql.select().columns(ChildRow.columns).from("children").where("id", .equal, id).first()
            .map(ChildRow.child(from:))
    }

    public func summary(of id: UUID) async throws -> ChildRecordSummary? {
        try await read(id, for: nil, now: Date())?.summary
    }

    /// The children these ids name, in one read: for a list that names the child beside
    /// each of its lines.
    public func children(_ ids: [UUID]) async throws -> [UUID: Child] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await sql.select().columns(ChildRow.columns).from("children").where("id", .in, Array(Set(ids))).all()
        return Dictionary(try rows.map(ChildRow.child(from:)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The agencies involved with each of these children, in one read.
    public func involvements(of childIDs: [UUID]) async throws -> [UUID: [AgencyInvolvement]] {
        guard !childIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns(InvolvementRow.columns).from("agency_involvements")
            .where("child_id", .in, Array(Set(childIDs))).all()
        return Dictionary(grouping: try rows.map(InvolvementRow.involvement(from:)), by: \.childID).mapValues { $0.map(\.involvement) }
    }

    /// What the access policy needs to judge each of these children, already read, for
    /// `userID`, in one statement however many there are: the agencies involved, and the
    /// reader's live grants and open break-glass views among them. A list of many
    /// children judges each as opening it would.
    public func accessFacts(of records: [UUID: Child], userID: UUID, now: Date) async throws -> [UUID: ChildAccessFacts] {
        guard !records.isEmpty else { return [:] }
        let ids = Array(records.keys)
        let rows = try await sql.select().column(SQLLiteral.string("agency"), as: "part").column("child_id").column("agency_id")
            .from("agency_involvements").where("child_id", .in, ids)
            .union(all: {
                $0.column(SQLLiteral.string("grant"), as: "part").column("child_id").column(SQLLiteral.null, as: "agency_id")
                    .from("access_grants")
                    .where("child_id", .in, ids).where("user_id", .equal, userID).where("revoked_at", .is, SQLLiteral.null)
            })
            .union(all: {
                $0.column(SQLLiteral.string("view"), as: "part").column("child_id").column(SQLLiteral.null, as: "agency_id")
                    .from("break_glass_views")
                    .where("child_id", .in, ids).where("user_id", .equal, userID).where("expires_at", .greaterThan, now)
            })
            .all()
        var facts = records.mapValues { ChildAccessFacts(isRestricted: $0.isRestricted, involvedAgencyIDs: []) }
        for row in rows {
            let childID = try row.decode(column: "child_id", as: UUID.self)
            switch try row.decode(column: "part", as: String.self) {
            case "agency": facts[childID]?.involvedAgencyIDs.insert(try row.decode(column: "agency_id", as: UUID.self))
            // Named access only matters on a restricted record; an open break-glass view
            // can also let a safeguarding lead into an unrestricted one.
            case "grant": if records[childID]?.isRestricted == true { facts[childID]?.grantedUserIDs.insert(userID) }
            default: facts[childID]?.openBreakGlassUserIDs.insert(userID)
            }
        }
        return facts
    }

    /// Everything the access policy needs to decide about this child for `userID`.
    public func accessFacts(for childID: UUID, userID: UUID, now: Date) async throws -> ChildAccessFacts? {
        try await read(childID, for: userID, now: now)?.facts
    }

    /// The record and what the access policy needs about it, in three reads whatever the
    /// record holds: the child with their access facts, the family, the agencies. The
    /// record page is the partnership's most read page, so it does not go through the
    /// model layer.
    public func summaryAndAccess(of childID: UUID, userID: UUID, now: Date) async throws
        -> (ChildRecordSummary, ChildAccessFacts)?
    {
        try await read(childID, for: userID, now: now)
    }

    /// The one read of a child's record: with no `userID`, no grant or break-glass view
    /// can match, and the facts are those of the record alone.
    private func read(_ childID: UUID, for userID: UUID?, now: Date) async throws
        -> (summary: ChildRecordSummary, facts: ChildAccessFacts)?
    {
        // Without a user the access counts are not used: an id no account has stands in.
        guard let row = try await database.row(RecordRead.self, userID ?? Self.nobody, now, childID) else { return nil }
        let child = try ChildRow.child(from: row)
        var family: [FamilyMember] = []
        var involvements: [AgencyInvolvement] = []
        for row in try await database.rows(CircleRead.self, childID) {
            let id = try row.decode(column: "id", as: UUID.self)
            let kind = try row.decode(column: "kind", as: String.self)
            let since = try row.decode(column: "since", as: String?.self).flatMap(CalendarDay.init(iso8601:))
            if try row.decode(column: "part", as: String.self) == "family" {
                family.append(FamilyMember(
                    id: id, name: try row.decode(column: "name", as: String.self),
                    relationship: Relationship(rawValue: kind) ?? .other, dateOfBirth: since,
                    holdsParentalResponsibility: try row.decode(column: "holds_pr", as: Bool.self),
                    livesWithChild: try row.decode(column: "lives_with", as: Bool.self),
                    childID: try row.decode(column: "other_id", as: UUID?.self)))
            } else {
                involvements.append(AgencyInvolvement(
                    id: id, agencyID: try row.decode(column: "other_id", as: UUID.self),
                    involvement: InvolvementKind(rawValue: kind) ?? .familySupport,
                    namedWorker: try row.decode(column: "named_worker", as: String.self), since: since,
                    until: try row.decode(column: "until", as: String?.self).flatMap(CalendarDay.init(iso8601:))))
            }
        }
        var facts = ChildAccessFacts(isRestricted: child.isRestricted, involvedAgencyIDs: Set(involvements.map(\.agencyID)))
        // Named access only matters on a restricted record; an open break-glass view can
        // also let a safeguarding lead into an unrestricted one.
        if let userID {
            if child.isRestricted, try row.decode(column: "live_grants", as: Int.self) > 0 { facts.grantedUserIDs.insert(userID) }
            if try row.decode(column: "open_views", as: Int.self) > 0 { facts.openBreakGlassUserIDs.insert(userID) }
        }
        let summary = ChildRecordSummary(
            child: child, family: family, involvements: involvements,
            mergedIntoID: try row.decode(column: "merged_into_id", as: UUID?.self),
            hasRegisterHistory: try row.decode(column: "register_entries", as: Int.self) > 0)
        return (summary, facts)
    }

    private static let nobody = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// $1 the user reading, $2 now, $3 the child: the record with the facts its access
    /// check needs, in one statement.
    enum RecordRead: PreparedRead {
        static let sql = """
            SELECT \(ChildRow.columns(as: "c")), c.merged_into_id,
                (SELECT COUNT(*) FROM access_grants g
                    WHERE g.child_id = c.id AND g.user_id = $1 AND g.revoked_at IS NULL) AS live_grants,
                (SELECT COUNT(*) FROM break_glass_views b
                    WHERE b.child_id = c.id AND b.user_id = $1 AND b.expires_at > $2) AS open_views,
                (SELECT COUNT(*) FROM child_protection_register r WHERE r.child_id = c.id) AS register_entries
            FROM children c WHERE c.id = $3
            """
    }

    /// $1 the child: the people around the child, family and agencies, in one read with
    /// a column saying which each row is. Two reads cost the database a round trip more
    /// on every opening of a record, for what is usually a handful of rows.
    enum CircleRead: PreparedRead {
        static let sql = """
            SELECT 'family' AS part, id, name, relationship AS kind, date_of_birth AS since,
                holds_parental_responsibility AS holds_pr, lives_with_child AS lives_with, related_child_id AS other_id,
                '' AS named_worker, NULL AS until
            FROM family_members WHERE child_id = $1
            UNION ALL
            SELECT 'agency', id, '', involvement, since, NULL, NULL, agency_id, named_worker, until
            FROM agency_involvements WHERE child_id = $1
            """
    }

    /// Children whose name starts with the words given (surname first or given name
    /// first), or whose NHS number, unique pupil number, police reference or social care
    /// id is exactly the text given, optionally born on a date.
    public func search(text: String, dateOfBirth: CalendarDay?, limit: Int = 50) async throws -> [ChildSearchResult] {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let folded = cleaned.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        // LIKE wildcards typed by a person are taken as spaces, never as patterns.
        let words = folded.split(whereSeparator: { " ,%_\\".contains($0) }).map(String.init)
        let compactIdentifier = cleaned.replacingOccurrences(of: " ", with: "").uppercased()
        let query = sql.select().columns(ChildRow.columns).from("children")
        if !words.isEmpty {
            let surnameFirst = words.joined(separator: " ")
            let givenFirst = (words.dropFirst() + [words[0]]).joined(separator: " ")
            query.where { group in
                group.where("search_name", .like, surnameFirst + "%")
                if words.count > 1 { group.orWhere("search_name", .like, givenFirst + "%") }
                // One word may be a given name, or a later part of the name: any part
                // after the first starts after a space.
                else { group.orWhere("search_name", .like, "% " + words[0] + "%") }
                group.orWhere("nhs_number", .equal, compactIdentifier)
                group.orWhere("upn", .equal, compactIdentifier)
                group.orWhere("police_reference", .equal, cleaned.uppercased())
                group.orWhere("social_care_id", .equal, cleaned.uppercased())
                return group
            }
        }
        if let dob = dateOfBirth { query.where("date_of_birth", .equal, dob.iso) }
        // A record merged into another is found through the one it was merged into.
        query.where("merged_into_id", .is, SQLLiteral.null)
        let found = try await query.orderBy("search_name").limit(limit).all().map(ChildRow.child(from:))
        let involvements = try await self.involvements(of: found.map(\.id))
        return found.map { child in
            ChildSearchResult(
                id: child.id, fullName: child.fullName, dateOfBirth: child.dateOfBirth, postcode: child.postcode,
                isRestricted: child.isRestricted, involvedAgencyIDs: Set((involvements[child.id] ?? []).map(\.agencyID)))
        }
    }

    /// The records (not merged into another) that carry this NHS number, up to `limit`.
    public func ids(withNHSNumber digits: String, limit: Int = 2) async throws -> [UUID] {
        try await sql.select().column("id").from("children").where("nhs_number", .equal, digits)
            .where("merged_into_id", .is, SQLLiteral.null).limit(limit).all().map { try $0.decode(column: "id", as: UUID.self) }
    }

    public func count() async throws -> Int {
        try await ChildRecord.query(on: database).count()
    }

    public func setRestricted(_ restricted: Bool, childID: UUID) async throws {
        try await ChildRecord.query(on: database).filter(\.$id == childID).set(\.$isRestricted, to: restricted).update()
    }

    public func grantAccess(childID: UUID, userID: UUID, grantedBy: UUID, now: Date) async throws {
        let grant = AccessGrantRecord()
        grant.id = UUID()
        grant.childID = childID
        grant.userID = userID
        grant.grantedBy = grantedBy
        grant.grantedAt = now
        try await grant.create(on: database)
    }

    /// Opens a restricted record for one person for a limited time.
    public func openBreakGlass(childID: UUID, userID: UUID, reason: String, now: Date, duration: TimeInterval) async throws {
        let view = BreakGlassRecord()
        view.id = UUID()
        view.childID = childID
        view.userID = userID
        view.reason = reason
        view.openedAt = now
        view.expiresAt = now.addingTimeInterval(duration)
        try await view.create(on: database)
    }
}
