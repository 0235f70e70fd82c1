import Foundation
import Safeguarding

extension OpenAPIDocument {
    /// The referral form's schema: its field names read from the form itself (so that a
    /// field added to the form is in the document), its choices, dates and optional
    /// values from the domain's types. Read from an example alone, every choice had been
    /// "any string", and a fuzzer's "0" for `kind` was schema-valid but refused.
    static var referralFormSchema: [String: Any] {
        var schema = self.schema(of: ReferralFormJSON.exemplar)
        let optionalDate: [String: Any] = ["type": ["string", "null"], "format": "date"]
        let typed: [[String]: [String: Any]] = [
            ["kind"]: enumeration(ReferralKind.self),
            // Null until the referrer answers; "unknown" is their answer that it is not known.
            ["child", "sex"]: ["type": ["string", "null"], "enum": Sex.allCases.map(\.rawValue) + [NSNull()]],
            ["child", "date_of_birth"]: optionalDate,
            ["child", "expected_date_of_delivery"]: optionalDate,
            ["household", "[]", "relationship"]: enumeration(Relationship.self),
            ["household", "[]", "date_of_birth"]: optionalDate,
            ["family_language"]: ["type": ["string", "null"], "enum": FamilyLanguage.allCases.map(\.rawValue) + [NSNull()]],
            ["family_informed"]: ["type": ["boolean", "null"]],
            ["consent", "status"]: ["type": "string", "enum": ReferralConsent.statuses + [""]],
            ["consent", "reason"]: ["type": ["string", "null"]],
            ["concern", "categories"]: ["type": "array", "items": enumeration(ConcernCategory.self)],
            ["concern", "adverse_childhood_experiences"]: ["type": "array", "items": enumeration(AdverseChildhoodExperience.self)],
            ["police_notice", "notice_type"]: ["type": ["string", "null"], "enum": PoliceNoticeType.allCases.map(\.rawValue) + [NSNull()]],
            ["police_notice", "domestic_abuse_risk"]: ["type": ["string", "null"], "enum": RiskLevel.allCases.map(\.rawValue) + [NSNull()]],
            ["police_notice", "officer_risk_grade"]: ["type": ["string", "null"], "enum": RiskLevel.allCases.map(\.rawValue) + [NSNull()]],
            ["police_notice", "incident_at"]: ["type": ["string", "null"], "format": "date-time"],
            ["police_notice", "immediate_actions"]: ["type": "array", "items": enumeration(ImmediatePoliceAction.self)],
        ]
        for (path, type) in typed { schema = replacing(path[...], in: schema, with: type) }
        // A MARF has no police notice: null is the notice left out.
        if var properties = schema["properties"] as? [String: Any], var notice = properties["police_notice"] as? [String: Any] {
            notice["type"] = ["object", "null"]
            properties["police_notice"] = notice
            schema["properties"] = properties
        }
        return schema
    }

    /// `path` names object properties, and `[]` an array's items.
    private static func replacing(_ path: ArraySlice<String>, in schema: [String: Any], with type: [String: Any]) -> [String: Any] {
        guard let first = path.first else { return type }
        var schema = schema
        if first == "[]", let items = schema["items"] as? [String: Any] {
            schema["items"] = replacing(path.dropFirst(), in: items, with: type)
        } else if var properties = schema["properties"] as? [String: Any], let field = properties[first] as? [String: Any] {
            properties[first] = replacing(path.dropFirst(), in: field, with: type)
            schema["properties"] = properties
        } else {
            preconditionFailure("the referral form has no field \(first): keep this table in step with ReferralForm")
        }
        return schema
    }
}
