import Fluent
import Safeguarding
import SafeguardingStore
import Vapor

/// Each person's home page: what their roles let them do, and for hub managers the
/// alerts that need them now.
struct HomeWebController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "home", requires: .permission(.useAccount), use: home)
    }

    struct HomeContext: Encodable, Sendable {
        struct Task: Encodable, Sendable {
            var href: String
            var titleKey: String
            var descriptionKey: String
        }
        var roleKeys: [String]
        var tasks: [Task]
        var canSearch: Bool
        var alertCount: Int
        /// For the hub: what waits in the queue, so a manager sees the day's load before opening it.
        var counts: [Count] = []
    }

    struct Count: Encodable, Sendable {
        var labelKey: String
        var number: Int
        /// Whether a number above nought needs someone now.
        var isWarning: Bool
    }

    static let tasks: [(String, String, String, Permission)] = [
        ("/hub", "home.task.hub", "home.task.hub.description", .screenReferrals),
        ("/hub/meetings", "home.task.meetings", "home.task.meetings.description", .runHubMeetings),
        ("/requests", "home.task.requests", "home.task.requests.description", .answerInformationRequests),
        ("/early-intervention", "home.task.early", "home.task.early.description", .workEarlyIntervention),
        ("/encompass", "home.task.encompass", "home.task.encompass.description", .acknowledgeEncompass),
        ("/team", "home.task.team", "home.task.team.description", .viewChildProtection),
        ("/referrals/new", "home.task.refer", "home.task.refer.description", .submitReferral),
        ("/children", "home.task.children", "home.task.children.description", .searchChildren),
        // Not in the menu: a hub manager's menu is full on a 1366 px screen in Welsh.
        ("/performance", "home.task.performance", "home.task.performance.description", .viewMeasures),
        ("/alerts", "home.task.alerts", "home.task.alerts.description", .viewAlerts),
        ("/audit", "home.task.audit", "home.task.audit.description", .searchAuditTrail),
        ("/admin/agencies", "home.task.agencies", "home.task.agencies.description", .manageAgencies),
        ("/admin/users", "home.task.users", "home.task.users.description", .manageUsers),
        ("/admin/tokens", "home.task.tokens", "home.task.tokens.description", .manageAPITokens),
    ]

    func home(_ request: Request) async throws -> View {
        let user = try request.requireUser()
        let policy = AccessPolicy()
        let alerts = policy.permits(user.actor, .viewAlerts)
            ? try await AlertRepository(request.db).recent().filter { $0.acknowledgedAt == nil }.count : 0
        var counts: [Count] = []
        if policy.permits(user.actor, .screenReferrals) {
            let queue = try await ReferralRepository(request.db).queueCounts(now: Date())
            counts = [
                Count(labelKey: "home.count.waiting", number: queue.waiting, isWarning: false),
                Count(labelKey: "home.count.overdue", number: queue.overdue, isWarning: queue.overdue > 0),
                Count(labelKey: "home.count.high_priority", number: queue.highPriority, isWarning: queue.highPriority > 0),
            ]
            if policy.permits(user.actor, .signOffDecisions) {
                counts.append(Count(
                    labelKey: "home.count.sign_off", number: queue.awaitingSignOff, isWarning: queue.awaitingSignOff > 0))
            }
        }
        var context = HomeContext(
            roleKeys: policy.effectiveRoles(of: user.actor).sorted().map { "role.\($0.rawValue)" },
            tasks: Self.tasks.filter { policy.permits(user.actor, $0.3) }.map {
                // The hub routes every school's notices; only a school has pupils of its own.
                let hubEncompass = $0.3 == .acknowledgeEncompass && user.agency.kind != .school
                return .init(href: $0.0, titleKey: $0.1, descriptionKey: hubEncompass ? $0.2 + ".hub" : $0.2)
            },
            canSearch: policy.permits(user.actor, .searchChildren), alertCount: alerts)
        context.counts = counts
        return try await request.page("home", titleKey: "home.title", context)
    }
}
