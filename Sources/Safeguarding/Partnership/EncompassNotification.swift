import Foundation

/// Operation Encompass (F21): after a domestic abuse incident where a child was
/// present, the police tell the safeguarding lead of the child's school before the
/// next school day starts, so the school can support the child that morning.
public struct EncompassNotification: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var referralID: UUID
    public var childID: UUID?
    /// The school told; `nil` until the school is known, which the hub then settles.
    public var schoolAgencyID: UUID?
    public var incidentAt: Date
    public var createdAt: Date
    public var dueBy: Date
    /// When the school was sent the notice.
    public var sentAt: Date?
    public var seenAt: Date?
    public var seenBy: UUID?

    public init(
        id: UUID = UUID(), referralID: UUID, childID: UUID?, schoolAgencyID: UUID?, incidentAt: Date, createdAt: Date,
        dueBy: Date, sentAt: Date? = nil, seenAt: Date? = nil, seenBy: UUID? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.childID = childID
        self.schoolAgencyID = schoolAgencyID
        self.incidentAt = incidentAt
        self.createdAt = createdAt
        self.dueBy = dueBy
        self.sentAt = sentAt
        self.seenAt = seenAt
        self.seenBy = seenBy
    }

    public func status(at now: Date) -> EncompassStatus {
        if let seenAt { return seenAt <= dueBy ? .seen : .seenLate }
        if schoolAgencyID == nil { return .schoolNotKnown }
        return now > dueBy ? .overdue : .awaitingSchool
    }
}

public enum EncompassStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case schoolNotKnown = "school_not_known"
    case awaitingSchool = "awaiting_school"
    case overdue
    case seen
    case seenLate = "seen_late"

    public var key: String { "encompass.status." + rawValue }
}

public enum OperationEncompass {
    /// A police notice of domestic abuse where a child was present or saw or heard it.
    public static func applies(to form: ReferralForm) -> Bool {
        guard form.kind == .policeProtectionNotice, let notice = form.policeNotice else { return false }
        return notice.noticeType == .domesticAbuse && (notice.childPresent || notice.childWitnessed)
    }

    /// The school to tell: the child's current school, from the agencies involved, and
    /// only an agency that is a school: an education service recorded "as the school"
    /// has no pupils, and the notice sent there reached no one who could act on it.
    public static func school(of involvements: [AgencyInvolvement], among schools: Set<UUID>) -> UUID? {
        involvements.first { $0.involvement == .school && $0.isCurrent && schools.contains($0.agencyID) }?.agencyID
    }

    /// Before the next school day after the incident (or after the notice reached us,
    /// when no incident time was given).
    public static func notification(
        for referral: Referral, schoolAgencyID: UUID?, at now: Date, calendar: WorkingCalendar
    ) -> EncompassNotification? {
        guard applies(to: referral.form) else { return nil }
        let incident = referral.form.policeNotice?.incidentAt ?? referral.submittedAt ?? now
        return EncompassNotification(
            referralID: referral.id, childID: referral.childID, schoolAgencyID: schoolAgencyID, incidentAt: incident,
            createdAt: now, dueBy: calendar.dueDate(for: calendar.timescales[.operationEncompassNotification], from: incident))
    }
}
