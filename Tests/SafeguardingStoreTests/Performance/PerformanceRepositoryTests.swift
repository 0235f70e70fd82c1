import FluentKit
import Foundation
import SQLKit
import Safeguarding
import SafeguardingStore
import Testing

/// The performance framework's counts come from the database's aggregate over typed
/// columns: per event and per child, in the period each event falls in, by team, with
/// the undecided left out and restricted records never counted.
@Suite("Performance framework counts (issue 17, items 1 and 2)")
struct PerformanceRepositoryTests {
    let calendar = WorkingCalendar()
    let may = ReportingPeriod.containing(CalendarDay(year: 2026, month: 5, day: 1)!, .month)
    /// Midday on 15 July 2026: after both months counted.
    var now: Date { calendar.date(on: CalendarDay(year: 2026, month: 7, day: 15)!, at: .nineAM) }

    func on(_ month: Int, _ day: Int) -> Date { calendar.date(on: CalendarDay(year: 2026, month: month, day: day)!, at: .nineAM) }

    func child(_ name: String, restricted: Bool = false, in db: any Database) async throws -> UUID {
        let child = Child(givenName: name, surname: "Jones", dateOfBirth: nil, sex: .female, address: "1 Stryd", postcode: "NP19 7BX",
            isRestricted: restricted)
        try await ChildRepository(db).create(child)
        return child.id
    }

    @Test("initial conferences: held on time, held late, never held and overdue, not yet due; April beside May; per child")
    func conferences() async throws {
        try await withTestDatabase { store in
            let db = store.database
            let repository = ChildProtectionRepository(db, calendar: calendar)
            let (cerys, dylan, ffion, gwen) = (try await child("Cerys", in: db), try await child("Dylan", in: db),
                try await child("Ffion", in: db), try await child("Gwen", in: db))
            // May: Cerys on time and late (two conferences), Dylan on time, Ffion never held.
            try await repository.save(ChildProtectionConference(childID: cerys, kind: .initial, dueAt: on(5, 8), heldAt: on(5, 6)))
            try await repository.save(ChildProtectionConference(childID: cerys, kind: .initial, dueAt: on(5, 12), heldAt: on(5, 20)))
            try await repository.save(ChildProtectionConference(childID: dylan, kind: .initial, dueAt: on(5, 14), heldAt: on(5, 14)))
            try await repository.save(ChildProtectionConference(childID: ffion, kind: .initial, dueAt: on(5, 18)))
            // April: Gwen on time. A review in May is another measure's.
            try await repository.save(ChildProtectionConference(childID: gwen, kind: .initial, dueAt: on(4, 20), heldAt: on(4, 17)))
            try await repository.save(ChildProtectionConference(childID: gwen, kind: .review, dueAt: on(5, 20), heldAt: on(5, 28)))
            let performance = PerformanceRepository(store.sql, calendar: calendar)
            let counts = try await performance.counts(of: .initialConferencesOnTime, over: may.series(2), now: now)
            let april = try #require(counts.first { $0.period == 0 }?.figure)
            let mayFigure = try #require(counts.first { $0.period == 1 }?.figure)
            #expect(april == MeasureFigure(events: 1, met: 1, children: 1, childrenMet: 1))
            #expect(mayFigure == MeasureFigure(events: 4, met: 2, children: 3, childrenMet: 1))
            #expect(mayFigure.rate == 50)
            #expect(mayFigure.childRate.map { ($0 * 10).rounded() / 10 } == 33.3)

            // On 16 May, Ffion's conference (due the 18th, not held) is not yet decided.
            let early = try await performance.counts(of: .initialConferencesOnTime, over: [may], now: on(5, 16))
            #expect(early.first?.figure == MeasureFigure(events: 3, met: 2, children: 2, childrenMet: 1))

            // A chart's older bars count their events, not their children.
            let chart = try await performance.counts(of: .initialConferencesOnTime, over: may.series(2), childrenFrom: 1, now: now)
            #expect(chart.first { $0.period == 0 }?.figure == MeasureFigure(events: 1, met: 1, children: 0, childrenMet: 0))
            #expect(chart.first { $0.period == 1 }?.figure == mayFigure)

            let reviews = try await performance.counts(of: .reviewConferencesOnTime, over: [may], now: now)
            #expect(reviews.first?.figure == MeasureFigure(events: 1, met: 0, children: 1, childrenMet: 0))
        }
    }

