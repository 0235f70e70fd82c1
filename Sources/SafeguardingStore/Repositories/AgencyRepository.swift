import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// Reads and writes the partnership's agencies.
public struct AgencyRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    private var sql: any SQLDatabase { database as! any SQLDatabase }

    public func all() async throws -> [Agency] {
        try await sql.select().columns(AgencyRow.columns).from("agencies").orderBy("name").all().map(AgencyRow.agency(from:))
    }

    public func find(_ id: UUID) async throws -> Agency? {
        try await sql.select().columns(AgencyRow.columns).from("agencies").where("id", .equal, id).first()
            .map(AgencyRow.agency(from:))
    }

    public func find(named name: String) async throws -> Agency? {
        try await AgencyRecord.query(on: database).filter(\.$name == name).first()?.agency
    }

    public func create(_ agency: Agency) async throws {
        try await AgencyRecord(agency).create(on: database)
    }

    public func update(_ agency: Agency) async throws {
        guard let record = try await AgencyRecord.find(agency.id, on: database) else { throw StoreError.notFound }
        record.name = agency.name
        record.welshName = agency.welshName
        record.kind = agency.kind.rawValue
        record.isHubMember = agency.isHubMember
        try await record.update(on: database)
    }
}

/// Failures the store reports in the domain's terms.
public enum StoreError: Error, Sendable, Equatable {
    case notFound
    case duplicate(field: String)
}
