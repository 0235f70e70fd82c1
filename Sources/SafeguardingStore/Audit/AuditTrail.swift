import Crypto
import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Appends to, reads and verifies the hash-chained audit trail.
public enum AuditTrail {
    static let genesis = AuditEntry.genesisHash

    /// Appends one event. Call it inside ``Store/transaction(_:)`` together with the
    /// change it records, so both are written or neither is.
    ///
    /// The UPDATE on the one-row head table claims the next sequence number and takes
    /// that row's write lock on both engines: concurrent appends queue behind it rather
    /// than reading the same previous hash and forking the chain.
    @discardableResult
    public static func append(_ event: AuditEvent, on database: any Database) async throws -> AuditEntry {
        try await append([event], on: database)[0]
    }

    /// Appends entries in the order given, in two statements however many there are:
    /// one moves the head on by their number, one inserts them. The head's hash follows
    /// each insert by trigger (`AddAuditHeadTrigger`); after several, a third statement
    /// leaves it on the last whatever order the trigger saw them in.
    @discardableResult
    public static func append(_ events: [AuditEvent], on database: any Database) async throws -> [AuditEntry] {
        guard !events.isEmpty else { return [] }
        let sql = database as! any SQLDatabase
        guard
            let head = try await sql.raw(
                "UPDATE audit_head SET sequence = sequence + \(bind: events.count) WHERE id = 1 RETURNING sequence, hash"
            ).first()
        else { throw AuditTrailError.headMissing }
        var sequence = try head.decode(column: "sequence", as: Int64.self) - Int64(events.count)
        var previousHash = try head.decode(column: "hash", as: String.self)
        var entries: [AuditEntry] = []
        entries.reserveCapacity(events.count)
        var insert = sql.insert(into: "audit_entries").columns(
            "sequence", "occurred_at_ms", "actor_user_id", "actor_name", "agency_id", "roles", "action", "child_id",
            "subject_id", "reason", "detail", "request_id", "previous_hash", "hash")
        for event in events {
            sequence += 1
            let hash = Self.hash(sequence: sequence, event: event, previousHash: previousHash)
            insert = insert.values(
                SQLBind(sequence), SQLBind(event.occurredAtMilliseconds), SQLBind(event.actorUserID.map(key)),
                SQLBind(event.actorName), SQLBind(event.agencyID.map(key)),
                SQLBind(event.roles.map(\.rawValue).joined(separator: ",")), SQLBind(event.action.rawValue),
                SQLBind(event.childID.map(key)), SQLBind(event.subjectID.map(key)), SQLBind(event.reason),
                SQLBind(event.detail), SQLBind(event.requestID), SQLBind(previousHash), SQLBind(hash))
            entries.append(AuditEntry(sequence: sequence, event: event, previousHash: previousHash, hash: hash))
            previousHash = hash
        }
        try await insert.run()
        if events.count > 1 {
            try await sql.raw("UPDATE audit_head SET hash = \(bind: previousHash) WHERE id = 1").run()
        }
        return entries
    }

    static func hash(sequence: Int64, event: AuditEvent, previousHash: String) -> String {
        sha256Hex(AuditEntry.canonicalText(sequence: sequence, event: event, previousHash: previousHash))
    }

    /// SHA-256 of the text, in lower-case hex.
    public static func sha256Hex(_ text: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Data(text.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// UUIDs are stored as lower-case text in the trail, the same on both engines, so
    /// that an auditor can search for them and the hash input is identical everywhere.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    /// Checks every entry from the first: each must hash to what is stored with it and
    /// point at the hash of the one before. Reads in pages so that a trail of millions
    /// of entries is checked in constant memory.
    public static func verify(on database: any Database, pageSize: Int = 5_000) async throws -> AuditChainReport {
        let sql = database as! any SQLDatabase
        var expectedSequence: Int64 = 1
        var previousHash = genesis
        while true {
            let rows = try await sql.raw(
                "SELECT * FROM audit_entries WHERE sequence >= \(bind: expectedSequence) ORDER BY sequence LIMIT \(unsafeRaw: String(pageSize))"
            ).all()
            if rows.isEmpty { break }
            for row in rows {
                let entry = try decodeEntry(row)
                if entry.sequence != expectedSequence {
                    return .broken(atSequence: expectedSequence, problem: .sequenceGap, entriesChecked: expectedSequence - 1)
                }
                if entry.previousHash != previousHash {
                    return .broken(atSequence: entry.sequence, problem: .linkBroken, entriesChecked: entry.sequence - 1)
                }
                let recomputed = hash(sequence: entry.sequence, event: entry.event, previousHash: entry.previousHash)
                if recomputed != entry.hash {
                    return .broken(atSequence: entry.sequence, problem: .contentAltered, entriesChecked: entry.sequence - 1)
                }
                previousHash = entry.hash
                expectedSequence += 1
            }
        }
        // The head records how many entries were ever written: fewer rows means the
        // newest were deleted, which no link between surviving entries would show.
        if let head = try await sql.raw("SELECT sequence, hash FROM audit_head WHERE id = 1").first() {
            let headSequence = try head.decode(column: "sequence", as: Int64.self)
            if headSequence >= expectedSequence {
                return .broken(atSequence: expectedSequence, problem: .sequenceGap, entriesChecked: expectedSequence - 1)
            }
            if try head.decode(column: "hash", as: String.self) != previousHash {
                return .broken(atSequence: max(expectedSequence - 1, 1), problem: .linkBroken,
                    entriesChecked: expectedSequence - 1)
            }
        }
        return .intact(entries: expectedSequence - 1)
    }

    static func decodeEntry(_ row: any SQLRow) throws -> AuditEntry {
        func optionalID(_ column: String) throws -> UUID? {
            try row.decode(column: column, as: String?.self).flatMap(UUID.init(uuidString:))
        }
        let roles = try row.decode(column: "roles", as: String.self).split(separator: ",")
            .compactMap { Role(rawValue: String($0)) }
        let actionText = try row.decode(column: "action", as: String.self)
        var event = AuditEvent(
            actorUserID: try optionalID("actor_user_id"),
            actorName: try row.decode(column: "actor_name", as: String.self),
            agencyID: try optionalID("agency_id"), roles: roles,
            action: AuditAction(rawValue: actionText) ?? .childRecordViewed,
            childID: try optionalID("child_id"), subjectID: try optionalID("subject_id"),
            reason: try row.decode(column: "reason", as: String.self),
            detail: try row.decode(column: "detail", as: String.self),
            occurredAt: Date(
                timeIntervalSince1970: Double(try row.decode(column: "occurred_at_ms", as: Int64.self)) / 1000),
            requestID: try row.decode(column: "request_id", as: String.self))
        // An action this build does not know cannot be hashed faithfully; keep the text
        // out of the enum's fallback by failing the entry's verification instead.
        if AuditAction(rawValue: actionText) == nil { event.detail += "\u{0}unknown-action:\(actionText)" }
        return AuditEntry(
            sequence: try row.decode(column: "sequence", as: Int64.self), event: event,
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self))
    }
}

/// What can go wrong with the audit trail itself.
public enum AuditTrailError: Error, Sendable {
    /// The head row is created by the migration; without it nothing can be appended.
    case headMissing
}
