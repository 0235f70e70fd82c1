import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// The team manager allocates Cerys's case to the child protection team and then to its
/// social worker; a move to the hub says why; the record shows who holds it, the team
/// queue shows the worker her own cases, and the caseloads count them.
@Suite("Allocating children's cases to a team and a worker (issue 17, item 5)")
struct AllocationFlowTests {
    func t(_ app: Application, _ key: String, _ language: Language = .english, _ arguments: [String] = []) -> String {
        app.catalogue.text(key, language, arguments).replacingOccurrences(of: "'", with: "&#39;")
    }

    func teams(_ app: Application, _ partnership: TestPartnership) async throws -> (east: Team, hub: Team) {
        let repository = AllocationRepository(app.db)
        let east = Team(agencyID: partnership.childrensServices.id, name: "Child protection team (east)", welshName: "Tîm amddiffyn plant (dwyrain)")
        let hub = Team(agencyID: partnership.childrensServices.id, name: "Safeguarding hub", welshName: "Yr hyb diogelu")
        for team in [east, hub] { try await repository.save(team) }
        try await repository.setTeam(of: partnership.account(.socialWorker).id, to: east.id)
        try await repository.setTeam(of: partnership.account(.teamManager).id, to: east.id)
        try await repository.setTeam(of: partnership.account(.hubPractitioner).id, to: hub.id)
        return (east, hub)
    }

    @Test("allocated, refused beside its field, moved with a reason, shown on the record, the queue and the caseloads")
    func allocation() async throws {
        try await withTestApp { app, partnership in
            let (east, hub) = try await teams(app, partnership)
            let manager = try await Credentials.session(for: partnership.account(.teamManager), on: app)
            let social = try await Credentials.session(for: partnership.account(.socialWorker), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/children/\(cerys.uuidString.lowercased())"
            let id = { (uuid: UUID) in uuid.uuidString.lowercased() }
            let worker = partnership.account(.socialWorker), hubWorker = partnership.account(.hubPractitioner)

            var response = try await app.send(.GET, base, as: social)
            #expect(response.text.contains(t(app, "allocation.none")))
            response = try await app.send(.GET, "\(base)/allocation", as: social)
            #expect(!response.text.contains("id=\"allocation\" novalidate"), "a social worker does not allocate")
            response = try await app.send(.POST, "\(base)/allocation", as: social, form: [("team", id(east.id))])
            #expect(response.status == .forbidden)
            #expect(try await AllocationRepository(app.db).history(of: cerys).isEmpty)

            // A worker from another team is refused beside the worker; nothing is written.
            response = try await app.send(.POST, "\(base)/allocation", as: manager, form: [("team", id(east.id)), ("worker", id(hubWorker.id))])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t(app, "error.allocation.worker_not_in_team")))
            #expect(response.text.contains("id=\"allocation-worker-error\""))
            #expect(try await AllocationRepository(app.db).history(of: cerys).isEmpty)

            response = try await app.send(.POST, "\(base)/allocation", as: manager, form: [("team", id(east.id))])
            #expect(response.status == .seeOther)
            response = try await app.send(.POST, "\(base)/allocation", as: manager, form: [("team", id(east.id)), ("worker", id(worker.id))])
            #expect(response.status == .seeOther, "naming a worker in the team needs no reason")
            response = try await app.send(.GET, base, as: social)
            #expect(response.text.contains(t(app, "allocation.team_and_worker", .english, ["Child protection team (east)", worker.displayName])))

            // The worker's own queue and the caseloads.
            let token = try await Credentials.apiToken(for: worker, on: app)
            var teamsAnswer = try await app.send(.GET, "/api/v1/teams", as: token)
            let list = (try JSONSerialization.jsonObject(with: Data(teamsAnswer.text.utf8)) as? [[String: Any]]) ?? []
            let eastLine = list.first { $0["name"] as? String == "Child protection team (east)" }
            let loads = (eastLine?["workers"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "", $0["cases"] as? Int ?? -1) }
            #expect(loads.contains { $0.0 == worker.displayName && $0.1 == 1 })
            #expect(loads.contains { $0.0 == partnership.account(.teamManager).displayName && $0.1 == 0 }, "a worker holding none is listed")
            response = try await app.send(.GET, "/team/caseloads", as: social)
            #expect(response.text.contains("Child protection team (east)") && response.text.contains(worker.displayName))
            response = try await app.send(.GET, "/team?show=mine", as: social)
            #expect(response.status == .ok && response.text.contains("aria-current=\"page\">\(t(app, "team.show.mine"))"))

            // Moving the case needs a reason; with one it moves, and the history says so.
            response = try await app.send(.POST, "\(base)/allocation", as: manager, form: [("team", id(hub.id)), ("worker", id(hubWorker.id))])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains(t(app, "error.allocation.reason_needed")))
            response = try await app.send(.POST, "\(base)/allocation", as: manager, form: [
                ("team", id(hub.id)), ("worker", id(hubWorker.id)), ("reason", "Stepped down to the hub after the conference"),
            ])
            #expect(response.status == .seeOther)
            let history = try await AllocationRepository(app.db).history(of: cerys)
            #expect(history.count == 3 && history.filter(\.isCurrent).map(\.workerUserID) == [hubWorker.id])
            response = try await app.send(.GET, "\(base)/allocation", as: manager)
            #expect(response.text.contains("Stepped down to the hub after the conference"))
            teamsAnswer = try await app.send(.GET, "/api/v1/team/queue?mine=true", as: token)
            #expect(teamsAnswer.status == .ok)
            let audit = try await AuditTrail.search(AuditQuery(childID: cerys, action: .caseAllocated), on: app.db)
            #expect(audit.count == 3)

            // The API says the same, and refuses as the form does.
            let managerToken = try await Credentials.apiToken(for: partnership.account(.teamManager), on: app)
            response = try await app.send(.PUT, "/api/v1\(base)/allocation", as: managerToken,
                json: #"{"team": "\#(east.id.uuidString)", "worker": "\#(hubWorker.id.uuidString)", "reason": "x"}"#)
            #expect(response.status == .unprocessableEntity && response.isProblem && response.text.contains("worker"))
            response = try await app.send(.GET, "/api/v1\(base)/allocation", as: token)
            let current = response.json["current"] as? [String: Any]
            #expect(current?["worker_user_id"] as? String == hubWorker.id.uuidString)
            #expect((response.json["history"] as? [Any])?.count == 3)
        }
    }
}
