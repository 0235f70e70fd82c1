import Foundation
import Safeguarding
import SafeguardingStore
import Testing

/// A police referrer and their agency: the queue reads are indifferent to who referred.
private func referrer(in store: Store) async throws -> UserAccount {
    let agency = Agency(name: "Heddlu Gwent", welshName: "Heddlu Gwent", kind: .police, isHubMember: true)
    try await AgencyRepository(store.database).create(agency)
    let officer = UserAccount(
        username: "swyddog", displayName: "Swyddog", email: "swyddog@example.invalid", jobTitle: "PC",
        agencyID: agency.id, roles: [.referrer])
    try await UserRepository(store.database).create(officer, passwordHash: "x")
    return officer
}

@Suite("The hub queue's counts")
struct QueueCountsTests {
    @Test("waiting counts both waiting statuses, once per episode; overdue, sign-off and high priority count their own")
    func counts() async throws {
        try await withTestDatabase { store in
            let teacher = try await referrer(in: store)
            let now = Date()
            let referrals = ReferralRepository(store.database)
            func referral(
                _ status: ReferralStatus, dueIn hours: Double, episodeLead: UUID? = nil, grade: RiskLevel? = nil
            ) async throws -> UUID {
                var form = ReferralForm(kind: .policeProtectionNotice)
                form.policeNotice = PoliceNoticeDetails(officerRiskGrade: grade)
                let made = Referral(
                    reference: "REF-\(UUID().uuidString.prefix(8))", status: status, referrerUserID: teacher.id,
                    referrerAgencyID: teacher.agencyID, form: form,
                    createdAt: now, submittedAt: now, decisionDueAt: now.addingTimeInterval(hours * 3600),
                    episodeLeadID: episodeLead)
                try await referrals.create(made)
                return made.id
            }
            let lead = try await referral(.submitted, dueIn: -2)  // overdue
            _ = try await referral(.submitted, dueIn: -1, episodeLead: lead)  // a duplicate notice: not counted again
            _ = try await referral(.submitted, dueIn: 5, grade: .high)
            _ = try await referral(.awaitingSignOff, dueIn: -3)  // overdue
            _ = try await referral(.awaitingSignOff, dueIn: 8)
            _ = try await referral(.decided, dueIn: -10, grade: .high)  // decided: not waiting
            _ = try await referral(.draft, dueIn: -10)
            let counts = try await referrals.queueCounts(now: now)
            #expect(counts.waiting == 4)
            #expect(counts.overdue == 2)
            #expect(counts.awaitingSignOff == 2)
            #expect(counts.highPriority == 1)
            let empty = try await ReferralRepository(store.database).queueCounts(now: now.addingTimeInterval(-86_400))
            #expect(empty.overdue == 0 && empty.waiting == 4)
        }
    }
}

@Suite("The hub queue's order")
struct QueueOrderTests {
    @Test("for a manager waiting for sign-off first, for a practitioner last; then the highest priority, then the soonest deadline, whatever came first")
    func order() async throws {
        try await withTestDatabase { store in
            let officer = try await referrer(in: store)
            let now = Date()
            let referrals = ReferralRepository(store.database)
            func referral(_ name: String, _ status: ReferralStatus, dueIn hours: Double, notice: PoliceNoticeDetails) async throws {
                var form = ReferralForm(kind: .policeProtectionNotice)
                form.child.givenName = name
                form.policeNotice = notice
                try await referrals.create(Referral(
                    reference: "REF-\(name)", status: status, referrerUserID: officer.id, referrerAgencyID: officer.agencyID,
                    form: form, createdAt: now, submittedAt: now, decisionDueAt: now.addingTimeInterval(hours * 3600)))
            }
            // All due within the same working day, as on a busy morning.
            try await referral("Routine", .submitted, dueIn: 1, notice: PoliceNoticeDetails(officerRiskGrade: .standard))
            try await referral("Medium", .submitted, dueIn: 3, notice: PoliceNoticeDetails(officerRiskGrade: .medium))
            try await referral("Present", .submitted, dueIn: 2, notice: PoliceNoticeDetails(
                noticeType: .domesticAbuse, childPresent: true, officerRiskGrade: .standard))
            try await referral("High", .submitted, dueIn: 4, notice: PoliceNoticeDetails(
                noticeType: .domesticAbuse, domesticAbuseRisk: .high, childPresent: true, officerRiskGrade: .high))
            try await referral("SignOff", .awaitingSignOff, dueIn: 5, notice: PoliceNoticeDetails(officerRiskGrade: .standard))
            let lines = try await referrals.queue()
            #expect(lines.map(\.reference) == ["REF-SignOff", "REF-High", "REF-Present", "REF-Medium", "REF-Routine"])
            #expect(lines.map(\.priority) == [.routine, .high, .raised, .raised, .routine])
            #expect(lines[1].concernType == "domestic_abuse")
            // To a practitioner the referral waiting for the manager is not theirs to act on:
            // it goes after the ones that are, and the high-risk notice leads.
            let practitioners = try await referrals.queue(signOffFirst: false)
            #expect(practitioners.map(\.reference) == ["REF-High", "REF-Present", "REF-Medium", "REF-Routine", "REF-SignOff"])
            #expect(try await referrals.queue(limit: 2, offset: 3, signOffFirst: false).map(\.reference) == ["REF-Routine", "REF-SignOff"])
        }
    }
}
