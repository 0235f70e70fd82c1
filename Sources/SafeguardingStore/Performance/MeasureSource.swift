import Foundation
import Safeguarding
import SQLKit

/// The events each measure counts, as one SELECT over typed columns for one period:
/// every branch gives the child, when the event happened (for the team the child was
/// allocated to then), whether it met the standard, its value for an average, and the
/// agency it belongs to. ``PerformanceRepository`` lays one branch per period end to end
/// and counts them in a single aggregate.
///
/// An event is counted once it is decided: a decision made or its deadline passed, an
/// answer given or its day gone. One still in time is neither met nor missed yet.
enum MeasureSource {
    struct Bounds {
        var start: Date
        var end: Date
        var startDay: CalendarDay
        var endDay: CalendarDay
        var now: Date
        var today: CalendarDay
    }

    /// The few expressions the two engines write differently.
    struct Dialect {
        var postgres: Bool

        func yearBefore(_ instant: String) -> String {
            postgres ? "(\(instant) - INTERVAL '365 days')" : "(\(instant) - 31536000.0)"
        }

        let noValue = "CAST(NULL AS DOUBLE PRECISION)"
        var noAgency: String { postgres ? "CAST(NULL AS UUID)" : "NULL" }
        var noInstant: String { postgres ? "CAST(NULL AS TIMESTAMPTZ)" : "NULL" }
    }

    /// `column` falls in the period.
    private static func within(_ column: String, _ bounds: Bounds) -> SQLQueryString {
        "\(unsafeRaw: column) >= \(bind: bounds.start) AND \(unsafeRaw: column) < \(bind: bounds.end)"
    }

    /// A meeting or conference counts in the period it was held in or, never held, the
    /// period its deadline fell in once that deadline has passed: one not held is late.
    private static func heldOrOverdue(_ bounds: Bounds) -> SQLQueryString {
        "((\(within("held_at", bounds))) OR (held_at IS NULL AND \(within("due_at", bounds)) AND due_at < \(bind: bounds.now)))"
    }

    private static func share(_ met: String) -> String { "CASE WHEN \(met) THEN 1 ELSE 0 END" }

