import Fluent
import Foundation
import Safeguarding
import SafeguardingStore
@testable import SafeguardingWeb
import Testing
import Vapor
import VaporTesting

/// Every role against every route: what the partnership agreed each role may reach,
/// written out here independently of the policy's own table, so that a change to the
/// policy that is not also a change to this agreement fails.
@Suite("Access by need to know: role × route")
struct AccessMatrixTests {
    static let everyone = Set(Role.allCases)
    static let childReaders: Set<Role> = [
        .hubPractitioner, .hubManager, .safeguardingLead, .auditor, .socialWorker, .teamManager,
    ]
    static let referrers: Set<Role> = [
        .referrer, .hubPractitioner, .hubManager, .safeguardingLead, .socialWorker, .teamManager,
    ]
    /// The child protection team works the process; hub staff and auditors read it.
    static let childProtectionReaders: Set<Role> = [.hubPractitioner, .hubManager, .auditor, .socialWorker, .teamManager]
    static let childProtectionTeam: Set<Role> = [.socialWorker, .teamManager]
    static let hub: Set<Role> = [.hubPractitioner, .hubManager]
    /// Those who answer the hub's requests for their agency, and see Operation Encompass notices.
    static let answerers: Set<Role> = [.hubPractitioner, .hubManager, .safeguardingLead]
    static let earlyIntervention: Set<Role> = [.hubManager, .earlyInterventionWorker]

