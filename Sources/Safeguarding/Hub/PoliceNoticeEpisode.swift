import Foundation

/// Whether two police notices are about the same child and the same incident, so the
/// hub treats them as one episode (F4). The custody officer and the arresting officer
/// often both submit a notice; processing both twice is the delay the inspection saw.
///
/// Same incident means the same occurrence number, or (when either lacks one) the same
/// kind of notice with incidents no more than `window` apart. Same child is decided by
/// the caller, from the linked record or the identifiers.
public enum PoliceNoticeEpisode {
    public static let window: TimeInterval = 3 * 3600

    public static func sameIncident(_ a: PoliceNoticeDetails, _ b: PoliceNoticeDetails) -> Bool {
        let first = normalised(a.occurrenceNumber), second = normalised(b.occurrenceNumber)
        if !first.isEmpty, !second.isEmpty { return first == second }
        guard let type = a.noticeType, type == b.noticeType, let at = a.incidentAt, let bt = b.incidentAt else { return false }
        return abs(at.timeIntervalSince(bt)) <= window
    }

    static func normalised(_ occurrence: String) -> String {
        occurrence.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}
