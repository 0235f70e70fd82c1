/// Whether the family agreed to the referral. "Not sought" is an acceptable answer only
/// with the reason, such as that asking would put the child at greater risk.
public enum ReferralConsent: Sendable, Hashable, Codable {
    case notRecorded
    case given
    case refused
    case notSought(reason: String)

    private enum CodingKeys: String, CodingKey { case status, reason }

    /// The status as forms and the API name it.
    public var status: String {
        switch self {
        case .notRecorded: "not_recorded"
        case .given: "given"
        case .refused: "refused"
        case .notSought: "not_sought"
        }
    }

    public static let statuses = ["not_recorded", "given", "refused", "not_sought"]

    public init(status: String, reason: String) throws(ReferralConsentError) {
        switch status {
        case "not_recorded", "": self = .notRecorded
        case "given": self = .given
        case "refused": self = .refused
        case "not_sought": self = .notSought(reason: reason)
        default: throw .unknownStatus
        }
    }

    // Written as {"status": "not_sought", "reason": "…"} so that partner systems see one
    // flat shape rather than Swift's encoding of an enum with a payload.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let status = try container.decode(String.self, forKey: .status)
        let reason = try container.decodeIfPresent(String.self, forKey: .reason) ?? ""
        do { try self.init(status: status, reason: reason) } catch {
            throw DecodingError.dataCorruptedError(forKey: .status, in: container, debugDescription: "one of \(Self.statuses)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        if case .notSought(let reason) = self { try container.encode(reason, forKey: .reason) } else {
            try container.encode("", forKey: .reason)
        }
    }
}

/// A consent answer that is not one of the four.
public enum ReferralConsentError: Error, Sendable {
    case unknownStatus
}