    @Test("re-registrations and days on the register, as the Welsh Government counts them; restricted records left out")
    func register() async throws {
        try await withTestDatabase { store in
            let db = store.database
            let repository = ChildProtectionRepository(db, calendar: calendar)
            let (cerys, dylan, secret) = (try await child("Cerys", in: db), try await child("Dylan", in: db),
                try await child("Eira", restricted: true, in: db))
            // Cerys: on the register in 2025, off, then on again on 5 May 2026 (a re-registration).
            try await repository.save(RegisterEntry(childID: cerys, categories: [.neglect], registeredAt: on(1, 5).addingTimeInterval(-365 * 86_400),
                registeredByConference: UUID(), deregisteredAt: on(1, 5).addingTimeInterval(-200 * 86_400)))
            try await repository.save(RegisterEntry(childID: cerys, categories: [.neglect], registeredAt: on(5, 5), registeredByConference: UUID()))
            // Dylan: registered 21 April, removed 11 May: 20 days.
            try await repository.save(RegisterEntry(childID: dylan, categories: [.emotional], registeredAt: on(4, 21),
                registeredByConference: UUID(), deregisteredAt: on(5, 11)))
            // Eira's record is restricted: registered twice in May, counted in neither measure.
            try await repository.save(RegisterEntry(childID: secret, categories: [.physical], registeredAt: on(5, 2), registeredByConference: UUID(),
                deregisteredAt: on(5, 3)))
            try await repository.save(RegisterEntry(childID: secret, categories: [.physical], registeredAt: on(5, 9), registeredByConference: UUID()))

            let performance = PerformanceRepository(store.sql, calendar: calendar)
            let again = try await performance.counts(of: .reRegistrations, over: [may], now: now)
            #expect(again.first?.figure == MeasureFigure(events: 1, met: 1, children: 1, childrenMet: 1))

            // On in May: Cerys from the 5th to the month's end (26.6 days), Dylan's 20 days.
            let days = try #require(try await performance.counts(of: .daysOnRegister, over: [may], now: now).first?.figure)
            #expect(days.events == 2)
            #expect(days.average.map { ($0 * 10).rounded() / 10 } == 23.3)
        }
    }

    @Test("by team: the team the child's case was allocated to when the event happened")
    func byTeam() async throws {
        try await withTestDatabase { store in
            let db = store.database
            let repository = ChildProtectionRepository(db, calendar: calendar)
            let cerys = try await child("Cerys", in: db), dylan = try await child("Dylan", in: db)
            let council = Agency(name: "Newport City Council", welshName: "Cyngor Dinas Casnewydd", kind: .childrensServices, isHubMember: true)
            try await AgencyRepository(db).create(council)
            let account = UserAccount(username: "huw", displayName: "Huw Jenkins", email: "huw@example.invalid", jobTitle: "Team manager",
                agencyID: council.id, roles: [.teamManager])
            try await UserRepository(db).create(account, passwordHash: "x")
            let agency = council.id, manager = account.id
            let east = Team(agencyID: agency, name: "East", welshName: "Dwyrain"), west = Team(agencyID: agency, name: "West", welshName: "Gorllewin")
            let allocations = AllocationRepository(db)
            for team in [east, west] { try await allocations.save(team) }
            // Cerys was East's until 10 May, then West's; Dylan was never allocated.
            try await allocations.save(CaseAllocation(childID: cerys, teamID: east.id, workerUserID: nil, allocatedAt: on(1, 5),
                allocatedByUserID: manager, endedAt: on(5, 10)))
            try await allocations.save(CaseAllocation(childID: cerys, teamID: west.id, workerUserID: nil, allocatedAt: on(5, 10),
                allocatedByUserID: manager))
            try await repository.save(Assessment(childID: cerys, startedAt: on(3, 1), dueAt: on(5, 1), completedAt: on(5, 4)))
            try await repository.save(Assessment(childID: cerys, startedAt: on(4, 1), dueAt: on(6, 1), completedAt: on(5, 20)))
            try await repository.save(Assessment(childID: dylan, startedAt: on(4, 1), dueAt: on(6, 1), completedAt: on(5, 21)))

            let counts = try await PerformanceRepository(store.sql, calendar: calendar)
                .counts(of: .assessmentsOnTime, over: [may], by: .team, now: now)
            let byTeam = Dictionary(uniqueKeysWithValues: counts.map { ($0.group, $0.figure) })
            #expect(byTeam[east.id] == MeasureFigure(events: 1, met: 0, children: 1, childrenMet: 0))
            #expect(byTeam[west.id] == MeasureFigure(events: 1, met: 1, children: 1, childrenMet: 1))
            #expect(byTeam[nil] == MeasureFigure(events: 1, met: 1, children: 1, childrenMet: 1))
        }
    }