    /// "METHOD path" → the roles allowed. `nil` marks a public route.
    static let agreement: [String: Set<Role>?] = [
        "GET /": nil,
        "GET /sign-in": nil,
        "POST /sign-in": nil,
        "GET /sign-in/code": nil,
        "POST /sign-in/code": nil,
        "GET /sign-in/set-up": nil,
        "POST /sign-in/set-up": nil,
        "POST /language": everyone,
        "GET /account/two-factor": everyone,
        "POST /account/two-factor/set-up": everyone,
        "GET /account/two-factor/set-up": everyone,
        "POST /account/two-factor/set-up/confirm": everyone,
        "POST /account/two-factor/recovery-codes": everyone,
        "POST /admin/users/:userID/two-factor/reset": [.administrator],
        "GET /api/v1/openapi.json": nil,
        "POST /sign-out": everyone,
        "GET /home": everyone,
        "GET /children": childReaders,
        "GET /children/:childID": childReaders,
        "POST /children/:childID/break-glass": [.hubPractitioner, .hubManager, .safeguardingLead, .socialWorker, .teamManager],
        "POST /children/:childID/restriction": [.hubManager],
        "POST /children/:childID/access-grants": [.hubManager],
        "GET /audit": [.auditor],
        "GET /alerts": [.hubManager],
        "GET /admin/agencies": [.administrator],
        "POST /admin/agencies": [.administrator],
        "GET /admin/agencies/:agencyID": [.administrator],
        "POST /admin/agencies/:agencyID": [.administrator],
        "GET /admin/users": [.administrator],
        "GET /admin/users/new": [.administrator],
        "POST /admin/users": [.administrator],
        "GET /admin/users/:userID": [.administrator],
        "POST /admin/users/:userID": [.administrator],
        "GET /admin/tokens": [.administrator],
        "POST /admin/tokens": [.administrator],
        "POST /admin/tokens/:tokenID/revoke": [.administrator],
        "GET /api/v1/me": everyone,
        "POST /api/v1/me/tokens": everyone,
        "GET /api/v1/audit": [.auditor],
        "GET /api/v1/alerts": [.hubManager],
        "GET /api/v1/children": childReaders,
        "GET /api/v1/children/:childID": childReaders,
        "GET /api/v1/children/:childID/audit": [.hubPractitioner, .hubManager, .auditor, .teamManager],
        "POST /api/v1/children/:childID/break-glass": [
            .hubPractitioner, .hubManager, .safeguardingLead, .socialWorker, .teamManager,
        ],
        "PUT /api/v1/children/:childID/restriction": [.hubManager],
        "POST /api/v1/children/:childID/access-grants": [.hubManager],
        "GET /api/v1/agencies": [.administrator],
        "POST /api/v1/agencies": [.administrator],
        "PUT /api/v1/agencies/:agencyID": [.administrator],
        "GET /api/v1/users": [.administrator],
        "POST /api/v1/users": [.administrator],
        "GET /api/v1/users/:userID": [.administrator],
        "PUT /api/v1/users/:userID": [.administrator],
        "GET /api/v1/tokens": [.administrator],
        "POST /api/v1/tokens": [.administrator],
        "DELETE /api/v1/tokens/:tokenID": [.administrator],
        "POST /api/v1/referrals": referrers,
        "GET /api/v1/referrals/mine": referrers,
        "GET /api/v1/referrals/:referralID": referrers,
        "PUT /api/v1/referrals/:referralID": referrers,
        "POST /api/v1/referrals/:referralID/submit": referrers,
        "POST /api/v1/referrals/:referralID/additions": referrers,
        "POST /api/v1/referrals/:referralID/decision": hub,
        "POST /api/v1/referrals/:referralID/sign-off": [.hubManager],
        "GET /api/v1/hub/queue": hub,
        "GET /referrals/:referralID/requests": hub,
        "POST /referrals/:referralID/requests": hub,
        "GET /requests": answerers,
        "GET /requests/rota": answerers,
        "POST /requests/rota": answerers,
        "GET /requests/:requestID": answerers,
        "POST /requests/:requestID/answer": answerers,
        "GET /hub/meetings": hub,
        "POST /hub/meetings": hub,
        "GET /hub/meetings/:meetingID": hub,
        "POST /hub/meetings/:meetingID/attendance": hub,
        "POST /hub/meetings/:meetingID/items/:referralID/decision": hub,
        "GET /hub/meetings/:meetingID/close": hub,
        "POST /hub/meetings/:meetingID/close": hub,
        "GET /hub/meetings/:meetingID/minutes": hub,
        "GET /early-intervention": earlyIntervention,
        "GET /early-intervention/:caseID": earlyIntervention,
        "POST /early-intervention/:caseID/:step": earlyIntervention,
        "GET /encompass": hub,  // a school's lead reaches them; the test partnership's lead is at the health board
        "POST /encompass/:notificationID/seen": hub,  // a school's lead reaches them; the test partnership's lead is at the health board
        "POST /encompass/:notificationID/school": hub,
        "GET /api/v1/referrals/:referralID/requests": hub,
        "POST /api/v1/referrals/:referralID/requests": hub,
        "GET /api/v1/requests": answerers,
        "POST /api/v1/requests/:requestID/answer": answerers,
        "GET /api/v1/early-intervention": earlyIntervention,
        "GET /api/v1/measures/information-requests": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/measures/hub-meetings": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/measures/early-intervention": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/measures/operation-encompass": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/hub/meetings": hub,
        "POST /api/v1/hub/meetings": hub,
        "GET /api/v1/hub/meetings/:meetingID": hub,
        "PUT /api/v1/hub/meetings/:meetingID/attendance": hub,
        "POST /api/v1/hub/meetings/:meetingID/close": hub,
        "POST /api/v1/early-intervention/:caseID/:step": earlyIntervention,
        "GET /api/v1/encompass": hub,  // a school's lead reaches them; the test partnership's lead is at the health board
        "POST /api/v1/encompass/:notificationID/seen": hub,  // a school's lead reaches them; the test partnership's lead is at the health board
        "GET /referrals/new": referrers,
        "POST /referrals": referrers,
        "GET /referrals/mine": referrers,
        "GET /referrals/:referralID": referrers,
        "GET /referrals/:referralID/section/:section": referrers,
        "POST /referrals/:referralID/section/:section": referrers,
        "GET /referrals/:referralID/check": referrers,
        "POST /referrals/:referralID/submit": referrers,
        "POST /referrals/:referralID/additions": referrers,
        "GET /referrals/:referralID/decision": hub,
        "POST /referrals/:referralID/decision": hub,
        "GET /referrals/:referralID/sign-off": [.hubManager],
        "POST /referrals/:referralID/sign-off": [.hubManager],
        "GET /hub": hub,
        "GET /api/v1/measures/referral-quality": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/referrals/:referralID/candidates": hub,
        "POST /api/v1/referrals/:referralID/link": hub,
        "POST /referrals/:referralID/link": hub,
        "POST /children/:childID/merges": [.hubManager],
        "POST /children/:childID/unmerge": [.hubManager],
        "POST /api/v1/children/:childID/merges": [.hubManager],
        "POST /api/v1/children/:childID/unmerge": [.hubManager],
        "GET /team": childProtectionReaders,
        "GET /children/:childID/child-protection": childProtectionReaders,
        "GET /children/:childID/child-protection/:step": childProtectionReaders,
        "GET /api/v1/children/:childID/child-protection": childProtectionReaders,
        "GET /api/v1/team/queue": childProtectionReaders,
        "GET /api/v1/measures/child-protection": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/measures/missing": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/performance": [.hubManager, .auditor, .teamManager],
        "GET /api/v1/performance/:measure": [.hubManager, .auditor, .teamManager],
        "GET /performance": [.hubManager, .auditor, .teamManager],
        "GET /performance/export.csv": [.hubManager, .auditor, .teamManager],
        "GET /performance/:measure": [.hubManager, .auditor, .teamManager],
    ].merging(childProtectionSteps) { agreed, _ in agreed }.merging(missingAndFlags) { agreed, _ in agreed }
        .merging(networkAndCare) { agreed, _ in agreed }

