import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Sending the same start again opens nothing more: a child had four open strategy
/// discussions from an empty form sent four times.
@Suite("Starting a step twice")
struct RepeatedStartTests {
    @Test("a second strategy discussion, or a second assessment, while one is open is refused by name and adds nothing")
    func oneOpenAtATime() async throws {
        try await withTestApp { app, partnership in
            let worker = try await Credentials.apiToken(for: partnership.account(.socialWorker), on: app)
            let cerys = partnership.knownToHealth.id
            let base = "/api/v1/children/\(cerys.uuidString.lowercased())"
            #expect(try await app.send(.POST, "\(base)/strategy-discussions", as: worker, json: "{}").status == .created)
            for _ in 0..<3 {
                let again = try await app.send(.POST, "\(base)/strategy-discussions", as: worker, json: "{}")
                #expect(again.status == .unprocessableEntity)
                #expect(BadInputTests.fieldErrors(again)["immediate_risk"] == "error.cp.discussion_already_open")
            }
            #expect(try await app.send(.POST, "\(base)/assessments", as: worker, json: "{}").status == .created)
            let secondAssessment = try await app.send(.POST, "\(base)/assessments", as: worker, json: "{}")
            #expect(secondAssessment.status == .unprocessableEntity)
            #expect(BadInputTests.fieldErrors(secondAssessment)["assessment"] == "error.cp.assessment_already_open")
            let record = try await ChildProtectionRepository(app.db).record(of: cerys)
            #expect(record.discussions.count == 1)
            #expect(record.assessments.count == 1)
        }
    }
}
