import Foundation
import Safeguarding

extension PartnershipAPIController {
    typealias Doc = OpenAPIDocument

    /// The partnership-working operations of the API description: requests for
    /// information, hub meetings, early intervention, Operation Encompass and their measures.
    static var operations: [OpenAPIDocument.Operation] {
        [
            .init(
                method: "get", path: "/api/v1/referrals/{referralID}/requests",
                summary: "Requests for information sent about a referral, with the agencies' answers",
                permission: .screenReferrals, response: "InformationRequestList"),
            .init(
                method: "post", path: "/api/v1/referrals/{referralID}/requests",
                summary: "Ask partner agencies what they know; due in four working hours unless due_at is given",
                permission: .requestInformation, body: "InformationRequestSend", response: "InformationRequestList",
                status: 201),
            .init(
                method: "get", path: "/api/v1/requests",
                summary:
                    "The signed-in person's agency inbox: waiting requests soonest due first, then the last fortnight's answers",
                permission: .answerInformationRequests, response: "InformationRequestList"),
            .init(
                method: "post", path: "/api/v1/requests/{requestID}/answer",
                summary: "Answer a request for one's own agency; not_known is an explicit answer",
                permission: .answerInformationRequests, body: "InformationAnswer", response: "InformationRequest"),
            .init(
                method: "get", path: "/api/v1/early-intervention",
                summary: "The early intervention team's open cases, the soonest deadline first",
                permission: .workEarlyIntervention, response: "EarlyInterventionList"),
            .init(
                method: "get", path: "/api/v1/measures/information-requests",
                summary: "Request turnaround by agency: answered, answered late, overdue, chases",
                permission: .viewMeasures,
                query: Doc.period, response: "InformationRequestMeasure"),
            .init(
                method: "get", path: "/api/v1/measures/hub-meetings",
                summary: "Hub meeting attendance by agency over the meetings held", permission: .viewMeasures,
                query: Doc.period, response: "HubMeetingMeasure"),
            .init(
                method: "get", path: "/api/v1/measures/early-intervention",
                summary: "Early intervention step timeliness, re-referral and escalation rates",
                permission: .viewMeasures,
                query: Doc.period, response: "EarlyInterventionMeasure"),
            .init(
                method: "get", path: "/api/v1/measures/operation-encompass",
                summary: "Operation Encompass notifications sent and seen before the school day",
                permission: .viewMeasures,
                query: Doc.period, response: "EncompassMeasure"),
            .init(
                method: "get", path: "/api/v1/hub/meetings", summary: "Recent hub meetings and the next scheduled time",
                permission: .runHubMeetings, response: "HubMeetingList"),
            .init(
                method: "post", path: "/api/v1/hub/meetings",
                summary: "Open a hub meeting: its agenda is every referral now waiting for a decision",
                permission: .runHubMeetings, body: "HubMeetingOpen", response: "HubMeeting", status: 201),
            .init(
                method: "get", path: "/api/v1/hub/meetings/{meetingID}",
                summary:
                    "A meeting: agenda with requests' answers, attendance, decisions, information missing from absent agencies",
                permission: .runHubMeetings, response: "HubMeeting"),
            .init(
                method: "put", path: "/api/v1/hub/meetings/{meetingID}/attendance",
                summary: "Record attendance by agency; agencies left out are absent", permission: .runHubMeetings,
                body: "HubMeetingAttendance", response: "HubMeeting"),
            .init(
                method: "post", path: "/api/v1/hub/meetings/{meetingID}/close",
                summary: "Close the meeting and send its minutes, in English and Welsh, to every attendee",
                permission: .runHubMeetings,
                response: "HubMeeting"),
            .init(
                method: "post", path: "/api/v1/early-intervention/{caseID}/{step}",
                summary:
                    "Record a step (contact, what-matters, visit, close) or escalate to the hub as a new referral (escalate)",
                permission: .workEarlyIntervention, body: "EarlyInterventionStep",
                response: "EarlyInterventionStepResult"),
            .init(
                method: "get", path: "/api/v1/encompass",
                summary: "Operation Encompass notifications: a school's own, or all of them for the hub (audited)",
                permission: .acknowledgeEncompass, response: "EncompassList"),
            .init(
                method: "post", path: "/api/v1/encompass/{notificationID}/seen",
                summary: "The school's safeguarding lead records that they saw the notification",
                permission: .acknowledgeEncompass,
                response: nil, status: 204),
        ]
    }

