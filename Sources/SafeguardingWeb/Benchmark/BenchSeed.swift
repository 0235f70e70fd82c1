import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import SQLKit
import Vapor

/// Fills the database with the synthetic partnership, in batches so memory stays flat.
enum BenchSeed {
    static func seed(app: Application, children: Int, referrals: Int, log: (String) -> Void) async throws -> BenchCredentials {
        _ = try await DemoPartnership.load(into: app)
        let db = app.db
        guard let referrer = try await UserRepository(db).credentials(username: "tom.davies")?.account,
            let hub = try await UserRepository(db).credentials(username: "sian.pritchard")?.account
        else { throw BenchError.usage }
        let loader = BulkLoader(Store(db))
        var partnership = SyntheticPartnership()
        var childIDs: [UUID] = []
        childIDs.reserveCapacity(children)
        let batch = 10_000
        var made = 0
        while made < children {
            let count = min(batch, children - made)
            var rows: [Child] = []
            rows.reserveCapacity(count)
            for index in made..<(made + count) { rows.append(partnership.child(index)) }
            try await loader.insertChildren(rows)
            childIDs += rows.map(\.id)
            made += count
            if made % 100_000 == 0 { log("children: \(made)") }
        }
        // Two years of referrals; the newest few thousand still wait in the hub queue.
        let now = Date()
        let span: TimeInterval = 2 * 365 * 86_400
        let waiting = min(2_000, referrals)
        // The demo's own referrals come first in the year's numbering.
        let sql = db as! any SQLDatabase
        let already = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("referrals")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        var number = 0
        while number < referrals {
            let count = min(batch, referrals - number)
            var rows: [Referral] = []
            rows.reserveCapacity(count)
            for offset in 0..<count {
                let n = number + offset + 1
                let childIndex = Int(partnership.random.next() % UInt64(childIDs.count))
                let child = partnership.childFor(id: childIDs[childIndex], index: childIndex)
                let submitted = now.addingTimeInterval(-span * Double(referrals - n) / Double(referrals) - 60)
                rows.append(partnership.referral(
                    number: already + n, about: child, referrer: referrer.id, agency: referrer.agencyID,
                    submittedAt: submitted, waiting: n > referrals - waiting))
            }
            try await loader.insertReferrals(rows)
            // Each submission is in the audit trail, as in a hub's own: the record page reads
            // a child's latest entries from a table of millions, and is planned for that.
            try await loader.appendAudit(rows.map { referral in
                AuditEvent(
                    actorUserID: referrer.id, actorName: referrer.displayName, agencyID: referrer.agencyID,
                    roles: Array(referrer.roles), action: .referralSubmitted, childID: referral.childID, subjectID: referral.id,
                    occurredAt: referral.submittedAt ?? now)
            })
            number += count
            if number % 200_000 == 0 { log("referrals: \(number)") }
        }
        try await loader.setReferenceCounter(year: 2026, to: already + referrals + 1)
        try await loader.settle()
        let (token, _) = try await Store(db).transaction { db in
            try await APITokenIssuer.issue(
                for: referrer.id, label: "benchmark", issuedBy: referrer.id, validFor: 7 * 86_400, now: now,
                audit: { id in
                    AuditEvent(actorUserID: nil, actorName: "benchmark", agencyID: nil, roles: [], action: .apiTokenIssued,
                        subjectID: id, detail: "user=\(referrer.id.uuidString.lowercased())")
                }, on: db)
        }
        let cookie = SecretHash.randomToken()
        _ = try await SessionRepository(db).create(
            tokenHash: SecretHash.sha256(cookie), userID: hub.id, csrfToken: SecretHash.randomToken(), now: now,
            lifetime: 7 * 86_400)
        // Keep a sample of children for the record-page load, not all million.
        let sample = stride(from: 0, to: childIDs.count, by: max(1, childIDs.count / 10_000)).map { childIDs[$0] }
        // The demo's MACE meeting (a dozen young people) is the cohort page measured.
        let mace = try await MACEMeetingRepository(db).recent().first { !$0.isClosed }?.id
        // Jac Evans's network (a flat, a group, an adult, five other children) is the one measured.
        let network = try await ChildRepository(db).search(text: "Jac Evans", dateOfBirth: nil).first?.id
        return BenchCredentials(
            referrerToken: token, hubCookie: cookie, childIDs: sample, maceMeetingID: mace, networkChildID: network)
    }
}

extension SyntheticPartnership {
    /// A child with a known id for a referral: the names need not match the stored
    /// record exactly for the benchmark, only the link.
    mutating func childFor(id: UUID, index: Int) -> Child {
        var made = child(index)
        made.id = id
        return made
    }
}
