import Fluent
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore
import Vapor

/// What every part of the demonstration's working day is made with: the transaction it
/// loads in, the moment it loads (every date is relative to it, so the demo is never
/// stale), and the demo's people as the desks know them once signed in, so that each
/// record is made, and audited, in the name of the person whose work it is.
struct DemoDay {
    let db: any Database
    let now: Date
    let calendar: WorkingCalendar
    let catalogue: Catalogue
    private let people: [String: SignedInUser]

    /// What the audit trail shows as the request behind the demo's own records.
    let requestID = "demo"

    static func load(on db: any Database, now: Date, calendar: WorkingCalendar, catalogue: Catalogue) async throws -> DemoDay {
        var people: [String: SignedInUser] = [:]
        for account in DemoPartnership.accounts {
            guard let user = try await UserRepository(db).credentials(username: account.0)?.account,
                let agency = try await AgencyRepository(db).find(user.agencyID)
            else { continue }
            people[account.0] = SignedInUser(account: user, agency: agency, session: nil)
        }
        return DemoDay(db: db, now: now, calendar: calendar, catalogue: catalogue, people: people)
    }

    /// One of the demo's people by username; the demo is written against its own
    /// account list, so a missing one is a mistake in the demo, said as such.
    func person(_ username: String) throws -> SignedInUser {
        guard let user = people[username] else { throw Abort(.internalServerError, reason: "demo account \(username) is missing") }
        return user
    }

    /// A time on a working day `back` working days before today (one or more, so it is
    /// always past), whatever day of the week the demo is loaded.
    func workingDay(_ back: Int, at hour: Int, _ minute: Int = 0) -> Date {
        var day = calendar.day(of: now)
        for _ in 0..<max(1, back) { day = calendar.previousWorkingDay(before: day) }
        return calendar.date(on: day, at: TimeOfDay(hour: hour, minute: minute)!)
    }

    /// A time `hours` before now.
    func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3_600) }

    /// A demo child's record, found by name as the hub would search for it.
    func child(_ given: String, _ surname: String) async throws -> ChildRecordSummary? {
        let sql = db as! any SQLDatabase
        guard let row = try await sql.select().column("id").from("children")
            .where("given_name", .equal, given).where("surname", .equal, surname).first()
        else { return nil }
        return try await ChildRepository(db).summary(of: try row.decode(column: "id", as: UUID.self))
    }
}

extension DemoDay {
    /// The audit entry a desk writes for a step, in the name of the person who took it.
    func audit(
        _ user: SignedInUser, _ action: AuditAction, childID: UUID?, subjectID: UUID? = nil, reason: String = "",
        detail: String = ""
    ) async throws {
        try await AuditTrail.append(
            user.auditEvent(action, childID: childID, subjectID: subjectID, reason: reason, detail: detail, requestID: requestID),
            on: db)
    }
}