    @Test("every measure's statement runs on this engine, by every breakdown it offers, over a year of months")
    func everyStatement() async throws {
        try await withTestDatabase { store in
            let performance = PerformanceRepository(store.sql, calendar: calendar)
            for measure in Measure.all {
                for breakdown in measure.breakdowns {
                    let counts = try await performance.counts(of: measure.id, over: may.series(12), by: breakdown, now: now)
                    #expect(counts.isEmpty, "\(measure.id) by \(breakdown) counted events in an empty partnership")
                }
            }
        }
    }

    @Test("re-referrals: a referral linked late makes the child's later referral a re-referral; one from two years before does not")
    func reReferrals() async throws {
        try await withTestDatabase { store in
            let db = store.database
            let police = Agency(name: "Gwent Police", welshName: "Heddlu Gwent", kind: .police, isHubMember: true)
            try await AgencyRepository(db).create(police)
            let officer = UserAccount(username: "pc", displayName: "PC Hughes", email: "pc@example.invalid", jobTitle: "PC",
                agencyID: police.id, roles: [.referrer])
            try await UserRepository(db).create(officer, passwordHash: "x")
            let cerys = try await child("Cerys", in: db), dylan = try await child("Dylan", in: db)
            let referrals = ReferralRepository(db)
            func referral(_ child: UUID?, _ at: Date) async throws -> Referral {
                let made = Referral(
                    reference: "REF-\(UUID().uuidString.prefix(8))", status: .decided, referrerUserID: officer.id,
                    referrerAgencyID: police.id, childID: child, form: ReferralForm(kind: .policeProtectionNotice),
                    createdAt: at, submittedAt: at, decisionDueAt: at.addingTimeInterval(86_400), decidedAt: at)
                try await referrals.create(made)
                return made
            }
            // Cerys: referred in May; an earlier March referral is linked to her only afterwards.
            _ = try await referral(cerys, on(5, 12))
            var march = try await referral(nil, on(3, 2))
            // Dylan: referred in May, and two years before (not within 12 months).
            _ = try await referral(dylan, on(5, 20))
            _ = try await referral(dylan, on(5, 20).addingTimeInterval(-730 * 86_400))
            let performance = PerformanceRepository(store.sql, calendar: calendar)
            var counts = try await performance.counts(of: .reReferrals, over: [may], now: now)
            #expect(counts.first?.figure == MeasureFigure(events: 2, met: 0, children: 2, childrenMet: 0))

            march.childID = cerys
            try await referrals.save(march)
            counts = try await performance.counts(of: .reReferrals, over: [may], by: .agency, now: now)
            #expect(counts.first?.group == police.id)
            #expect(counts.first?.figure == MeasureFigure(events: 2, met: 1, children: 2, childrenMet: 1))
            // Unlinked again (a wrong match corrected): May's is no longer a re-referral.
            march.childID = nil
            try await referrals.save(march)
            counts = try await performance.counts(of: .reReferrals, over: [may], now: now)
            #expect(counts.first?.figure.met == 0)
        }
    }
}
