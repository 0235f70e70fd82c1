import Foundation

/// The child protection measures of the performance framework, counted per event
/// (each meeting, each conference), because sibling groups distort per-child rates.
public struct ChildProtectionMeasures: Sendable, Hashable, Codable {
    /// Strategy meetings held, how many after their deadline, and the mean working
    /// days from the discussion to the meeting.
    public var strategyMeetingsHeld: Int
    public var strategyMeetingsLate: Int
    public var strategyMeetingMeanWorkingDays: Double?
    public var minutesCirculated: Int
    public var minutesCirculatedLate: Int
    /// Minutes due and still not sent once their deadline has passed.
    public var minutesOverdue: Int
    public var initialConferencesHeld: Int
    public var initialConferencesOnTime: Int
    public var reviewConferencesHeld: Int
    public var reviewConferencesOnTime: Int
    public var coreGroupAttendance: [AgencyAttendance]
    /// The same by professional role, so that GPs' attendance can be seen on its own.
    public var coreGroupAttendanceByRole: [RoleAttendance]

    /// Invitations and attendance at core groups for one agency, and the GP's share.
    public struct AgencyAttendance: Sendable, Hashable, Codable {
        public var agencyID: UUID
        public var invited: Int
        public var attended: Int
        public var reportsSubmitted: Int

        public init(agencyID: UUID, invited: Int, attended: Int, reportsSubmitted: Int) {
            self.agencyID = agencyID
            self.invited = invited
            self.attended = attended
            self.reportsSubmitted = reportsSubmitted
        }
    }

    public struct RoleAttendance: Sendable, Hashable, Codable {
        public var role: ProfessionalRole
        public var invited: Int
        public var attended: Int

        public init(role: ProfessionalRole, invited: Int, attended: Int) {
            self.role = role
            self.invited = invited
            self.attended = attended
        }
    }

    public init(
        strategyMeetingsHeld: Int, strategyMeetingsLate: Int, strategyMeetingMeanWorkingDays: Double?, minutesCirculated: Int,
        minutesCirculatedLate: Int, minutesOverdue: Int, initialConferencesHeld: Int, initialConferencesOnTime: Int,
        reviewConferencesHeld: Int, reviewConferencesOnTime: Int, coreGroupAttendance: [AgencyAttendance],
        coreGroupAttendanceByRole: [RoleAttendance]
    ) {
        self.strategyMeetingsHeld = strategyMeetingsHeld
        self.strategyMeetingsLate = strategyMeetingsLate
        self.strategyMeetingMeanWorkingDays = strategyMeetingMeanWorkingDays
        self.minutesCirculated = minutesCirculated
        self.minutesCirculatedLate = minutesCirculatedLate
        self.minutesOverdue = minutesOverdue
        self.initialConferencesHeld = initialConferencesHeld
        self.initialConferencesOnTime = initialConferencesOnTime
        self.reviewConferencesHeld = reviewConferencesHeld
        self.reviewConferencesOnTime = reviewConferencesOnTime
        self.coreGroupAttendance = coreGroupAttendance
        self.coreGroupAttendanceByRole = coreGroupAttendanceByRole
    }

    /// Counts the events of `period` (every event when it is `nil`): meetings,
    /// conferences and core groups by when they were held, minutes by when they were sent.
    /// Minutes overdue are counted as they stand at `now`, whatever the period.
    public static func compute(
        from cases: [ChildProtectionCase], now: Date, calendar: WorkingCalendar, during period: Range<Date>? = nil
    ) -> ChildProtectionMeasures {
        func inPeriod(_ date: Date?) -> Bool { date.map { period?.contains($0) ?? true } ?? false }
        let meetings = cases.flatMap(\.meetings)
        let held = meetings.filter { $0.isHeld && inPeriod($0.heldAt) }
        let delays = held.map { calendar.workingDays(from: $0.requestedAt, to: $0.heldAt!) }
        let circulated = meetings.filter { inPeriod($0.minutesCirculatedAt) }
        let conferences = cases.flatMap(\.conferences).filter { $0.isHeld && inPeriod($0.heldAt) }
        let initial = conferences.filter { $0.kind == .initial }
        let review = conferences.filter { $0.kind == .review }
        var byAgency: [UUID: AgencyAttendance] = [:]
        let coreGroups = cases.flatMap(\.coreGroups).filter { $0.isHeld && inPeriod($0.heldAt) }
        for member in coreGroups.flatMap(\.members) {
            var line = byAgency[member.agencyID]
                ?? AgencyAttendance(agencyID: member.agencyID, invited: 0, attended: 0, reportsSubmitted: 0)
            line.invited += 1
            if member.attended == true { line.attended += 1 }
            if member.reportSubmitted { line.reportsSubmitted += 1 }
            byAgency[member.agencyID] = line
        }
        var byRole: [ProfessionalRole: RoleAttendance] = [:]
        for member in coreGroups.flatMap(\.members) {
            var line = byRole[member.role] ?? RoleAttendance(role: member.role, invited: 0, attended: 0)
            line.invited += 1
            if member.attended == true { line.attended += 1 }
            byRole[member.role] = line
        }
        return ChildProtectionMeasures(
            strategyMeetingsHeld: held.count,
            strategyMeetingsLate: held.filter { $0.heldLate == true }.count,
            strategyMeetingMeanWorkingDays: delays.isEmpty ? nil : Double(delays.reduce(0, +)) / Double(delays.count),
            minutesCirculated: circulated.count,
            minutesCirculatedLate: circulated.filter { $0.minutesCirculatedLate == true }.count,
            minutesOverdue: meetings.filter { $0.minutesCirculatedAt == nil && ($0.minutesDueAt.map { $0 < now } ?? false) }
                .count,
            initialConferencesHeld: initial.count,
            initialConferencesOnTime: initial.filter { $0.heldOnTime == true }.count,
            reviewConferencesHeld: review.count,
            reviewConferencesOnTime: review.filter { $0.heldOnTime == true }.count,
            coreGroupAttendance: byAgency.values.sorted { $0.agencyID.uuidString < $1.agencyID.uuidString },
            coreGroupAttendanceByRole: ProfessionalRole.allCases.compactMap { byRole[$0] })
    }
}
