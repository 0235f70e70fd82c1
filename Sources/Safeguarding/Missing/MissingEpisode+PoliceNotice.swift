import Foundation

extension MissingEpisode {
    /// The episode a missing person PPN tells of, once the notice is linked to the child's
    /// record: reported by the officer's agency when the incident happened, where the child
    /// was last seen, graded from the officer's own risk grade. Nil for any other notice,
    /// a referral not yet linked, or one already turned into an episode.
    ///
    /// An officer's "standard" is the lowest grade a notice gives, so it stands for low
    /// risk; a notice without a grade is taken as medium, never lower, because the
    /// police had a child missing and did not say the risk was low.
    public static func told(by referral: Referral, earlier: [MissingEpisode], now: Date) -> MissingEpisode? {
        guard let notice = referral.form.policeNotice, notice.noticeType == .missingPerson,
            let childID = referral.childID, !earlier.contains(where: { $0.referralID == referral.id })
        else { return nil }
        let grade: MissingRiskGrade = switch notice.officerRiskGrade {
        case .standard: .low
        case .high: .high
        case .medium, nil: .medium
        }
        let reported = min(notice.incidentAt ?? referral.submittedAt ?? now, now)
        return MissingEpisode(
            childID: childID, reportedAt: reported, reportedByAgencyID: referral.referrerAgencyID,
            reportedByUserID: referral.referrerUserID, referralID: referral.id, riskGrade: grade,
            lastSeenAt: notice.incidentAt.map { min($0, reported) }, lastSeenWhere: notice.incidentLocation)
    }
}
