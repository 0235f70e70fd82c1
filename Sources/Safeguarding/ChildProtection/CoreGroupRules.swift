import Foundation

/// The rules of core groups.
public enum CoreGroupRules {
    /// The first core group: 10 working days after the ICPC that registered the child.
    public static func scheduleFirst(
        after conference: ChildProtectionConference, entry: RegisterEntry, involvements: [AgencyInvolvement],
        calendar: WorkingCalendar
    ) -> CoreGroupMeeting? {
        guard let held = conference.heldAt else { return nil }
        return CoreGroupMeeting(
            childID: conference.childID, registerEntryID: entry.id,
            dueAt: calendar.deadline(for: .firstCoreGroup, from: held).due, members: suggestedMembers(from: involvements))
    }

    /// The next core group: at most 6 weeks after the last one was held.
    public static func scheduleNext(after meeting: CoreGroupMeeting, calendar: WorkingCalendar) -> CoreGroupMeeting? {
        guard let held = meeting.heldAt else { return nil }
        return CoreGroupMeeting(
            childID: meeting.childID, registerEntryID: meeting.registerEntryID,
            dueAt: calendar.deadline(for: .laterCoreGroup, from: held).due,
            members: meeting.members.map {
                CoreGroupMember(agencyID: $0.agencyID, role: $0.role, name: $0.name)
            })
    }

    /// One member per current involvement, the GP included.
    public static func suggestedMembers(from involvements: [AgencyInvolvement]) -> [CoreGroupMember] {
        involvements.filter(\.isCurrent).map {
            CoreGroupMember(agencyID: $0.agencyID, role: ProfessionalRole($0.involvement), name: $0.namedWorker)
        }
    }

    /// Records a core group once held: everyone's attendance must be known, and the
    /// child's GP must have been invited when the partnership knows who it is.
    public static func record(
        _ meeting: CoreGroupMeeting, heldAt: Date, members: [CoreGroupMember], childHasGP: Bool, by worker: UUID,
        now: Date
    ) throws(ChildProtectionError) -> CoreGroupMeeting {
        guard !meeting.isHeld else { throw .alreadyRecorded }
        guard heldAt <= now else { throw .heldInTheFuture }
        guard !members.isEmpty else { throw .noInvitees }
        guard members.allSatisfy({ $0.attended != nil }) else { throw .attendanceNotRecorded }
        if childHasGP, !members.contains(where: { $0.role == .generalPractitioner }) {
            throw .generalPractitionerNotInvited
        }
        var held = meeting
        held.heldAt = heldAt
        held.members = members
        held.recordedBy = worker
        return held
    }
}
