/// Rules of the child protection process that a request can break. Each case is one
/// rule; the web layer turns it into a sentence beside the field that broke it.
public enum ChildProtectionError: Error, Sendable, Hashable {
    /// A meeting, discussion or conference cannot be recorded before it has happened.
    case heldInTheFuture
    /// A strategy discussion or meeting records the agencies that took part.
    case noInvitees
    /// Each agreed action names who will do it, what, and by when.
    case actionIncomplete
    /// Only a strategy discussion can decide to convene a strategy meeting.
    case meetingCannotConveneAMeeting
    /// The record has already been closed with its outcome.
    case alreadyRecorded
    /// Minutes must go to every invitee: professionals not sent the minutes was an inspection finding.
    case minutesNotSentToEveryInvitee
    /// Minutes can only be circulated once the meeting has been held.
    case meetingNotHeld
    /// A Section 47 outcome needs the manager's oversight recorded first.
    case managerOversightMissing
    /// An enquiry starts only when a strategy discussion or meeting decided on one.
    case enquiryNotDecided
    /// Oversight and challenge are written down, not implied.
    case oversightNoteMissing
    /// A Section 47 enquiry names at least one investigating worker.
    case investigatingWorkerMissing
    /// Registration needs at least one category of abuse; no registration needs none.
    case categoryMissing
    case categoryWithoutRegistration
    /// A child cannot be on the register twice at once, nor removed when not on it.
    case alreadyRegistered
    case notRegistered
    /// Every core group invitee's attendance is recorded: "attendance unknown" was a finding.
    case attendanceNotRecorded
    /// The child's GP is invited when the child has one known to the partnership.
    case generalPractitionerNotInvited
    /// An assessment cannot be completed while these parts are missing without a reason.
    case assessmentIncomplete([AssessmentElement])
    /// When the child was seen must be said, and cannot be in the future.
    case childSeenDateMissing
    /// One care and support plan per child; siblings each have their own.
    case childAlreadyHasPlan
    /// Outcome scores run from 1 (not met at all) to 10 (fully met).
    case scoreOutOfRange
    case outcomeNotFound
    case actionNotFound
    /// A written agreement's review is a different manager's decision, with a reason.
    case nothingToReview
    case reviewReasonMissing
}
