import Foundation
import Safeguarding
import SafeguardingStore
import Testing

@Suite("The hub queue's counts")
struct QueueCountsTests {
    @Test("waiting counts both waiting statuses, once per episode; overdue counts those past their deadline")
    func counts() async throws {
        try await withTestDatabase { store in
            let agency = Agency(name: "Ysgol Gyfun", welshName: "Ysgol Gyfun", kind: .education, isHubMember: false)
            try await AgencyRepository(store.database).create(agency)
            let teacher = UserAccount(
                username: "athro", displayName: "Athro", email: "athro@example.invalid", jobTitle: "Teacher",
                agencyID: agency.id, roles: [.referrer])
            try await UserRepository(store.database).create(teacher, passwordHash: "x")
            let now = Date()
            let referrals = ReferralRepository(store.database)
            func referral(_ status: ReferralStatus, dueIn hours: Double, episodeLead: UUID? = nil) async throws -> UUID {
                let made = Referral(
                    reference: "REF-\(UUID().uuidString.prefix(8))", status: status, referrerUserID: teacher.id,
                    referrerAgencyID: agency.id, form: ReferralForm(kind: .policeProtectionNotice),
                    createdAt: now, submittedAt: now, decisionDueAt: now.addingTimeInterval(hours * 3600),
                    episodeLeadID: episodeLead)
                try await referrals.create(made)
                return made.id
            }
            let lead = try await referral(.submitted, dueIn: -2)  // overdue
            _ = try await referral(.submitted, dueIn: -1, episodeLead: lead)  // a duplicate notice: not counted again
            _ = try await referral(.submitted, dueIn: 5)
            _ = try await referral(.awaitingSignOff, dueIn: -3)  // overdue
            _ = try await referral(.awaitingSignOff, dueIn: 8)
            _ = try await referral(.decided, dueIn: -10)  // decided: not waiting
            _ = try await referral(.draft, dueIn: -10)
            let counts = try await referrals.queueCounts(now: now)
            #expect(counts.waiting == 4)
            #expect(counts.overdue == 2)
            let empty = try await ReferralRepository(store.database).queueCounts(now: now.addingTimeInterval(-86_400))
            #expect(empty.overdue == 0 && empty.waiting == 4)
        }
    }
}
