import Foundation
import Safeguarding

extension ChildProtectionAPIController {
    typealias Doc = OpenAPIDocument

    /// The child protection operations of the API description, read from the same table
    /// of steps as the routes.
    static var operations: [OpenAPIDocument.Operation] {
        [
            .init(method: "get", path: "/api/v1/children/{childID}/child-protection",
                summary: "A child's child protection record and its open clocks (the read is audited)",
                permission: .viewChildProtection, response: "ChildProtectionRecord"),
            .init(method: "get", path: "/api/v1/team/queue",
                summary: "Every open clock the team must beat, most overdue first: child protection, return interviews, safety checks; mine=true for the reader's own cases",
                permission: .viewChildProtection, query: [("mine", ["type": "string", "enum": ["true", "false"]])],
                response: "TeamQueue"),
            .init(method: "get", path: "/api/v1/measures/child-protection",
                summary: "Strategy meeting delay, minutes circulated late, conference timeliness, core group attendance by agency",
                permission: .viewMeasures,
                query: Doc.period,
                response: "ChildProtectionMeasures"),
        ] + ChildProtectionStep.all.map { step in
            .init(method: "post",
                path: "/api/v1/children/{childID}/" + step.path.map {
                    $0.hasPrefix(":") ? "{\($0.dropFirst())}" : $0
                }.joined(separator: "/"),
                summary: step.summary, permission: step.permission, body: step.bodySchema,
                response: "ChildProtectionRecord", status: 201)
        }
    }

    static var schemas: [String: Any] {
        // The lengths the readers allow (ChildProtectionInput, ChildProtectionStep+All).
        let name = Doc.string(maxLength: 200), note = Doc.string(maxLength: 10_000), line = Doc.string(maxLength: 2_000)
        let time: [String: Any] = ["type": "string", "pattern": ChildProtectionInput.timePattern]
        let flag: [String: Any] = ["type": "boolean"]
        let strategy: [String: [String: Any]] = [
            "held_at": Doc.date, "held_time": time, "outcome": Doc.enumeration(StrategyOutcome.self),
            "added_agency_id": Doc.uuid, "added_name": name, "information_agency_id": Doc.uuid, "information": note,
            "action_description": line, "action_owner": name, "action_due": Doc.date,
        ]
        var assessment: [String: [String: Any]] = [
            "child_seen": flag, "child_seen_at": Doc.date, "child_seen_time": time, "child_seen_alone": flag,
            "complete": flag,
        ]
        for element in AssessmentElement.allCases {
            if element != .childSeen { assessment[element.rawValue] = Doc.string(maxLength: 20_000) }
            assessment["reason_\(element.rawValue)"] = line
        }
        return [
            "ChildProtectionRecord": ["type": "object", "description": "The child's record: discussions, meetings, enquiries, conferences, register, core groups, assessments, plan, and open clocks"],
            "TeamQueue": ["type": "object", "description": "items: kind (a child protection clock's kind, return_interview with the episode as subject, or safety_check with the placement as subject), child_id, child_name, subject_id, due_at, overdue, seconds_remaining"],
            "ChildProtectionMeasures": ["type": "object", "description": "Counted per event"],
            "Empty": Doc.object([:], required: []),
            "StartStrategyDiscussion": Doc.object(["referral_id": Doc.uuid, "immediate_risk": flag], required: []),
            "StrategyRecord": ["type": "object", "required": ["held_at", "outcome"], "properties": strategy,
                "description": "Also attended_<invitee id>: boolean for each invitee"],
            "Minutes": ["type": "object", "description": "sent_<invitee id>: true for every invitee"],
            "StartEnquiry": Doc.object(["workers": Doc.string(maxLength: 1_000)], required: ["workers"]),
            "Oversight": Doc.object(["kind": Doc.enumeration(OversightKind.self), "note": note], required: ["kind", "note"]),
            "EnquiryOutcome": Doc.object(
                ["outcome": Doc.enumeration(SectionFortySevenOutcome.self), "reasons": note], required: ["outcome", "reasons"]),
            "Conference": ["type": "object", "required": ["held_at", "register"],
                "properties": ["held_at": Doc.date, "held_time": time, "register": flag,
                    "categories": ["type": "array", "items": Doc.enumeration(AbuseCategory.self)]],
                "description": "Also report_<agency id>: true for each agency that sent a report"],
            "CoreGroup": ["type": "object", "required": ["held_at"],
                "properties": ["held_at": Doc.date, "held_time": time, "added_agency_id": Doc.uuid,
                    "added_role": Doc.enumeration(ProfessionalRole.self), "added_name": name, "added_attended": flag,
                    "added_report": flag],
                "description": "Also attended_<member id> and report_<member id>: boolean for each member"],
            "Assessment": Doc.object(assessment, required: []),
            "Plan": Doc.object(["child_contribution": note, "child_invited": flag, "advocacy_offered": flag], required: []),
            "PlanOutcome": Doc.object(["description": line], required: ["description"]),
            "Score": Doc.object(["score": ["type": "integer", "minimum": 1, "maximum": 10]], required: ["score"]),
            "Action": Doc.object(["action_description": line, "action_owner": name, "action_due": Doc.date],
                required: ["action_description", "action_owner", "action_due"]),
            "PlanReview": Doc.object(["reason": Doc.enumeration(PlanReviewReason.self), "reviewed": flag], required: [])
                // Why the plan is reviewed early, or that the review was held: one of the two.
                .merging(["anyOf": [["required": ["reason"]], ["required": ["reviewed"], "properties": ["reviewed": ["const": true]]]]]) { a, _ in a },
            "WrittenAgreement": Doc.object(["summary": note, "instead_of_procedures": flag], required: ["summary"]),
            "Note": Doc.object(["note": note], required: ["note"]),
            "Visit": Doc.object(
                ["visited_at": Doc.date, "visited_time": time, "seen_alone": flag, "at_home": flag, "note": note],
                required: ["visited_at"]),
            "DocumentSent": Doc.object(["document": Doc.enumeration(ConferenceDocument.self)], required: ["document"]),
        ]
    }
}