    static func branch(_ measure: MeasureID, _ bounds: Bounds, _ dialect: Dialect) -> SQLQueryString {
        let noValue = dialect.noValue, noAgency = dialect.noAgency
        switch measure {
        case .decisionsOnTime:
            return """
                SELECT child_id, submitted_at AS at, \(unsafeRaw: share("decided_at IS NOT NULL AND decided_at <= decision_due_at")) AS met,
                \(unsafeRaw: noValue) AS value, referrer_agency_id AS agency_id
                FROM referrals WHERE \(within("submitted_at", bounds))
                AND (decided_at IS NOT NULL OR decision_due_at < \(bind: bounds.now))
                """
        case .reReferrals:
            // A re-referral: the same child was referred in the 365 days before.
            let earlier = "previous_referral_at IS NOT NULL AND previous_referral_at >= \(dialect.yearBefore("submitted_at"))"
            return """
                SELECT child_id, submitted_at AS at, \(unsafeRaw: share(earlier)) AS met, \(unsafeRaw: noValue) AS value,
                referrer_agency_id AS agency_id
                FROM referrals WHERE child_id IS NOT NULL AND \(within("submitted_at", bounds))
                """
        case .referralQuality:
            return """
                SELECT child_id, submitted_at AS at, 1 AS met, CAST(quality_score AS DOUBLE PRECISION) AS value,
                referrer_agency_id AS agency_id
                FROM referrals WHERE quality_score IS NOT NULL AND \(within("submitted_at", bounds))
                """
        case .requestsAnsweredOnTime:
            return """
                SELECT child_id, requested_at AS at, \(unsafeRaw: share("answered_at IS NOT NULL AND answered_at <= due_at")) AS met,
                \(unsafeRaw: noValue) AS value, agency_id
                FROM information_requests WHERE \(within("requested_at", bounds))
                AND (answered_at IS NOT NULL OR due_at < \(bind: bounds.now))
                """
        case .strategyMeetingsOnTime:
            return """
                SELECT child_id, held_at AS at, \(unsafeRaw: share("NOT held_late")) AS met, \(unsafeRaw: noValue) AS value,
                \(unsafeRaw: noAgency) AS agency_id
                FROM strategy_meetings WHERE \(heldOrOverdue(bounds))
                """
        case .strategyMeetingDelay:
            return """
                SELECT child_id, held_at AS at, 1 AS met, CAST(working_days_to_hold AS DOUBLE PRECISION) AS value,
                \(unsafeRaw: noAgency) AS agency_id
                FROM strategy_meetings WHERE working_days_to_hold IS NOT NULL AND \(within("held_at", bounds))
                """
        case .minutesCirculatedOnTime:
            return """
                SELECT child_id, minutes_due_at AS at,
                \(unsafeRaw: share("minutes_circulated_at IS NOT NULL AND minutes_circulated_at <= minutes_due_at")) AS met,
                \(unsafeRaw: noValue) AS value, \(unsafeRaw: noAgency) AS agency_id
                FROM strategy_meetings WHERE \(within("minutes_due_at", bounds))
                AND (minutes_circulated_at IS NOT NULL OR minutes_due_at < \(bind: bounds.now))
                """
        case .initialConferencesOnTime, .reviewConferencesOnTime:
            let kind = measure == .initialConferencesOnTime ? "initial" : "review"
            return """
                SELECT child_id, COALESCE(held_at, due_at) AS at, \(unsafeRaw: share("held_at IS NOT NULL AND held_on_time")) AS met,
                \(unsafeRaw: noValue) AS value, \(unsafeRaw: noAgency) AS agency_id
                FROM child_protection_conferences WHERE conference_kind = \(bind: kind) AND \(heldOrOverdue(bounds))
                """
        case .firstCoreGroupsOnTime:
            // The first core group since the child was last put on the register; one held
            // before the child's first registration counts as a first too.
            let first = """
                NOT EXISTS (SELECT 1 FROM core_group_meetings o WHERE o.child_id = c.child_id
                AND o.held_at < COALESCE(c.held_at, c.due_at)
                AND o.held_at >= COALESCE((SELECT MAX(r.registered_at) FROM child_protection_register r
                    WHERE r.child_id = c.child_id AND r.registered_at <= COALESCE(c.held_at, c.due_at)), o.held_at))
                """
            return """
                SELECT c.child_id, COALESCE(c.held_at, c.due_at) AS at, \(unsafeRaw: share("c.held_at IS NOT NULL AND c.held_on_time")) AS met,
                \(unsafeRaw: noValue) AS value, \(unsafeRaw: noAgency) AS agency_id
                FROM core_group_meetings c WHERE \(heldOrOverdue(bounds)) AND \(unsafeRaw: first)
                """
        case .coreGroupAttendance:
            return """
                SELECT child_id, held_at AS at, \(unsafeRaw: share("attended")) AS met, \(unsafeRaw: noValue) AS value, agency_id
                FROM core_group_attendance WHERE \(within("held_at", bounds))
                """
        case .assessmentsOnTime:
            return """
                SELECT child_id, completed_at AS at, \(unsafeRaw: share("completed_on_time")) AS met, \(unsafeRaw: noValue) AS value,
                \(unsafeRaw: noAgency) AS agency_id
                FROM assessments WHERE \(within("completed_at", bounds))
                """
        case .daysOnRegister:
            // Welsh Government's measure: every child on the register at any time in the
            // period, each for the days from registration to removal or the period's end.
            let end = min(bounds.end, bounds.now)
            let days: SQLQueryString = dialect.postgres
                ? "CAST(EXTRACT(EPOCH FROM (LEAST(COALESCE(deregistered_at, \(bind: end)), \(bind: end)) - registered_at)) AS DOUBLE PRECISION) / 86400.0"
                : "(MIN(COALESCE(deregistered_at, \(bind: end)), \(bind: end)) - registered_at) / 86400.0"
            return """
                SELECT child_id, registered_at AS at, 1 AS met, \(days) AS value, \(unsafeRaw: noAgency) AS agency_id
                FROM child_protection_register WHERE registered_at < \(bind: end)
                AND (deregistered_at IS NULL OR deregistered_at >= \(bind: bounds.start))
                """
        case .reRegistrations:
            let earlier = """
                EXISTS (SELECT 1 FROM child_protection_register p WHERE p.child_id = e.child_id AND p.registered_at < e.registered_at)
                """
            return """
                SELECT e.child_id, e.registered_at AS at, \(unsafeRaw: share(earlier)) AS met, \(unsafeRaw: noValue) AS value,
                \(unsafeRaw: noAgency) AS agency_id
                FROM child_protection_register e WHERE \(within("e.registered_at", bounds))
                """
        case .returnInterviewsOnTime:
            return """
                SELECT child_id, located_at AS at,
                \(unsafeRaw: share("interview_offered_at IS NOT NULL AND interview_offered_at <= interview_due_at")) AS met,
                \(unsafeRaw: noValue) AS value, reporting_agency_id AS agency_id
                FROM missing_episodes WHERE interview_due_at IS NOT NULL AND \(within("located_at", bounds))
                AND (interview_offered_at IS NOT NULL OR interview_due_at < \(bind: bounds.now))
                """
        case .exploitationReviewsOnTime:
            // Reviews fall due on a day; one is on time when the MACE group agreed the
            // child's level again on or before it.
            let reviewed = """
                EXISTS (SELECT 1 FROM exploitation_agreed_levels n WHERE n.child_id = a.child_id
                AND n.agreed_on > a.agreed_on AND n.agreed_on <= a.review_due)
                """
            return """
                SELECT a.child_id, \(unsafeRaw: dialect.noInstant) AS at, \(unsafeRaw: share(reviewed)) AS met,
                \(unsafeRaw: noValue) AS value, \(unsafeRaw: noAgency) AS agency_id
                FROM exploitation_agreed_levels a WHERE a.review_due >= \(bind: bounds.startDay.iso)
                AND a.review_due < \(bind: bounds.endDay.iso) AND a.review_due < \(bind: bounds.today.iso)
                """
        }
    }
}
