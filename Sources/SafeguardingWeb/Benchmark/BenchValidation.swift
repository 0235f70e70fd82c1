import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
import Vapor

/// `diogelu bench validate --assessments N`: a partnership's years of exploitation
/// assessments (issue 16, item 10: 100,000 in under 10 s) seeded into the configured
/// database, then the whole validation timed as an operator would run it: read, link,
/// the report with 1,000 bootstrap resamples, and the HTML.
enum BenchValidation {
    struct Timing {
        var assessments: Int
        var total: Duration
        var computed: Duration
        var rendered: Duration
        var read: Duration
    }

    static func run(app: Application, assessments wanted: Int, log: (String) -> Void) async throws -> Timing {
        _ = try await DemoPartnership.load(into: app)
        let db = app.db
        let today = CalendarDay(Date(), in: DateWording.london)
        var agencies: [UserAccount] = []
        for username in ["rhian.evans", "sian.pritchard", "mark.thomas", "nia.roberts"] {
            guard let account = try await UserRepository(db).credentials(username: username)?.account else { throw BenchError.usage }
            agencies.append(account)
        }
        let seedStarted = ContinuousClock.now
        try await seed(wanted, assessors: agencies, today: today, on: db, log: log)
        log("seeded \(ValidationFigures.count(wanted)) assessments in \(seconds(ContinuousClock.now - seedStarted)) s")

        let options = try ValidationOptions(today: today)
        let started = ContinuousClock.now
        let run = try await ExploitationValidationRun.make(options, on: db, madeOn: today)
        let computed = ContinuousClock.now
        let html = run.html(app.catalogue), summary = run.summary
        let finished = ContinuousClock.now
        log(summary)
        log("report: \(ValidationFigures.count(html.utf8.count)) bytes of HTML")
        // The read on its own, for where the time goes (not part of the total).
        let readStarted = ContinuousClock.now
        _ = try await ExploitationRepository(db).validationRecords(from: options.from, until: options.until, followUpDays: options.followUpDays)
        return Timing(
            assessments: run.report.cases, total: finished - started, computed: computed - started, rendered: finished - computed,
            read: ContinuousClock.now - readStarted)
    }

    /// Children in batches, each batch's assessments (a lead agency's, for a quarter of
    /// the children a second agency's, for some a reassessment) and outcomes in one
    /// transaction with many rows to a statement.
    static func seed(
        _ wanted: Int, assessors: [UserAccount], today: CalendarDay, on db: any Database, log: (String) -> Void
    ) async throws {
        var partnership = SyntheticPartnership(), cohort = SyntheticExploitationCohort(seed: 100_000)
        let loader = BulkLoader(Store(db))
        var made = 0, childIndex = 0
        while made < wanted {
            var children: [Child] = [], scored: [(assessment: ExploitationAssessment, score: ExploitationScore)] = []
            var outcomes: [ExploitationOutcomeRecord] = []
            while scored.count < 10_000, made + scored.count < wanted {
                let first = today.adding(days: -cohort.days(200...1_090))
                var child = partnership.child(childIndex)
                childIndex += 1
                // Assessed between 11 and 17, whatever the synthetic partnership's spread of ages.
                child.dateOfBirth = first.adding(days: -cohort.days(11 * 365...17 * 365))
                children.append(child)
                let propensity = cohort.propensity()
                let lead = assessors[Int(cohort.random.next() % UInt64(assessors.count))]
                let assessed = cohort.assessment(
                    childID: child.id, dateOfBirth: child.dateOfBirth, agencyID: lead.agencyID, assessorID: lead.id, on: first,
                    propensity: propensity)
                scored.append(assessed)
                if cohort.uniform() < 0.25, made + scored.count < wanted {
                    let other = assessors.filter { $0.agencyID != lead.agencyID }[Int(cohort.random.next() % UInt64(assessors.count - 1))]
                    scored.append(cohort.secondView(
                        of: assessed.assessment, dateOfBirth: child.dateOfBirth, agencyID: other.agencyID, assessorID: other.id,
                        on: first.adding(days: cohort.days(1...30)), propensity: propensity))
                }
                if cohort.uniform() < 0.12, made + scored.count < wanted {
                    scored.append(cohort.assessment(
                        childID: child.id, dateOfBirth: child.dateOfBirth, agencyID: lead.agencyID, assessorID: lead.id,
                        on: min(today, first.adding(days: cohort.days(90...270))), propensity: propensity))
                }
                if let outcome = cohort.outcome(
                    childID: child.id, score: assessed.score.total, assessedOn: first, recordedBy: lead.id, latest: today) {
                    outcomes.append(outcome)
                }
            }
            try await loader.insertChildren(children)
            let (batch, known) = (scored, outcomes)
            try await Store(db).transaction { db in
                try await ExploitationRepository(db).create(batch)
                try await ExploitationRepository(db).record(known)
            }
            made += scored.count
            log("assessments: \(ValidationFigures.count(made))")
        }
        try await loader.settle()
    }

    static func seconds(_ duration: Duration) -> String {
        let (whole, fraction) = duration.components
        return ValidationFigures.decimal(Double(whole) + Double(fraction) / 1e18, places: 2)
    }
}
