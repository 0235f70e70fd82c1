/// How soon the hub should read a referral, beside its deadline. Every referral is due
/// within a working day, so on a busy morning most are due at the same hour: a notice the
/// police graded high, with a child at the incident, must not wait behind routine ones
/// that happened to arrive first.
///
/// The raw values order the queue (higher first) and are what the database stores.
public enum ScreeningPriority: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case routine = 0
    case raised = 1
    case high = 2

    public static func < (lhs: ScreeningPriority, rhs: ScreeningPriority) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The catalogue key of the level's name.
    public var key: String {
        switch self {
        case .routine: "priority.routine"
        case .raised: "priority.raised"
        case .high: "priority.high"
        }
    }
}

extension ReferralForm {
    /// The priority the form's own answers give it. Only answers the referrer chose count:
    /// a grade nobody chose is no grade.
    ///
    /// - High: the officer or the DASH assessment graded the risk high, or the police
    ///   took the child into police protection or served a child abduction warning notice.
    /// - Raised: a medium grade; a child present at, or witnessing, domestic abuse; a
    ///   missing or exploited child; a referral about sexual abuse, physical abuse or
    ///   exploitation.
    /// - Routine: everything else.
    public var screeningPriority: ScreeningPriority {
        var priority = ScreeningPriority.routine
        if let notice = policeNotice {
            let grades = [notice.officerRiskGrade, notice.domesticAbuseRisk].compactMap { $0 }
            if grades.contains(.high)
                || notice.immediateActions.contains(where: { $0 == .policeProtection || $0 == .childAbductionWarningNotice }) {
                return .high
            }
            if grades.contains(.medium) { priority = .raised }
            if notice.noticeType == .domesticAbuse && (notice.childPresent || notice.childWitnessed) { priority = .raised }
            if notice.noticeType == .missingPerson || notice.noticeType == .exploitationConcern { priority = .raised }
        }
        let pressing: Set<ConcernCategory> = [.sexualAbuse, .physicalAbuse, .exploitation, .missing]
        if concern.categories.contains(where: pressing.contains) { priority = max(priority, .raised) }
        return priority
    }

    /// What the referral is mainly about, for the queue's type column and for counting:
    /// the police notice's type, or the first concern the referrer named.
    public var concernType: String? {
        if let notice = policeNotice { return notice.noticeType?.rawValue }
        return concern.categories.first?.rawValue
    }

    /// The catalogue key of ``concernType``'s name.
    public static func concernTypeKey(kind: ReferralKind, concernType: String) -> String {
        kind == .policeProtectionNotice ? "ppn.type.\(concernType)" : "concern.category.\(concernType)"
    }
}
