import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `/api/v1`: a child's child protection record, every step of the pages with the same
/// fields as JSON, the team queue and the child protection measures.
struct ChildProtectionAPIController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let child = routes.grouped("children", ":childID")
        child.on(.GET, "child-protection", requires: .permission(.viewChildProtection), use: record)
        for step in ChildProtectionStep.all {
            child.grouped(step.components).on(.POST, requires: .permission(step.permission)) { request in
                try await run(step, request)
            }
        }
        routes.on(.GET, "team", "queue", requires: .permission(.viewChildProtection), use: queue)
        routes.on(.GET, "measures", "child-protection", requires: .permission(.viewMeasures), use: measures)
    }

    /// The record as the domain holds it, with its open clocks.
    struct RecordResponse: Content {
        var record: ChildProtectionCase
        var onRegister: Bool
        var clocks: [ChildProtectionClock]
    }

    func record(_ request: Request) async throws -> RecordResponse {
        let opened = try await ChildProtectionDesk(request).open(try ChildWebController.childID(request))
        return RecordResponse(record: opened.record, onRegister: opened.record.isOnRegister, clocks: opened.record.openClocks)
    }

    private func run(_ step: ChildProtectionStep, _ request: Request) async throws -> Response {
        let childID = try ChildWebController.childID(request)
        var desk = try ChildProtectionDesk(request, childID: childID)
        try await desk.authorise(childID)
        var fields = try await FieldReader.json(from: request)
        desk.agencyIDs = try await request.agencies().map(\.id)
        let before = try await ChildProtectionRepository(request.db).record(of: childID)
        try await step.run(&fields, before, try ChildProtectionWebController.recordID(request), desk)
        let after = try await ChildProtectionDesk(request).open(childID).record
        let response = try await RecordResponse(record: after, onRegister: after.isOnRegister, clocks: after.openClocks)
            .encodeResponse(for: request)
        response.status = .created
        return response
    }

    struct QueueResponse: Content {
        struct Line: Content {
            /// A child protection clock's kind, `return_interview` or `safety_check`.
            var kind: String
            var childId: UUID
            var childName: String
            var subjectId: UUID
            var dueAt: Date
            var overdue: Bool
            var secondsRemaining: Int
        }
        var items: [Line]
    }

    func queue(_ request: Request) async throws -> QueueResponse {
        let now = Date()
        // Only the two answers the document names: anything else is a mistake, said so.
        let mine: Bool
        switch request.query[String.self, at: "mine"] {
        case nil, "false": mine = false
        case "true": mine = true
        default: throw ValidationFailure([FieldError("mine", .notOneOf(["true", "false"]))])
        }
        return QueueResponse(items: try await TeamQueue.lines(request, mine: mine).map {
            .init(kind: $0.kind, childId: $0.childID, childName: $0.childName, subjectId: $0.subjectID, dueAt: $0.dueAt,
                overdue: $0.dueAt < now, secondsRemaining: Int($0.dueAt.timeIntervalSince(now)))
        })
    }

    /// The measures, with each agency named so a chart needs no second lookup.
    struct MeasuresResponse: Content {
        struct AgencyLine: Content {
            var agencyId: UUID
            var agencyName: String
            var invited: Int
            var attended: Int
            var reportsSubmitted: Int
        }
        var from: String
        var until: String
        var measures: ChildProtectionMeasures
        var coreGroupAttendanceByAgency: [AgencyLine]
    }

    /// `?from=&until=` as every measure; the last 30 days by default.
    func measures(_ request: Request) async throws -> MeasuresResponse {
        let period = try MeasurePeriod(request)
        let measures = try await ChildProtectionDesk(request).measures(during: period.start..<period.end)
        let names = Dictionary(uniqueKeysWithValues: try await request.agencies().map {
            ($0.id, $0.name(in: request.language))
        })
        return MeasuresResponse(
            from: period.from.iso, until: period.until.iso, measures: measures,
            coreGroupAttendanceByAgency: measures.coreGroupAttendance.map {
                .init(agencyId: $0.agencyID, agencyName: names[$0.agencyID] ?? "", invited: $0.invited,
                    attended: $0.attended, reportsSubmitted: $0.reportsSubmitted)
            })
    }
}

extension ChildProtectionMeasures: Content {}
