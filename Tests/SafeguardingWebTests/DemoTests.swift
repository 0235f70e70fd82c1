import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

@Suite("The demo shows a working day (issue 15, item 1)")
struct DemoTests {
    @Test("the hub queue opens full: a high-risk notice with its duplicate, referrals past their time, a third referral in a year")
    func hubQueueIsFull() async throws {
        try await withDemoApp { app, _ in
            let repository = ReferralRepository(app.db)
            let lines = try await repository.queue()
            #expect(lines.count == 4, "waiting referrals, the duplicate notice counted with its episode: \(lines.count)")
            #expect(lines.filter { $0.decisionDueAt < Date() }.count >= 2, "some are past their decision time")
            let referrals = try await repository.find(lines.map(\.id))
            func waiting(_ name: String) -> (QueueLine, Referral)? {
                lines.compactMap { line in referrals[line.id].map { (line, $0) } }.first { $0.1.form.child.givenName == name }
            }
            let tyler = try #require(waiting("Tyler"))
            #expect(tyler.1.kind == .policeProtectionNotice)
            #expect(tyler.1.form.policeNotice?.domesticAbuseRisk == .high && tyler.1.form.policeNotice?.childPresent == true)
            #expect(tyler.0.linkedNotices == 1, "the second officer's notice of the same incident is one episode with the first")
            let lily = try #require(waiting("Lily"))
            let earlier = try await repository.earlierReferrals(like: lily.1).filter { $0.referralID != lily.1.id }
            #expect(earlier.count == 2 && earlier.allSatisfy { $0.outcome != nil }, "two earlier referrals, both closed")
            #expect(referrals.values.allSatisfy { $0.childID != nil }, "each is on the record its NHS number names")
        }
    }

    @Test("the hub social worker's queue page lists them, the overdue ones said in words")
    func queuePageShowsThem() async throws {
        try await withDemoApp { app, _ in
            let sian = try #require(try await UserRepository(app.db).credentials(username: "sian.pritchard")?.account)
            let session = try await Credentials.session(for: sian, on: app)
            let page = try await app.send(.GET, "/hub", as: session)
            #expect(page.status == .ok)
            for name in ["Tyler Williams", "Mabli Davies", "Jac Evans", "Lily Roberts"] {
                #expect(page.text.contains(name), "\(name) is waiting")
            }
            #expect(page.text.contains("hwyr") || page.text.contains("overdue"), "an overdue referral says so")
        }
    }
}
