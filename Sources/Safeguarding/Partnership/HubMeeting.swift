import Foundation

/// A multi-agency screening meeting of the hub (F8). Its agenda is the referrals
/// waiting for a decision when it is opened; each item is decided in the meeting
/// through the hub's ordinary decision, so the clock and sign-off rules still apply.
public struct HubMeeting: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var startsAt: Date
    public var chairID: UUID
    public var items: [HubMeetingItem]
    public var attendance: [HubMeetingAttendance]
    public var closedAt: Date?
    /// When the minutes were put in the outbox for every attendee.
    public var minutesSentAt: Date?

    public init(
        id: UUID = UUID(), startsAt: Date, chairID: UUID, items: [HubMeetingItem] = [],
        attendance: [HubMeetingAttendance] = [], closedAt: Date? = nil, minutesSentAt: Date? = nil
    ) {
        self.id = id
        self.startsAt = startsAt
        self.chairID = chairID
        self.items = items
        self.attendance = attendance
        self.closedAt = closedAt
        self.minutesSentAt = minutesSentAt
    }

    public var isClosed: Bool { closedAt != nil }

    /// The agencies with someone present.
    public var agenciesPresent: Set<UUID> { Set(attendance.filter(\.present).map(\.agencyID)) }

    /// For each item, the agencies whose information it needed and did not have: an
    /// agency asked about the child (or involved with the child) that neither sent
    /// someone to the meeting nor answered its request in writing before the item was
    /// decided.
    public func itemsLackingInformation(expected: [UUID: [ExpectedContribution]]) -> [UUID: [UUID]] {
        let present = agenciesPresent
        var lacking: [UUID: [UUID]] = [:]
        for item in items {
            let missing = (expected[item.referralID] ?? [])
                .filter { !present.contains($0.agencyID) && !$0.answeredInWriting }
                .map(\.agencyID)
            if !missing.isEmpty { lacking[item.referralID] = Array(Set(missing)).sorted { $0.uuidString < $1.uuidString } }
        }
        return lacking
    }
}

/// An agency whose information a referral on the agenda needed.
public struct ExpectedContribution: Sendable, Hashable, Codable {
    public var agencyID: UUID
    /// Whether the agency answered a request for information about this referral.
    public var answeredInWriting: Bool

    public init(agencyID: UUID, answeredInWriting: Bool) {
        self.agencyID = agencyID
        self.answeredInWriting = answeredInWriting
    }
}

/// One referral on a hub meeting's agenda, in the order it is to be taken.
public struct HubMeetingItem: Sendable, Hashable, Codable {
    public var referralID: UUID
    public var position: Int
    /// The allocation decision made in the meeting, once made.
    public var outcome: DecisionOutcome?
    public var decidedAt: Date?

    public init(referralID: UUID, position: Int, outcome: DecisionOutcome? = nil, decidedAt: Date? = nil) {
        self.referralID = referralID
        self.position = position
        self.outcome = outcome
        self.decidedAt = decidedAt
    }
}

/// Who came for an agency, or that the agency sent no one.
public struct HubMeetingAttendance: Sendable, Hashable, Codable {
    public var agencyID: UUID
    public var present: Bool
    /// The attendee's name and role as they gave them; empty when absent.
    public var attendeeName: String
    public var attendeeRole: String
    /// The attendee's Diogelu account, when they have one, so the minutes reach them.
    public var userID: UUID?

    public init(agencyID: UUID, present: Bool, attendeeName: String = "", attendeeRole: String = "", userID: UUID? = nil) {
        self.agencyID = agencyID
        self.present = present
        self.attendeeName = attendeeName
        self.attendeeRole = attendeeRole
        self.userID = userID
    }
}

/// Why a hub meeting cannot be changed the way asked.
public enum HubMeetingError: Error, Sendable, Hashable {
    case closed
    case notOnAgenda
    case itemsUndecided
    /// Nobody was recorded as present.
    case noAttendance
    /// A start outside the window a meeting may be planned or written up in.
    case startsOutOfRange
    /// Closing a meeting before it starts: one closed two days early had sent minutes of
    /// a meeting that had not been held.
    case notYetHeld

    /// Why the meeting cannot be closed now, if it cannot.
    public static func closingRefusal(_ meeting: HubMeeting, now: Date) -> HubMeetingError? {
        if meeting.isClosed { return .closed }
        if meeting.startsAt > now { return .notYetHeld }
        if !meeting.attendance.contains(where: \.present) { return .noAttendance }
        return nil
    }

    /// A meeting is planned up to a year ahead, or written up within a week of being
    /// held; a fuzzer had opened one in the year 7545.
    public static func refusal(startingAt startsAt: Date, now: Date) -> HubMeetingError? {
        let week: TimeInterval = 7 * 86_400
        return startsAt < now.addingTimeInterval(-week) || startsAt > now.addingTimeInterval(366 * 86_400)
            ? .startsOutOfRange : nil
    }
}
