import FluentKit
import Foundation
import SQLKit
import Safeguarding

/// What the partnership has done about one child beyond the child's own record: the
/// child protection record, missing episodes, exploitation assessments and agreed levels,
/// raised flags and periods in care. The warnings at the top of every page about the
/// child and the master log are made from it.
public struct ChildWork: Sendable {
    public var childProtection: ChildProtectionCase
    /// The newest first.
    public var missingEpisodes: [MissingEpisode]
    /// The oldest first.
    public var assessments: [ExploitationAssessment]
    /// The oldest first.
    public var agreedLevels: [AgreedExploitationLevel]
    /// The newest first.
    public var raisedFlags: [RaisedFlag]
    /// The newest first.
    public var carePeriods: [LookedAfterPeriod]
}

/// Reads a child's ``ChildWork`` in one statement across its thirteen tables: a page
/// about the child read each table on its own, a round trip apiece, and on a 2-core
/// server the thread hops of twenty small reads cost more than the reads.
public struct ChildWorkRepository: Sendable {
    let database: any Database

    public init(_ database: any Database) {
        self.database = database
    }

    /// The tables holding a JSON document of the domain value under `document`.
    fileprivate static let documents = ["missing_episodes", "exploitation_assessments", "exploitation_agreed_levels", "raised_flags",
        "looked_after_periods"]

    /// $1 the child: every table's rows about the child, in one statement whose text
    /// never changes, so PostgreSQL prepares it once per connection and SQLKit never
    /// builds it again. The child protection tables come first: PostgreSQL types a
    /// union's column from its first branches, and a run of NULLs would make
    /// `opened_at` text.
    enum WorkRead: PreparedRead {
        static let sql = (ChildProtectionTable.allCases.map { ($0.rawValue, "details", "opened_at") }
            + ChildWorkRepository.documents.map { ($0, "document", "NULL") })
            .map { table, column, order in
                "SELECT '\(table)' AS source, \(column) AS document, \(order) AS opened_at FROM \(table) WHERE child_id = $1"
            }
            .joined(separator: " UNION ALL ")
    }

    public func work(of childID: UUID) async throws -> ChildWork {
        var work = ChildWork(childProtection: ChildProtectionCase(childID: childID), missingEpisodes: [], assessments: [],
            agreedLevels: [], raisedFlags: [], carePeriods: [])
        var childProtection: [(openedAt: Date, table: ChildProtectionTable, details: Data)] = []
        for row in try await database.rows(WorkRead.self, childID) {
            let source = try row.decode(column: "source", as: String.self)
            let document = try row.decode(column: "document", as: String.self)
            switch source {
            case "missing_episodes": work.missingEpisodes.append(try DocumentColumn.decode(MissingEpisode.self, from: document))
            case "exploitation_assessments": work.assessments.append(try DocumentColumn.decode(ExploitationAssessment.self, from: document))
            case "exploitation_agreed_levels": work.agreedLevels.append(try DocumentColumn.decode(AgreedExploitationLevel.self, from: document))
            case "raised_flags": work.raisedFlags.append(try DocumentColumn.decode(RaisedFlag.self, from: document))
            case "looked_after_periods": work.carePeriods.append(try DocumentColumn.decode(LookedAfterPeriod.self, from: document))
            default:
                guard let table = ChildProtectionTable(rawValue: source) else { continue }
                childProtection.append((try row.decode(column: "opened_at", as: Date.self), table, Data(document.utf8)))
            }
        }
        // In the orders each table's own read gave.
        for record in childProtection.sorted(by: { $0.openedAt < $1.openedAt }) {
            try ChildProtectionRepository.add(record.details, from: record.table, to: &work.childProtection)
        }
        work.missingEpisodes.sort { $0.reportedAt > $1.reportedAt }
        work.assessments.sort { ($0.assessedOn, $0.recordedAt) < ($1.assessedOn, $1.recordedAt) }
        work.agreedLevels.sort { $0.agreedOn < $1.agreedOn }
        work.raisedFlags.sort { $0.startsOn > $1.startsOn }
        work.carePeriods.sort { $0.startsOn > $1.startsOn }
        return work
    }
}
