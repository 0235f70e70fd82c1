import Fluent
import Foundation
import NIOConcurrencyHelpers
import Safeguarding
import SafeguardingStore
import Vapor

/// The partnership's agencies, held in memory for the pages that name them on every
/// line (the hub queue, a child's record).
///
/// Agencies change a few times a year. A change made through this server is seen at
/// once (the administration desk forgets the list after its transaction commits); a
/// change made by another process, such as `diogelu demo` or a second server, within
/// ``freshFor``.
final class AgencyDirectory: Sendable {
    static let freshFor: TimeInterval = 30

    private struct Held {
        var agencies: [Agency]
        var byID: [UUID: Agency]
        var readAt: Date
    }

    private let held = NIOLockedValueBox<Held?>(nil)

    /// Every agency, in name order.
    func all(on database: any Database, now: Date = Date()) async throws -> [Agency] {
        try await current(on: database, now: now).agencies
    }

    /// Every agency by its id.
    func byID(on database: any Database, now: Date = Date()) async throws -> [UUID: Agency] {
        try await current(on: database, now: now).byID
    }

    /// Drops the list, so the next page reads it again.
    func forget() {
        held.withLockedValue { $0 = nil }
    }

    private func current(on database: any Database, now: Date) async throws -> Held {
        if let held = held.withLockedValue({ $0 }), now.timeIntervalSince(held.readAt) < Self.freshFor,
            held.readAt <= now
        {
            return held
        }
        let agencies = try await AgencyRepository(database).all()
        let fresh = Held(
            agencies: agencies, byID: Dictionary(uniqueKeysWithValues: agencies.map { ($0.id, $0) }), readAt: now)
        held.withLockedValue { $0 = fresh }
        return fresh
    }
}

extension Request {
    /// Every agency by its id, for naming them on a page.
    func agenciesByID() async throws -> [UUID: Agency] {
        try await application.agencyDirectory.byID(on: db)
    }

    /// Every agency in name order, for choosing one on a page.
    func agencies() async throws -> [Agency] {
        try await application.agencyDirectory.all(on: db)
    }
}