    /// Any agency that knows the child may report them missing; the hub and the child
    /// protection team record the return, the interview and the profile, and raise flags.
    static let missingReporters: Set<Role> = [.hubPractitioner, .hubManager, .safeguardingLead, .socialWorker, .teamManager]
    static let missingWorkers: Set<Role> = [.hubPractitioner, .hubManager, .socialWorker, .teamManager]

    /// A child's missing episodes and warnings, on the pages and the API alike.
    static let missingAndFlags: [String: Set<Role>?] = {
        var agreed: [String: Set<Role>?] = [:]
        for prefix in ["/children/:childID", "/api/v1/children/:childID"] {
            agreed["GET \(prefix)/missing"] = childReaders
            agreed["POST \(prefix)/missing"] = missingReporters
            agreed["POST \(prefix)/missing/:episodeID/located"] = missingWorkers
            agreed["POST \(prefix)/missing/:episodeID/return-interview"] = missingWorkers
            agreed["POST \(prefix)/missing-profile"] = missingWorkers
            agreed["GET \(prefix)/flags"] = childReaders
            agreed["POST \(prefix)/flags"] = missingWorkers
            agreed["POST \(prefix)/flags/:flagID/end"] = missingWorkers
            agreed["GET \(prefix)/exploitation"] = childReaders
            agreed["GET \(prefix)/log"] = childReaders
            agreed["POST \(prefix)/exploitation"] = missingReporters
            agreed["POST \(prefix)/exploitation/outcomes"] = maceRunners
        }
        for path in ["GET /mace", "POST /mace", "GET /mace/:meetingID", "POST /mace/:meetingID/attendance",
            "POST /mace/:meetingID/children/:childID/decision", "POST /mace/:meetingID/close", "GET /mace/:meetingID/minutes",
            "GET /api/v1/mace", "POST /api/v1/mace", "GET /api/v1/mace/:meetingID", "PUT /api/v1/mace/:meetingID/attendance",
            "POST /api/v1/mace/:meetingID/children/:childID/decision", "POST /api/v1/mace/:meetingID/close",
            "POST /mace/:meetingID/contexts", "POST /mace/:meetingID/contexts/:nodeID/decision",
            "POST /api/v1/mace/:meetingID/contexts", "POST /api/v1/mace/:meetingID/contexts/:nodeID/decision"]
        {
            agreed[path] = maceRunners
        }
        return agreed
    }()

    /// The hub and the child protection team's manager run MACE meetings and record outcomes.
    static let maceRunners: Set<Role> = [.hubPractitioner, .hubManager, .teamManager]

