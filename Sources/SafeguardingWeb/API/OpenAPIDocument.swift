import Foundation
import Safeguarding
import SafeguardingStore

/// The OpenAPI 3.1 description of `/api/v1`, built from one table of operations so that
/// a test can hold it against the router: a route missing here, or an operation here
/// with no route, fails the build's tests.
enum OpenAPIDocument {
    struct Operation {
        var method: String
        var path: String
        var summary: String
        var permission: Permission?
        var query: [(String, [String: Any])] = []
        /// Query parameters that must be sent.
        var requiredQuery: Set<String> = []
        var body: String? = nil
        var response: String?
        var status: Int = 200
        /// Other successful answers, with what each means.
        var alsoAnswers: [(Int, String)] = []
        /// A path parameter that is not a record's identifier, with its own schema.
        var pathParameters: [String: [String: Any]] = [:]
    }

    static var operations: [Operation] { [
        .init(method: "get", path: "/api/v1/openapi.json", summary: "This document", permission: nil, response: nil),
        .init(method: "get", path: "/api/v1/me", summary: "The signed-in account, its agency and permissions",
            permission: .useAccount, response: "Me"),
        .init(method: "get", path: "/api/v1/children", summary: "Find children by name, identifier or date of birth",
            permission: .searchChildren,
            query: [("q", string(maxLength: 100)), ("dob", ["type": "string", "format": "date"])], requiredQuery: ["q"],
            response: "ChildSearch"),
        .init(method: "get", path: "/api/v1/children/{childID}", summary: "A child's record (audited)",
            permission: .viewChildRecord, response: "Child"),
        .init(method: "get", path: "/api/v1/children/{childID}/audit", summary: "Who has read or changed this record",
            permission: .viewChildAudit, response: "AuditList"),
        .init(method: "post", path: "/api/v1/children/{childID}/break-glass",
            summary: "Open a restricted record in an emergency, with a reason (alerted to hub managers)",
            permission: .breakGlass, body: "BreakGlass", response: "Child"),
        .init(method: "put", path: "/api/v1/children/{childID}/restriction", summary: "Restrict or lift the restriction",
            permission: .restrictRecords, body: "Restriction", response: nil, status: 204),
        .init(method: "post", path: "/api/v1/children/{childID}/access-grants",
            summary: "Name a person allowed to read a restricted record", permission: .restrictRecords,
            body: "AccessGrant", response: nil, status: 201),
        .init(method: "post", path: "/api/v1/children/{childID}/merges",
            summary: "Merge a duplicate record into this one (conflicting identifiers must be confirmed)",
            permission: .mergeRecords, body: "Merge", response: nil, status: 201),
        .init(method: "post", path: "/api/v1/children/{childID}/unmerge", summary: "Undo a merge into this record",
            permission: .mergeRecords, body: "Unmerge", response: nil, status: 204),
        .init(method: "get", path: "/api/v1/audit", summary: "Search the audit trail", permission: .searchAuditTrail,
            query: [
                ("child", ["type": "string", "format": "uuid"]), ("user", ["type": "string", "format": "uuid"]),
                ("action", ["type": "string", "enum": AuditAction.allCases.map(\.rawValue)]),
                ("from", ["type": "string", "format": "date"]), ("until", ["type": "string", "format": "date"]),
                ("limit", ["type": "integer", "minimum": 1, "maximum": 5000]),
            ], response: "AuditList"),
        .init(method: "get", path: "/api/v1/alerts", summary: "Alerts for hub managers", permission: .viewAlerts,
            response: "AlertList"),
        .init(method: "get", path: "/api/v1/agencies", summary: "The partnership's agencies",
            permission: .manageAgencies, response: "AgencyList"),
        .init(method: "post", path: "/api/v1/agencies", summary: "Add an agency", permission: .manageAgencies,
            body: "AgencyInput", response: "Agency", status: 201),
        .init(method: "put", path: "/api/v1/agencies/{agencyID}", summary: "Change an agency",
            permission: .manageAgencies, body: "AgencyInput", response: "Agency"),
        .init(method: "get", path: "/api/v1/users", summary: "Accounts", permission: .manageUsers, response: "UserList"),
        .init(method: "post", path: "/api/v1/users", summary: "Create an account", permission: .manageUsers,
            body: "NewUser", response: "User", status: 201),
        .init(method: "get", path: "/api/v1/users/{userID}", summary: "One account", permission: .manageUsers,
            response: "User"),
        .init(method: "put", path: "/api/v1/users/{userID}", summary: "Change an account's details, roles or password",
            permission: .manageUsers, body: "UserChange", response: "User"),
        .init(method: "get", path: "/api/v1/tokens", summary: "Issued API tokens (never the tokens themselves)",
            permission: .manageAPITokens, response: "TokenList"),
        .init(method: "post", path: "/api/v1/tokens",
            summary: "Issue a bearer token for an integration account (shown once); a person issues their own",
            permission: .manageAPITokens, body: "NewToken", response: "Token", status: 201),
        .init(method: "post", path: "/api/v1/me/tokens", summary: "Issue a bearer token of your own (shown once)",
            permission: .useAccount, body: "OwnToken", response: "Token", status: 201),
        .init(method: "delete", path: "/api/v1/tokens/{tokenID}", summary: "Revoke a token",
            permission: .manageAPITokens, response: nil, status: 204),
        .init(method: "post", path: "/api/v1/referrals",
            summary: "Start a referral (MARF, or PPN for police), optionally filled and submitted at once",
            permission: .submitReferral, body: "ReferralCreate", response: "Referral", status: 201),
        .init(method: "get", path: "/api/v1/referrals/mine", summary: "The signed-in referrer's referrals and their outcomes",
            permission: .submitReferral, query: [("limit", ["type": "integer", "minimum": 1, "maximum": 1000])],
            response: "ReferralList"),
        .init(method: "get", path: "/api/v1/referrals/{referralID}",
            summary: "A referral: its referrer sees the form and outcome; hub staff also history and decisions (audited)",
            permission: .submitReferral, response: "Referral"),
        .init(method: "put", path: "/api/v1/referrals/{referralID}",
            summary: "Change a draft: the fields sent replace the draft's, the others stay", permission: .submitReferral,
            body: "ReferralUpdate", response: "Referral"),
        .init(method: "post", path: "/api/v1/referrals/{referralID}/submit",
            summary: "Submit a draft to the hub; answers 422 naming what must be put right", permission: .submitReferral,
            response: "Referral"),
        .init(method: "post", path: "/api/v1/referrals/{referralID}/additions",
            summary: "Add to a submitted referral (it is never edited in place)", permission: .submitReferral,
            body: "Addition", response: nil, status: 201),
        .init(method: "post", path: "/api/v1/referrals/{referralID}/decision", summary: "Record the hub's decision",
            permission: .decideReferrals, body: "Decision", response: "DecisionResult"),
        .init(method: "post", path: "/api/v1/referrals/{referralID}/sign-off",
            summary: "A hub manager signs off, or returns, a decision that needed them", permission: .signOffDecisions,
            body: "SignOff", response: "DecisionResult"),
        .init(method: "get", path: "/api/v1/referrals/{referralID}/candidates",
            summary: "Records that may be the referred child, best first, with the probability and the reasons",
            permission: .screenReferrals, response: "Candidates"),
        .init(method: "post", path: "/api/v1/referrals/{referralID}/link",
            summary: "Link the referral to a child's record, or create the record from the referral",
            permission: .screenReferrals, body: "Link", response: nil, status: 204,
            alsoAnswers: [(201, "A record was made from the referral, and the referral linked to it")]),
        .init(method: "get", path: "/api/v1/measures/referral-quality",
            summary: "Referral quality by referring agency over a period (until is exclusive; default the last 30 days)",
            permission: .viewMeasures, query: period,
            response: "ReferralQualityMeasure"),
        .init(method: "get", path: "/api/v1/hub/queue", summary: "Referrals awaiting a decision, most urgent first",
            permission: .screenReferrals, query: [("limit", ["type": "integer", "minimum": 1, "maximum": 5000])],
            response: "Queue"),
    ] + PartnershipAPIController.operations + ChildProtectionAPIController.operations + MissingAPIController.operations
        + ExploitationAPIController.operations + NetworkAPIController.operations + CareAPIController.operations
        + AllocationAPIController.operations + PerformanceAPIController.operations }