    static var schemas: [String: Any] {
        [
            "InformationRequestSend": Doc.object(
                [
                    "agency_ids": ["type": "array", "items": Doc.uuid, "minItems": 1],
                    "question": Doc.string(maxLength: 2000),
                    "due_at": Doc.dateTime,
                ],
                required: ["agency_ids"]),
            "InformationAnswer": Doc.object(
                [
                    "knowledge": Doc.enumeration(AgencyKnowledge.self), "what_is_known": Doc.string(maxLength: 10000),
                    "known_risks": Doc.string(maxLength: 10000), "last_contact": Doc.date,
                    "named_worker": Doc.string(maxLength: 200),
                    "notes": Doc.string(maxLength: 10000),
                ],
                required: ["knowledge"]),
            "InformationRequest": Doc.object(
                [
                    "id": Doc.uuid, "referral_id": Doc.uuid, "agency_id": Doc.uuid, "requested_at": Doc.dateTime,
                    "due_at": Doc.dateTime,
                    "question": ["type": "string"], "status": Doc.enumeration(InformationRequestStatus.self),
                    "chase_count": ["type": "integer"],
                    "answer": Doc.nullable(
                        Doc.object(
                            [
                                "knowledge": Doc.enumeration(AgencyKnowledge.self), "what_is_known": ["type": "string"],
                                "known_risks": ["type": "string"], "last_contact": Doc.nullable(Doc.date),
                                "named_worker": ["type": "string"],
                                "notes": ["type": "string"], "answered_by": Doc.uuid, "answered_at": Doc.dateTime,
                            ],
                            required: [
                                "knowledge", "what_is_known", "known_risks", "named_worker", "notes", "answered_by",
                                "answered_at",
                            ])),
                ],
                required: [
                    "id", "referral_id", "agency_id", "requested_at", "due_at", "question", "status", "chase_count",
                ]),
            "InformationRequestList": Doc.list("InformationRequest"),
            "EarlyInterventionList": [
                "type": "object", "required": ["items"],
                "properties": [
                    "items": [
                        "type": "array",
                        "items": Doc.object(
                            [
                                "id": Doc.uuid, "referral_id": Doc.uuid, "child_id": Doc.nullable(Doc.uuid),
                                "opened_at": Doc.dateTime,
                                "state": Doc.enumeration(EarlyInterventionState.self),
                                "first_contact_due_at": Doc.dateTime,
                                "what_matters_due_at": Doc.dateTime, "next_due_at": Doc.nullable(Doc.dateTime),
                                "overdue": ["type": "boolean"],
                            ],
                            required: [
                                "id", "referral_id", "opened_at", "state", "first_contact_due_at",
                                "what_matters_due_at", "overdue",
                            ]),
                    ]
                ],
            ],
            "InformationRequestMeasure": Doc.object(
                [
                    "from": Doc.date, "until": Doc.date,
                    "items": [
                        "type": "array",
                        "items": Doc.object(
                            [
                                "agency_id": Doc.uuid, "agency_name": ["type": "string"],
                                "requested": ["type": "integer"],
                                "answered": ["type": "integer"], "answered_late": ["type": "integer"],
                                "overdue_now": ["type": "integer"],
                                "not_known_answers": ["type": "integer"], "chases": ["type": "integer"],
                                "average_turnaround_hours": Doc.nullable(["type": "number"]),
                            ],
                            required: [
                                "agency_id", "agency_name", "requested", "answered", "answered_late", "overdue_now",
                                "not_known_answers", "chases",
                            ]),
                    ],
                ],
                required: ["from", "until", "items"]),
            "HubMeetingMeasure": Doc.object(
                [
                    "from": Doc.date, "until": Doc.date, "meetings": ["type": "integer"],
                    "items_decided": ["type": "integer"],
                    "items_lacking_information": ["type": "integer"],
                    "items": [
                        "type": "array",
                        "items": Doc.object(
                            [
                                "agency_id": Doc.uuid, "agency_name": ["type": "string"],
                                "attended": ["type": "integer"],
                                "meetings": ["type": "integer"], "rate": ["type": "number"],
                            ],
                            required: ["agency_id", "agency_name", "attended", "meetings", "rate"]),
                    ],
                ],
                required: ["from", "until", "meetings", "items_decided", "items_lacking_information", "items"]),
            "EarlyInterventionMeasure": Doc.object(
                [
                    "from": Doc.date, "until": Doc.date, "cases": ["type": "integer"],
                    "re_referred": ["type": "integer"],
                    "escalated": ["type": "integer"], "re_referral_rate": Doc.nullable(["type": "number"]),
                    "escalation_rate": Doc.nullable(["type": "number"]), "first_contact_on_time": ["type": "integer"],
                    "first_contact_late": ["type": "integer"], "what_matters_on_time": ["type": "integer"],
                    "what_matters_late": ["type": "integer"], "overdue_now": ["type": "integer"],
                ],
                required: [
                    "from", "until", "cases", "re_referred", "escalated", "first_contact_on_time", "first_contact_late",
                    "what_matters_on_time", "what_matters_late", "overdue_now",
                ]),
            "EncompassMeasure": Doc.object(
                [
                    "from": Doc.date, "until": Doc.date, "notifications": ["type": "integer"],
                    "sent_to_school": ["type": "integer"],
                    "seen_on_time": ["type": "integer"], "seen_late": ["type": "integer"],
                    "overdue_now": ["type": "integer"],
                    "school_not_known": ["type": "integer"],
                ],
                required: [
                    "from", "until", "notifications", "sent_to_school", "seen_on_time", "seen_late", "overdue_now",
                    "school_not_known",
                ]),
            "HubMeetingOpen": Doc.object(["starts_at": Doc.dateTime], required: ["starts_at"]),
            "HubMeetingList": Doc.object(
                [
                    "items": [
                        "type": "array",
                        "items": Doc.object(
                            [
                                "id": Doc.uuid, "starts_at": Doc.dateTime, "items": ["type": "integer"],
                                "closed_at": Doc.nullable(Doc.dateTime),
                            ],
                            required: ["id", "starts_at", "items"]),
                    ],
                    "next_scheduled": Doc.nullable(Doc.dateTime),
                ],
                required: ["items"]),
            "HubMeetingAttendance": Doc.object(
                [
                    "attendance": [
                        "type": "array",
                        "items": Doc.object(
                            [
                                "agency_id": Doc.uuid, "present": ["type": "boolean"],
                                "attendee_name": Doc.string(maxLength: 200),
                                "attendee_role": Doc.string(maxLength: 200),
                            ],
                            required: ["agency_id", "present"]),
                    ]
                ],
                required: ["attendance"]),
            "HubMeeting": Doc.object(
                [
                    "id": Doc.uuid, "starts_at": Doc.dateTime, "chair_id": Doc.uuid,
                    "closed_at": Doc.nullable(Doc.dateTime),
                    "minutes_sent_at": Doc.nullable(Doc.dateTime),
                    "items": [
                        "type": "array",
                        "items": Doc.object(
                            [
                                "referral_id": Doc.uuid, "reference": ["type": "string"],
                                "position": ["type": "integer"],
                                "outcome": Doc.nullable(Doc.enumeration(DecisionOutcome.self)),
                                "decided_at": Doc.nullable(Doc.dateTime),
                                "lacking_information_from": ["type": "array", "items": Doc.uuid],
                                "requests": ["type": "array", "items": Doc.ref("InformationRequest")],
                            ],
                            required: ["referral_id", "reference", "position", "lacking_information_from", "requests"]),
                    ],
                    "attendance": [
                        "type": "array",
                        "items": Doc.object(
                            [
                                "agency_id": Doc.uuid, "present": ["type": "boolean"],
                                "attendee_name": ["type": "string"],
                                "attendee_role": ["type": "string"],
                            ],
                            required: ["agency_id", "present", "attendee_name", "attendee_role"]),
                    ],
                ],
                required: ["id", "starts_at", "chair_id", "items", "attendance"]),
            "EarlyInterventionStep": Doc.object(
                [
                    "at": Doc.dateTime, "note": Doc.string(maxLength: 10000), "visit_needed": ["type": "boolean"],
                    "visit_by": Doc.dateTime,
                ],
                required: ["note"]),
            "EarlyInterventionStepResult": Doc.object(
                [
                    "id": Doc.uuid, "state": Doc.enumeration(EarlyInterventionState.self),
                    "next_due_at": Doc.nullable(Doc.dateTime),
                    "escalation_referral_id": Doc.nullable(Doc.uuid),
                ],
                required: ["id", "state"]),
            "EncompassList": Doc.list("EncompassNotification"),
            "EncompassNotification": Doc.object(
                [
                    "id": Doc.uuid, "referral_id": Doc.uuid, "child_id": Doc.nullable(Doc.uuid),
                    "child_name": ["type": "string"],
                    "school_agency_id": Doc.nullable(Doc.uuid), "incident_at": Doc.dateTime, "due_by": Doc.dateTime,
                    "status": Doc.enumeration(EncompassStatus.self), "seen_at": Doc.nullable(Doc.dateTime),
                ],
                required: ["id", "referral_id", "child_name", "incident_at", "due_by", "status"]),
        ]
    }
}