    /// Hub staff, the child protection team and auditors read the networks of places and
    /// groups; hub staff and the team record them; the team and hub managers record care.
    static let networkReaders: Set<Role> = [.hubPractitioner, .hubManager, .auditor, .socialWorker, .teamManager]
    static let networkWorkers: Set<Role> = [.hubPractitioner, .hubManager, .socialWorker, .teamManager]
    static let careWorkers: Set<Role> = [.hubManager, .socialWorker, .teamManager]

    /// A child's network and care, places, groups and adults (F20), on the pages and the API alike.
    static let networkAndCare: [String: Set<Role>?] = {
        var agreed: [String: Set<Role>?] = [:]
        for prefix in ["", "/api/v1"] {
            let child = "\(prefix)/children/:childID"
            agreed["GET \(prefix)/network"] = networkReaders
            for path in ["places", "groups", "adults"] { agreed["POST \(prefix)/\(path)"] = networkWorkers }
            for node in ["places/:placeID", "groups/:groupID"] {
                agreed["GET \(prefix)/\(node)"] = networkReaders
                agreed["POST \(prefix)/\(node)/links"] = networkWorkers
            }
            agreed["POST \(prefix)/places/:placeID/safety-checks"] = networkWorkers
            agreed["GET \(child)/network"] = childReaders
            agreed["POST \(child)/network/links"] = networkWorkers
            agreed["POST \(child)/network/links/:linkID/end"] = networkWorkers
            agreed["GET \(child)/care"] = childReaders
            agreed["POST \(child)/care/periods"] = careWorkers
            agreed["POST \(child)/care/periods/:periodID/end"] = careWorkers
            agreed["POST \(child)/care/placements"] = careWorkers
            agreed["POST \(child)/care/placements/:placementID/end"] = careWorkers
            // Team and hub managers allocate; whoever opens the record reads who holds it.
            agreed["GET \(child)/allocation"] = childReaders
            agreed["\(prefix.isEmpty ? "POST" : "PUT") \(child)/allocation"] = [.hubManager, .teamManager]
        }
        agreed["GET /team/caseloads"] = childProtectionReaders
        agreed["GET /api/v1/teams"] = childProtectionReaders
        return agreed
    }()

    /// Every step of the child protection process, on the pages and the API: the team
    /// records them, and only the team manager records oversight and reviews agreements.
    static let childProtectionSteps: [String: Set<Role>?] = {
        let steps: [(String, Set<Role>)] = [
            ("strategy-discussions", childProtectionTeam),
            ("strategy-discussions/:recordID", childProtectionTeam),
            ("strategy-meetings/:recordID", childProtectionTeam),
            ("strategy-meetings/:recordID/minutes", childProtectionTeam),
            ("strategy-discussions/:recordID/enquiry", childProtectionTeam),
            ("enquiries/:recordID/oversight", [.teamManager]),
            ("enquiries/:recordID/outcome", childProtectionTeam),
            ("conferences/:recordID", childProtectionTeam),
            ("conferences/:recordID/sent", childProtectionTeam),
            ("core-groups/:recordID", childProtectionTeam),
            ("register/visits", childProtectionTeam),
            ("assessments", childProtectionTeam),
            ("assessments/:recordID", childProtectionTeam),
            ("plan", childProtectionTeam),
            ("plan/outcomes", childProtectionTeam),
            ("plan/outcomes/:recordID/scores", childProtectionTeam),
            ("plan/actions", childProtectionTeam),
            ("plan/review", childProtectionTeam),
            ("actions/:recordID/done", childProtectionTeam),
            ("plan/written-agreement", childProtectionTeam),
            ("plan/written-agreement/review", [.teamManager]),
        ]
        var agreed: [String: Set<Role>?] = [:]
        for (path, roles) in steps {
            agreed["POST /children/:childID/\(path)"] = roles
            agreed["POST /api/v1/children/:childID/\(path)"] = roles
        }
        return agreed
    }()

    static func key(_ route: Route) -> String {
        "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
    }