    /// A JSON schema for the shape of a value, read from an example of it.
    static func schema(of value: JSONValue) -> [String: Any] {
        switch value {
        case .string: return ["type": "string"]
        case .number: return ["type": "number"]
        case .bool: return ["type": "boolean"]
        case .null: return ["type": "null"]
        case .array(let items): return ["type": "array", "items": items.first.map(schema(of:)) ?? [:]]
        case .object(let fields):
            return ["type": "object", "additionalProperties": false, "properties": fields.mapValues(schema(of:))]
        }
    }

    static func string(maxLength: Int) -> [String: Any] { ["type": "string", "maxLength": maxLength] }
    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func list(_ name: String) -> [String: Any] {
        ["type": "object", "required": ["items"], "properties": ["items": ["type": "array", "items": ref(name)]]]
    }
    static var uuid: [String: Any] { ["type": "string", "format": "uuid"] }
    /// The `from`/`until` query of every measure (until exclusive; the last 30 days by default).
    static var period: [(String, [String: Any])] {
        [("from", ["type": "string", "format": "date"]), ("until", ["type": "string", "format": "date"])]
    }
    static var date: [String: Any] { ["type": "string", "format": "date"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static func enumeration<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> [String: Any] where T.RawValue == String {
        ["type": "string", "enum": T.allCases.map(\.rawValue)]
    }
    static func object(_ properties: [String: [String: Any]], required: [String]) -> [String: Any] {
        ["type": "object", "additionalProperties": false, "required": required, "properties": properties]
    }
    static func nullable(_ schema: [String: Any]) -> [String: Any] { ["oneOf": [schema, ["type": "null"]]] }

    static var schemas: [String: Any] {
        let agency = object(
            ["id": uuid, "name": string(maxLength: 120), "welsh_name": string(maxLength: 120),
             "kind": enumeration(AgencyKind.self), "is_hub_member": ["type": "boolean"]],
            required: ["id", "name", "welsh_name", "kind", "is_hub_member"])
        let user = object(
            ["id": uuid, "username": string(maxLength: 60), "display_name": string(maxLength: 120),
             "email": string(maxLength: 200), "job_title": string(maxLength: 120), "agency_id": uuid,
             "roles": ["type": "array", "items": enumeration(Role.self)], "language": enumeration(Language.self),
             "is_active": ["type": "boolean"]],
            required: ["id", "username", "display_name", "email", "job_title", "agency_id", "roles", "language", "is_active"])
        let userFields: [String: [String: Any]] = [
            "display_name": string(maxLength: 120),
            "email": ["type": "string", "maxLength": 200, "pattern": #"^[^@\s\u0000-\u001F\u007F-\u009F]+@[^@\s\u0000-\u001F\u007F-\u009F]+\.[^@\s\u0000-\u001F\u007F-\u009F]+$"#],
            "job_title": string(maxLength: 120),
            "agency_id": uuid, "roles": ["type": "array", "items": enumeration(Role.self), "minItems": 1],
            "language": enumeration(Language.self), "is_active": ["type": "boolean"],
            "password": ["type": "string", "minLength": 12, "maxLength": 200],
        ]
        var newUserFields = userFields
        newUserFields["username"] = ["type": "string", "pattern": "^[a-zA-Z0-9._-]{3,60}$"]
        let auditEntry = object(
            ["sequence": ["type": "integer"], "occurred_at": dateTime, "actor_user_id": nullable(uuid),
             "actor_name": ["type": "string"], "agency_id": nullable(uuid),
             "roles": ["type": "array", "items": enumeration(Role.self)], "action": enumeration(AuditAction.self),
             "child_id": nullable(uuid), "subject_id": nullable(uuid), "reason": ["type": "string"],
             "detail": ["type": "string"], "hash": ["type": "string"]],
            required: ["sequence", "occurred_at", "actor_name", "roles", "action", "reason", "detail", "hash"])
        let token = object(
            ["id": uuid, "user_id": uuid, "label": ["type": "string"], "issued_at": dateTime,
             "expires_at": nullable(dateTime), "revoked_at": nullable(dateTime), "token": ["type": "string"]],
            required: ["id", "user_id", "label", "issued_at"])
        let childFlag = object(
            ["kind": enumeration(FlagKind.self), "exploitation_level": enumeration(ExploitationRiskLevel.self),
             "adult_named": ["type": "string"], "since": date, "until": date, "raised_flag_id": uuid],
            required: ["kind", "adult_named"])
        let child = object(
            ["id": uuid, "given_name": ["type": "string"], "middle_names": ["type": "string"],
             "surname": ["type": "string"], "known_as": ["type": "string"], "date_of_birth": nullable(date),
             "sex": enumeration(Sex.self), "nhs_number": nullable(["type": "string"]),
             "upn": nullable(["type": "string"]), "police_reference": nullable(["type": "string"]),
             "social_care_id": nullable(["type": "string"]), "address": ["type": "string"],
             "postcode": ["type": "string"], "preferred_language": enumeration(Language.self),
             "ethnicity": ["type": "string"], "school": ["type": "string"], "restricted": ["type": "boolean"],
             "access_basis": enumeration(AccessBasis.self),
             "flags": ["type": "array", "items": childFlag],
             "family": ["type": "array", "items": object(
                ["id": uuid, "name": ["type": "string"], "relationship": enumeration(Relationship.self),
                 "date_of_birth": nullable(date), "holds_parental_responsibility": ["type": "boolean"],
                 "lives_with_child": ["type": "boolean"], "child_id": nullable(uuid)],
                required: ["id", "name", "relationship", "holds_parental_responsibility", "lives_with_child"])],
             "agencies": ["type": "array", "items": object(
                ["agency_id": uuid, "involvement": enumeration(InvolvementKind.self),
                 "named_worker": ["type": "string"], "since": nullable(date), "until": nullable(date)],
                required: ["agency_id", "involvement", "named_worker"])]],
            required: ["id", "flags", "given_name", "surname", "sex", "restricted", "access_basis", "family", "agencies"])
        return [
            "Problem": [
                "type": "object", "required": ["type", "title", "status"],
                "properties": [
                    "type": ["type": "string"], "title": ["type": "string"], "status": ["type": "integer"],
                    "detail": ["type": "string"],
                    "errors": ["type": "array", "items": object(
                        ["field": ["type": "string"], "code": ["type": "string"], "message": ["type": "string"]],
                        required: ["field", "code", "message"])],
                ],
            ] as [String: Any],
            "Agency": agency, "AgencyList": list("Agency"),
            "AgencyInput": object(
                ["name": string(maxLength: 120), "welsh_name": string(maxLength: 120),
                 "kind": enumeration(AgencyKind.self), "is_hub_member": ["type": "boolean"]],
                required: ["name", "welsh_name", "kind"]),
            "User": user, "UserList": list("User"),
            "NewUser": object(newUserFields,
                required: ["username", "display_name", "email", "job_title", "agency_id", "roles", "password"]),
            "UserChange": object(userFields, required: ["display_name", "email", "job_title", "agency_id", "roles"]),
            "Me": object(
                ["user": ref("User"), "agency": ref("Agency"),
                 "effective_roles": ["type": "array", "items": enumeration(Role.self)],
                 "permissions": ["type": "array", "items": enumeration(Permission.self)],
                 "unacknowledged_alerts": ["type": "integer"]],
                required: ["user", "agency", "effective_roles", "permissions"]),
            "ChildSearch": object(
                ["results": ["type": "array", "items": object(
                    ["id": uuid, "restricted": ["type": "boolean"], "name": ["type": "string"],
                     "date_of_birth": date, "postcode": ["type": "string"]], required: ["id", "restricted"])],
                 "restricted_may_match": ["type": "boolean"]],
                required: ["results", "restricted_may_match"]),
            "Child": child,
            "AuditEntry": auditEntry,
            "AuditList": object(["entries": ["type": "array", "items": ref("AuditEntry")]], required: ["entries"]),
            "Alert": object(
                ["id": uuid, "kind": ["type": "string", "enum": ["break_glass"]], "child_id": nullable(uuid),
                 "raised_by": uuid, "reason": ["type": "string"], "raised_at": dateTime,
                 "acknowledged_at": nullable(dateTime)], required: ["id", "kind", "raised_by", "reason", "raised_at"]),
            "AlertList": list("Alert"),
            "BreakGlass": object(["reason": ["type": "string", "minLength": 10, "maxLength": 1000]], required: ["reason"]),
            "Restriction": object(
                ["restricted": ["type": "boolean"], "reason": ["type": "string", "maxLength": 1000]],
                required: ["restricted", "reason"]),
            "AccessGrant": object(
                ["user_id": uuid, "reason": ["type": "string", "minLength": 1, "maxLength": 1000]], required: ["user_id", "reason"]),
            "Merge": object(
                ["merged_child_id": uuid, "reason": ["type": "string", "maxLength": 1000],
                 "confirm_conflicts": ["type": "boolean"]], required: ["merged_child_id", "reason"]),
            "Unmerge": object(
                ["merged_child_id": uuid, "reason": ["type": "string", "maxLength": 1000]],
                required: ["merged_child_id", "reason"]),
            "Token": token, "TokenList": list("Token"),
            "OwnToken": object(
                ["label": ["type": "string", "minLength": 1, "maxLength": 120],
                 "valid_for_days": ["type": "integer", "minimum": 1, "maximum": 366]], required: ["label"]),
            "ReferralForm": referralFormSchema,
            "ReferralCreate": object(
                ["kind": enumeration(ReferralKind.self), "form": ref("ReferralForm"), "submit": ["type": "boolean"]],
                required: ["kind"]),
            "ReferralUpdate": object(["form": ref("ReferralForm")], required: ["form"]),
            "Referral": [
                "type": "object",
                "required": ["id", "kind", "status", "form", "quality", "problems", "created_at", "additions"],
                "properties": [
                    "id": uuid, "reference": ["type": "string"], "kind": enumeration(ReferralKind.self),
                    "status": enumeration(ReferralStatus.self), "child_id": uuid, "form": ref("ReferralForm"),
                    "quality": object(
                        ["score": ["type": "integer"], "improvements": ["type": "array", "items": ["type": "string"]],
                         "unmet_mandatory": ["type": "array", "items": ["type": "string"]]],
                        required: ["score", "improvements", "unmet_mandatory"]),
                    "problems": ["type": "array", "items": object(
                        ["field": ["type": "string"], "code": ["type": "string"], "message": ["type": "string"]],
                        required: ["field", "code", "message"])],
                    "created_at": dateTime, "submitted_at": dateTime, "decision_due_at": dateTime,
                    "decided_at": dateTime, "feedback": enumeration(ReferrerFeedbackCategory.self),
                    "outcome": enumeration(DecisionOutcome.self),
                    "earlier_referrals": ["type": "array", "items": ["type": "object"]],
                    "decisions": ["type": "array", "items": ["type": "object"]],
                    "additions": ["type": "array", "items": ["type": "object"]],
                ] as [String: Any],
            ] as [String: Any],
            "ReferralList": list("Referral"),
            "Candidates": object(
                ["items": ["type": "array", "items": object(
                    ["child_id": uuid, "name": ["type": "string"], "date_of_birth": date, "postcode": ["type": "string"],
                     "restricted": ["type": "boolean"], "probability": ["type": "number"],
                     "reasons": ["type": "array", "items": ["type": "string"]]],
                    required: ["child_id", "restricted", "probability", "reasons"])],
                 "restricted_may_match": ["type": "boolean"]],
                required: ["items", "restricted_may_match"]),
            "Link": object(["child_id": uuid, "create": ["type": "boolean"]], required: [])
                // A record to link to, or one to make: the reader asks for one of the two.
                .merging(["anyOf": [["required": ["child_id"], "properties": ["child_id": uuid]],
                                    ["required": ["create"], "properties": ["create": ["const": true]]]]]) { a, _ in a },
            "ReferralQualityMeasure": object(
                ["from": date, "until": date, "items": ["type": "array", "items": object(
                    ["agency_id": uuid, "agency_name": ["type": "string"], "referrals": ["type": "integer"],
                     "average_score": ["type": "number"], "below60": ["type": "integer"]],
                    required: ["agency_id", "agency_name", "referrals", "average_score", "below60"])]],
                required: ["from", "until", "items"]),
            "Addition": object(["text": ["type": "string", "maxLength": 10000]], required: ["text"]),
            "Decision": object(
                ["outcome": enumeration(DecisionOutcome.self), "reasons": ["type": "string", "maxLength": 10000],
                 "agencies_disagree": ["type": "boolean"]], required: ["outcome", "reasons"]),
            "SignOff": object(
                ["agreed": ["type": "boolean"], "reason": ["type": "string", "maxLength": 10000]],
                required: ["agreed", "reason"]),
            "DecisionResult": object(
                ["outcome": enumeration(DecisionOutcome.self), "status": enumeration(ReferralStatus.self),
                 "sign_off_reasons": ["type": "array", "items": enumeration(SignOffReason.self)],
                 "final": ["type": "boolean"]], required: ["outcome", "status", "sign_off_reasons", "final"]),
            "Queue": object(
                ["items": ["type": "array", "items": object(
                    ["id": uuid, "reference": ["type": "string"], "kind": enumeration(ReferralKind.self),
                     "status": enumeration(ReferralStatus.self), "child_name": ["type": "string"],
                     "child_date_of_birth": date, "referrer_agency_id": uuid, "submitted_at": dateTime,
                     "decision_due_at": dateTime, "overdue": ["type": "boolean"], "seconds_remaining": ["type": "integer"],
                     "quality_score": ["type": "integer"], "linked_notices": ["type": "integer", "minimum": 0]],
                    required: ["id", "reference", "kind", "status", "child_name", "submitted_at", "decision_due_at", "overdue",
                        "linked_notices"])]],
                required: ["items"]),
            "NewToken": object(
                ["user_id": uuid, "label": string(maxLength: 120),
                 "valid_for_days": ["type": "integer", "minimum": 1, "maximum": 366]], required: ["user_id", "label"]),
        ].merging(PartnershipAPIController.schemas) { ours, _ in ours }
            .merging(ChildProtectionAPIController.schemas) { ours, _ in ours }
            .merging(MissingAPIController.schemas) { ours, _ in ours }
            .merging(ExploitationAPIController.schemas) { ours, _ in ours }
            .merging(NetworkAPIController.schemas) { ours, _ in ours }
            .merging(CareAPIController.schemas) { ours, _ in ours }
            .merging(AllocationAPIController.schemas) { ours, _ in ours }
            .merging(PerformanceAPIController.schemas) { ours, _ in ours }
    }
}