    @Test("every route is registered with what it requires, and is in the agreement")
    func everyRouteIsGuarded() async throws {
        try await withTestApp { app, _ in
            let routes = app.routes.all
            for route in routes {
                let access = route.userInfo[RouteAccess.userInfoKey] as? RouteAccess
                #expect(access != nil, "\(Self.key(route)) was registered without going through the access policy")
                #expect(Self.agreement.keys.contains(Self.key(route)), "\(Self.key(route)) is missing from the agreement")
                if case .permission? = access {
                    #expect(Self.agreement[Self.key(route)] != .some(nil), "\(Self.key(route)) is public in the agreement")
                } else {
                    #expect(Self.agreement[Self.key(route)] == .some(nil), "\(Self.key(route)) should require a permission")
                }
            }
            #expect(Set(routes.map(Self.key)) == Set(Self.agreement.keys))
        }
    }

    @Test("each role reaches exactly the routes agreed for it, and is refused the rest")
    func roleByRoute() async throws {
        try await withTestApp { app, partnership in
            let token = try await Credentials.apiToken(for: partnership.account(.referrer), on: app)
            let issued = try await APITokenRepositoryProbe.anyTokenID(on: app)
            _ = token
            let values = [
                ":childID": partnership.knownToHealth.id.uuidString,
                ":agencyID": partnership.school.id.uuidString,
                ":userID": partnership.account(.referrer).id.uuidString,
                ":tokenID": issued.uuidString,
                ":referralID": UUID().uuidString,
                ":section": "child",
                ":recordID": UUID().uuidString,
                ":step": ChildProtectionStepPage.strategyDiscussion.rawValue,
            ]
            var checked = 0
            for route in app.routes.all {
                guard case .some(.some(let allowed)) = Self.agreement[Self.key(route)] else { continue }
                let path = "/" + route.path.map { values[$0.description] ?? $0.description }.joined(separator: "/")
                let isAPI = path.hasPrefix("/api/")
                for role in Role.allCases {
                    let user = partnership.account(role)
                    let credentials = isAPI
                        ? try await Credentials.apiToken(for: user, on: app)
                        : try await Credentials.session(for: user, on: app)
                    let response = try await app.send(
                        route.method, path, as: credentials,
                        form: !isAPI && route.method != .GET ? [] : nil,
                        json: isAPI && route.method != .GET ? "{}" : nil)
                    let label = "\(role.rawValue) → \(Self.key(route)) answered \(response.status.code)"
                    if allowed.contains(role) {
                        let status = response.status.code
                        let reached = status != 403 && status != 401 && status < 500
                        #expect(reached, "\(label)")
                    } else {
                        #expect(response.status == .forbidden, "\(label)")
                        if isAPI {
                            #expect(response.isProblem, "\(label) without a problem document")
                            #expect(response.json["status"] as? Int == 403)
                        } else {
                            #expect(response.text.contains("<h1>You do not have access to this</h1>"), "\(label)")
                        }
                    }
                    checked += 1
                }
            }
            #expect(checked == (Self.agreement.values.compactMap { $0 }.count) * Role.allCases.count)
        }
    }

    @Test("without signing in, pages send you to sign in and the API answers 401")
    func anonymousIsTurnedAway() async throws {
        try await withTestApp { app, partnership in
            for route in app.routes.all {
                guard case .some(.some) = Self.agreement[Self.key(route)] else { continue }
                let path = "/" + route.path.map {
                    $0.description.hasPrefix(":") ? partnership.knownToHealth.id.uuidString : $0.description
                }.joined(separator: "/")
                let response = try await app.send(route.method, path, json: path.hasPrefix("/api/") && route.method != .GET ? "{}" : nil)
                if path.hasPrefix("/api/") {
                    #expect(response.status == .unauthorized, "\(Self.key(route))")
                    #expect(response.isProblem)
                } else if route.method == .GET {
                    #expect(response.status == .seeOther, "\(Self.key(route))")
                    #expect(response.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
                } else {
                    // A form post with no session and no sign-in token is refused before anything else.
                    #expect(response.status == .forbidden, "\(Self.key(route))")
                }
            }
        }
    }
}

/// An issued token to use as the `:tokenID` of admin routes.
enum APITokenRepositoryProbe {
    static func anyTokenID(on app: Application) async throws -> UUID {
        try await APITokenRepository(app.db).all().first!.id
    }
}
